/**
 * `indexOf` for a scanner that moves forward through one text. A needle's next place is
 * remembered until the scanner passes it, and a needle found nowhere is not looked for again, so
 * each needle costs one pass over the text in all, however often it is asked for. Looking from
 * every opener to the end instead (`/<script[\s\S]*?<\/script>/` on a body of unclosed
 * `<script`s) is quadratic: minutes for a megabyte.
 */

/** Where `needle` next occurs in the finder's text at or after `from`; -1 when nowhere. */
export type Finder = (needle: string | RegExp, from: number) => number;

/**
 * A finder over `text`: `(needle, from)` is `text.indexOf(needle, from)`, or for a RegExp (global
 * or sticky) the index of its next match from `from`. Always right; cheap when `from` mostly grows.
 */
export function forwardFinder(text: string): Finder {
  // Per needle, the last question and its answer: no match starts in [from, found), none at all after from when -1.
  const last = new Map<string | RegExp, { from: number; found: number }>();
  return (needle, from) => {
    const known = last.get(needle);
    if (known && from >= known.from && (known.found === -1 || from <= known.found)) return known.found;
    let found: number;
    if (typeof needle === 'string') found = text.indexOf(needle, from);
    else {
      needle.lastIndex = from;
      found = needle.exec(text)?.index ?? -1;
    }
    last.set(needle, { from, found });
    return found;
  };
}

/** `text` with A–Z lower-cased and nothing else changed, so an index in it is the same index in `text` (`İ` lower-cases to two units). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** White space and the `>` (or `/>`) that end a tag. */
const TAG_END = /\s*\/?>/y;

/**
 * Just past the first end tag of element `name` (`</script >`, any case) at or after `from` in
 * `lower` (asciiLower'd), or -1 when there is none; `find` is `forwardFinder(lower)`.
 */
export function endTagAfter(lower: string, name: string, from: number, find: Finder): number {
  for (let at = from; ; ) {
    const close = find(`</${name}`, at);
    if (close === -1) return -1;
    TAG_END.lastIndex = close + name.length + 2;
    const end = TAG_END.exec(lower);
    if (end) return TAG_END.lastIndex;
    // `</scripts>` is not the end: look on.
    at = close + 1;
  }
}
