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
  for (const [i, common] of tags.entries()) {
    for (const rare of tags.slice(i + 1)) {
      if (reported.has(rare) || !similar(common.key, rare.key)) continue;
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

/** Same stem, or a small edit distance for the length (short tags like `go` and `js` are often both real). */
export function similar(a: string, b: string): boolean {
  const x = a.replace(/-/g, '');
  const y = b.replace(/-/g, '');
  if (x === y) return true;
  if (stem(x) === stem(y) && stem(x).length >= 3) return true;
  const allowed = Math.min(2, Math.floor(Math.min(x.length, y.length) / 5));
  return allowed > 0 && distance(x, y, allowed) <= allowed;
}

/** A crude English stem: enough for plurals and -ing forms of tag names. */
function stem(word: string): string {
  return word.replace(/(?:ies|es|s|ing|ed)$/, (suffix) => (suffix === 'ies' ? 'y' : ''));
}

/** Levenshtein distance, giving up (returning `limit + 1`) once every path is over `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
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
