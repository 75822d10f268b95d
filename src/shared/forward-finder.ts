/**
 * `indexOf` for a scanner that only moves forward through one text. A needle's next place is
 * remembered until the scanner passes it, and a needle found nowhere is not looked for again, so
 * each needle costs one pass over the text in all, however often it is asked for. Looking from
 * every opener to the end instead (`/<script[\s\S]*?<\/script>/` on a body of unclosed
 * `<script`s) is quadratic: minutes for a megabyte.
 */

/** A finder over `text`: `(needle, from)` is `text.indexOf(needle, from)` for `from` never smaller than a previous call's. */
export function forwardFinder(text: string): (needle: string, from: number) => number {
  const next = new Map<string, number>();
  return (needle, from) => {
    const known = next.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(needle, from);
    next.set(needle, found);
    return found;
  };
}

/** `text` with A–Z lower-cased and nothing else changed, so an index in it is the same index in `text` (`İ` lower-cases to two units). */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
