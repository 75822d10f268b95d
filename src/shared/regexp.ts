/** Literal text inside a regular expression. */

/** `text` with every character a RegExp reads specially escaped (also `/` and `-`, harmless elsewhere, needed in a class). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
