/**
 * How other generators name a heading's id, each as its own source does it, so a link written for
 * one of them (`#what-s-next` in a Zola blog for "What's next?", where we say `#whats-next`) can be
 * matched to the heading it meant. Each rule is a slugger for one page: called on the page's
 * headings in order, it numbers repeats as that generator does.
 *
 * Only github-slugger and Zola's transliteration come from libraries: no npm package implements
 * Hugo's, Blackfriday's or kramdown's rules, and each is a few lines of its generator's source.
 */
import GithubSlugger from 'github-slugger';
import unidecode from 'unidecode';

/** One generator's way of naming headings. */
export interface SlugRule {
  /** Stable id, kept in the markdown cache's facts. */
  id: string;
  /** How messages name it. */
  name: string;
  /** A fresh slugger for one page. */
  slugger(): (text: string) => string;
}

/** Hugo's and goldmark's repeats: `x`, `x-1`, `x-2`, skipping any id already taken (markup/goldmark/autoid.go). */
function numbered(base: (text: string) => string, empty: string): () => (text: string) => string {
  return () => {
    const taken = new Set<string>();
    return (text) => {
      const id = base(text) || empty;
      let unique = id;
      for (let n = 1; taken.has(unique); n++) unique = `${id}-${n}`;
      taken.add(unique);
      return unique;
    };
  };
}

/** Lower case rune by rune, as Go's unicode.ToLower: JavaScript would make a word-final Σ a ς. */
function runeLower(text: string): string {
  return text.replace(/Σ/g, 'σ').toLowerCase();
}

/**
 * Zola's `slugify.anchors = "on"` (the default): the `slug` crate. Non-ASCII characters are
 * transliterated (deunicode there, its Text::Unidecode tables here); every run of characters
 * other than ASCII letters and digits becomes one `-`; none leads or trails.
 */
export function zolaSlug(text: string): string {
  const ascii = /^[\x00-\x7f]*$/.test(text) ? text : text.replace(/[^\x00-\x7f]/gu, (char) => unidecode(char));
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Hugo's `autoHeadingIDType = "github"` (the default) and `"github-ascii"`: trimmed, letters, digits
 * and `_` lower-cased, each space or `-` a `-`, the rest dropped; `github-ascii` first strips accents
 * and then drops what is still not ASCII.
 */
export function hugoSlug(text: string, asciiOnly = false): string {
  const input = asciiOnly ? text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').replace(/[^\x00-\x7f]/g, '') : text;
  return runeLower(input.trim().replace(/[^\p{L}\p{Nd}_ -]/gu, '').replace(/ /g, '-'));
}

/** Hugo's `autoHeadingIDType = "blackfriday"`: runs of letters and numbers, lower-cased, joined by one `-`. */
export function blackfridaySlug(text: string): string {
  return runeLower((text.match(/[\p{L}\p{N}]+/gu) ?? []).join('-'));
}

/**
 * Jekyll's default, kramdown with `input: GFM` (kramdown-parser-gfm): lower case, everything but
 * word characters, `-`, space and tab dropped, each space or tab a `-`. Repeats get `-1`, `-2`,
 * counted per id without checking for clashes (a second empty id is `-1`; the first, no id).
 */
function jekyllSlugger(): (text: string) => string {
  const counts = new Map<string, number>();
  return (text) => {
    // Ruby's \p{Word}: letters, marks, decimal and letter numbers, connector punctuation.
    const id = text.toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');
    const count = (counts.get(id) ?? -1) + 1;
    counts.set(id, count);
    return count > 0 ? `${id}-${count}` : id;
  };
}

/** kramdown's own parser (`input: kramdown`): leading non-letters dropped, then all but ASCII letters, digits, space and `-`. */
export function kramdownSlug(text: string): string {
  return text.replace(/^[^a-zA-Z]+/, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase();
}

/** kramdown's repeats (converter/base.rb `generate_id`): `section` for an empty id, then `x-1`, `x-2` counted per id. */
function kramdownSlugger(): (text: string) => string {
  const counts = new Map<string, number>();
  return (text) => {
    const id = kramdownSlug(text) || 'section';
    const count = counts.get(id);
    counts.set(id, (count ?? -1) + 1);
    return count === undefined ? id : `${id}-${count + 1}`;
  };
}

/** Every rule, in the order messages name them. github-slugger is ours too: it differs only where an id was given by hand. */
export const SLUG_RULES: readonly SlugRule[] = [
  { id: 'zola', name: 'Zola', slugger: numbered(zolaSlug, '') },
  { id: 'hugo', name: 'Hugo', slugger: numbered(hugoSlug, 'heading') },
  { id: 'hugo-ascii', name: 'Hugo (autoHeadingIDType "github-ascii")', slugger: numbered((text) => hugoSlug(text, true), 'heading') },
  { id: 'hugo-blackfriday', name: 'Hugo (autoHeadingIDType "blackfriday")', slugger: numbered(blackfridaySlug, 'heading') },
  { id: 'jekyll', name: 'Jekyll (kramdown GFM)', slugger: jekyllSlugger },
  { id: 'kramdown', name: 'kramdown', slugger: kramdownSlugger },
  {
    id: 'github',
    name: 'GitHub (github-slugger: Docusaurus, Astro)',
    slugger: () => {
      const slugger = new GithubSlugger();
      return (text) => slugger.slug(text);
    },
  },
];
