/** The table of contents a post page shows, from the headings the markdown stage listed. */
import type { TocItemView } from './view-types.ts';

/** One heading as the markdown stage reports it (`RenderedPost.toc`). */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** Fewer headings than this make a contents list longer than it is useful. */
export const TOC_MIN_ENTRIES = 3;

/**
 * The post's contents as a two-level list, or `[]` when it shows none: `setting` (Post.showToc,
 * from front matter `toc`) false turns it off, true turns it on for any number of headings,
 * otherwise it needs TOC_MIN_ENTRIES. `toc` may be missing (a markdown stage that lists no headings).
 */
export function tocView(toc: readonly TocEntry[] | undefined, setting: boolean | undefined): TocItemView[] {
  const entries = (toc ?? []).filter((entry) => entry.id !== '' && entry.text.trim() !== '');
  if (setting === false) return [];
  if (setting !== true && entries.length < TOC_MIN_ENTRIES) return [];
  return nest(entries);
}

/**
 * The shallowest depth forms the top level and everything deeper hangs under the top-level entry
 * before it: two levels read well, and a skipped level (h2 → h4) must not leave an empty parent.
 */
function nest(entries: readonly TocEntry[]): TocItemView[] {
  // A loop, not Math.min(...depths): spread arguments overflow the stack at ~100,000 headings.
  const top = entries.reduce((min, entry) => Math.min(min, entry.depth), Infinity);
  const items: TocItemView[] = [];
  for (const entry of entries) {
    const item: TocItemView = { id: entry.id, text: entry.text, href: `#${entry.id}`, children: [] };
    const parent = items.at(-1);
    if (entry.depth > top && parent) parent.children.push(item);
    else items.push(item);
  }
  return items;
}
