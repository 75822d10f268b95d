/** `similar-tags`: two tags that are probably one, a typo (`kubernets` ~ `kubernetes`) or a plural (`conference` ~ `conferences`). */
import { FRONT_MATTER_KEYS, TAG_OBJECT_KEYS } from '../../content/keys.ts';
import { valueAt } from '../../content/normalize/fields.ts';
import { quote } from '../../messages.ts';
import type { KeyPath, RenderedPost, Site, Tag } from '../../types.ts';
import type { PostCheck } from '../context.ts';

/** Report, on each post using the rarer tag of a similar pair, where its front matter names that tag. */
export function checkSimilarTags(site: Site, checkOf: (post: RenderedPost) => PostCheck | undefined): void {
  // Most used first, so of each pair the rarer tag is the one called a look-alike.
  const tags = [...site.tags].sort((a, b) => b.posts.length - a.posts.length || a.key.localeCompare(b.key));
  const reported = new Set<Tag>();
  // Each tag's forms once, not once per pair; tags too long to be a typo of another are left out.
  const forms = new Map(tags.filter((tag) => tag.key.length <= MAX_COMPARED).map((tag) => [tag, formsOf(tag.key)]));
  const compared = [...forms.keys()];
  for (const [i, common] of compared.entries()) {
    for (const rare of compared.slice(i + 1)) {
      if (reported.has(rare) || !similarForms(forms.get(common)!, forms.get(rare)!)) continue;
      reported.add(rare);
      const count = common.posts.length === 1 ? '1 post' : `${common.posts.length} posts`;
      for (const post of rare.posts) {
        const spelling = post.tags.find((ref) => ref.key === rare.key)?.spelling ?? rare.label;
        checkOf(post)?.report(
          'similar-tags',
          `Tag ${quote(spelling)} looks like ${quote(common.label)} (${count}): if they are one tag, use one spelling or add an alias in tags.yml`,
          post.raw.frontMatter.locate(tagPath(post, spelling)) ?? { line: 1, column: 1 },
        );
      }
    }
  }
}

/**
 * Tags longer than this are not compared: no one mistypes a 100-character tag for another, and
 * comparing two 130,000-character tags overflowed the stack (`Math.min(...row)`) after
 * minutes of work. Such a tag's path segment is measured and reported elsewhere.
 */
export const MAX_COMPARED = 100;

/** What a tag is compared by: its key without dashes, and that key's stem. */
interface Forms {
  flat: string;
  stem: string;
}

function formsOf(key: string): Forms {
  const flat = key.replace(/-/g, '');
  return { flat, stem: stem(flat) };
}

/** Same stem, or a small edit distance for the length (short tags like `go` and `js` are often both real). */
export function similar(a: string, b: string): boolean {
  return similarForms(formsOf(a), formsOf(b));
}

function similarForms({ flat: x, stem: xStem }: Forms, { flat: y, stem: yStem }: Forms): boolean {
  if (x === y) return true;
  if (xStem === yStem && xStem.length >= 3) return true;
  const allowed = Math.min(2, Math.floor(Math.min(x.length, y.length) / 5));
  return allowed > 0 && distance(x, y, allowed) <= allowed;
}

/** A crude English stem: enough for plurals and -ing forms of tag names. */
function stem(word: string): string {
  return word.replace(/(?:ies|es|s|ing|ed)$/, (suffix) => (suffix === 'ies' ? 'y' : ''));
}

/**
 * Levenshtein distance, giving up (returning `limit + 1`) once every path is over `limit`. Only
 * the band of cells within `limit` of the diagonal can stay under it, so only they are computed:
 * O(length × limit), whatever the lengths.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  // Two rows, reused. A cell outside the band reads as `over`: no path through it stays within
  // the limit. Each row sets the cell just left of its band and the one just right of it, which
  // are all the next row reads outside the band.
  let previous = Array.from({ length: b.length + 2 }, (_, j) => (j <= limit ? j : over));
  let current = new Array<number>(b.length + 2).fill(over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : over;
    current[to + 1] = over;
    let best = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), over);
      current[j] = cell;
      if (cell < best) best = cell;
    }
    if (best > limit) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The front matter path of the tag written `spelling` (`['tags', 2]`), for its line and column. */
function tagPath(post: RenderedPost, spelling: string): KeyPath {
  // The same keys, in the same order, as the tag normaliser reads them.
  for (const path of FRONT_MATTER_KEYS.tags) {
    const value = valueAt(post.data, path);
    if (Array.isArray(value)) {
      const index = value.findIndex((item) => itemText(item) === spelling);
      if (index !== -1) return [...path, index];
    } else if (value !== undefined && value !== null) {
      const text = typeof value === 'string' ? value : itemText(value);
      if (text?.split(',').some((part) => part.normalize('NFC').trim() === spelling)) return path;
    }
  }
  return FRONT_MATTER_KEYS.tags[0];
}

/** A tag item's text as the normaliser reads it: a string or number, or a CMS object's label/name/value. */
function itemText(item: unknown): string | undefined {
  if (typeof item === 'string' || typeof item === 'number') return String(item).normalize('NFC').trim();
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const field = TAG_OBJECT_KEYS.map((key) => record[key]).find((value) => typeof value === 'string' && value.trim() !== '');
  return typeof field === 'string' ? field.normalize('NFC').trim() : undefined;
}
