/**
 * The kinds of callout the theme styles: Docusaurus's admonition keywords and GitHub's alert types,
 * together. Docusaurus folds `important` into `info` and `caution` into `warning`, but GitHub shows
 * them as kinds of their own (purple and red), and a post written for GitHub means them so.
 */

/** Each kind and the title it shows when the author gave none (English: the theme has no translations). */
export const CALLOUT_KINDS = {
  note: 'Note',
  tip: 'Tip',
  info: 'Info',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
  danger: 'Danger',
} as const;

/** A kind of callout. */
export type CalloutKind = keyof typeof CALLOUT_KINDS;

/** Docusaurus's legacy keywords, still in its default list: `secondary` shows as a note, `success` as a tip. */
const ALIASES: Readonly<Record<string, CalloutKind>> = { secondary: 'note', success: 'tip' };

/** The kind a directive name or alert type means (any letter case), or undefined for one the theme does not know. */
export function calloutKind(name: string): CalloutKind | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(CALLOUT_KINDS, key) ? (key as CalloutKind) : ALIASES[key];
}
