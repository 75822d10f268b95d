/**
 * What a fragment that names no id of its page may still mean: another generator's id for one
 * of its headings (see markdown/facts/slug-rules.ts). One rule for the page step that points such
 * links at our ids and for the checks that report them, so the two always agree.
 */
import type { ForeignId } from '../../markdown/facts/facts.ts';
import { SLUG_RULES } from '../../markdown/facts/slug-rules.ts';
import type { Target } from '../site-index.ts';

/** Another generator's id for exactly one heading, or for several (then nothing is guessed). */
export type AnchorGuess = { kind: 'one'; heading: ForeignId } | { kind: 'several'; ids: string[] };

/** The decoded fragment of a link to a post page when it names no id there; undefined when it resolves (or the target is no post page). */
export function unresolvedFragment(target: Target): string | undefined {
  if (target.kind !== 'found' || target.ids === undefined || target.fragment === undefined) return undefined;
  const { fragment, ids } = target;
  // An empty fragment and `#top` scroll to the top of any page (HTML standard), id or not.
  return fragment === '' || fragment.toLowerCase() === 'top' || ids.has(fragment) ? undefined : fragment;
}

/** The heading(s) of the target page that other generators would give the id `fragment`. */
export function guessAnchor(fragment: string, foreign: readonly ForeignId[] | undefined): AnchorGuess | undefined {
  // Entries are one per (foreign id, heading): those for this fragment are one per heading.
  const headings = (foreign ?? []).filter((entry) => entry.from === fragment);
  if (headings.length === 0) return undefined;
  return headings.length === 1 ? { kind: 'one', heading: headings[0]! } : { kind: 'several', ids: headings.map((entry) => entry.id) };
}

/** `Zola and Hugo (autoHeadingIDType "blackfriday") name`: the generators of `rules`, in the table's order, and the verb to follow. */
export function generatorsName(rules: readonly string[]): string {
  const names = SLUG_RULES.filter((rule) => rules.includes(rule.id)).map((rule) => rule.name);
  return names.length === 1 ? `${names[0]} names` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)} name`;
}

/** `id` as it can be written after `#` in a markdown link or an href: as it is when plain, else percent-encoded. */
export function writtenFragment(id: string): string {
  return /^[\p{L}\p{M}\p{N}_.~:-]+$/u.test(id) ? id : encodeURIComponent(id);
}
