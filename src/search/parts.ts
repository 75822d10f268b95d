/**
 * Which part of the search index a page goes in. A big site's index is split into parts whose
 * membership does not move when a post is edited, added or deleted: a page's part is a hash of
 * its URL, so an edit re-indexes only the part holding the page and the other parts' files are
 * kept from the last output. The number of parts is a power of two picked from the number of
 * pages on a log scale, so it stays the same across a wide range of site sizes (from √½ to √2
 * times a power of two of `PAGES_PER_PART`): adding or deleting a post almost never moves a
 * page, and when the count does cross a boundary the index is made once in the new number of parts.
 * A site with fewer than ~1,400 pages has one index, exactly as before parts existed.
 */
import { createHash } from 'node:crypto';
import { routePath } from '../site/routes.ts';

/**
 * Pages a part is sized for. An edit re-indexes one part (~1.2 ms a page in Pagefind), and the
 * search page loads every part's entry and metadata (one more round of requests per part): on
 * 4,000 posts, 4 parts of ~1,000 cut the edit's index from 5.9 s to ~1.5 s for a few ms per query.
 */
export const PAGES_PER_PART = 1_000;

/** Above this many parts the search page's requests cost more than an edit saves; only the memory bound makes more. */
const MOST_PARTS = 16;

/**
 * The number of parts for `pages` indexed pages: the power of two nearest `pages / perPart` on a
 * log scale, at most 16, and more when the parts would hold more than `pagesPerIndex` pages on
 * average (Pagefind builds an index in memory: see pages-per-index.ts). `perPart` is
 * `PAGES_PER_PART`, or `pagesPerIndex` when that is smaller.
 */
export function partCount(pages: number, pagesPerIndex: number): number {
  const perPart = Math.min(PAGES_PER_PART, pagesPerIndex);
  let count = 1;
  while (count < MOST_PARTS && pages >= perPart * count * Math.SQRT2) count *= 2;
  while (pages / count > pagesPerIndex) count *= 2;
  return count;
}

/** The part (from 0) of the page at site-relative `url` among `count` parts: by a hash of the URL, so it never depends on other pages. */
export function partOf(url: string, count: number): number {
  if (count === 1) return 0;
  const hash = createHash('sha256').update(url).digest().readUInt32BE(0);
  return Math.floor((hash * count) / 2 ** 32);
}

/** Where part `number` goes in the output: the first in `pagefind/` (the search page loads `pagefind.js` there), the others in `pagefind/part-N/`. */
export function partDir(number: number): string {
  return number === 0 ? routePath('searchIndex') : routePath('searchIndexPart', { n: number + 1 });
}

/** The parts after the first, relative to `pagefind/parts.json` (static/search.js merges them). */
export function partNames(count: number): string[] {
  return Array.from({ length: count - 1 }, (_, i) => partDir(i + 1).slice(partDir(0).length));
}
