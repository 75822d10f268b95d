/** `broken-anchor`: a `#fragment` naming no id on the post it leads to (or on this post). */
import { slug } from 'github-slugger';
import { shown } from '../../messages.ts';
import { outputFileOf } from '../../site/routes.ts';
import { guessAnchor, unresolvedFragment } from '../anchors/match.ts';
import type { PostCheck } from '../context.ts';
import type { SiteIndex } from '../site-index.ts';
import { localLinks } from './link-targets.ts';

/**
 * Report fragments that name no id of the target post's body. Other pages' ids come from templates,
 * unknown here. Another generator's id for one heading is no error: the anchor step pointed the link
 * at ours (`foreign-anchor`); one that several headings would have is left broken, with the candidates.
 */
export function checkBrokenAnchors(check: PostCheck, index: SiteIndex): void {
  for (const { fact, target } of localLinks(check, index)) {
    const fragment = unresolvedFragment(target);
    if (fragment === undefined || target.kind !== 'found') continue;
    const guess = guessAnchor(fragment, target.foreign);
    if (guess?.kind === 'one') continue;
    const where = target.file === outputFileOf(check.post.path) ? 'this page' : target.href;
    const hint = guess ? ` (other generators give that id to several headings: ${guess.ids.map((id) => `#${id}`).join(', ')})` : suggestion(fragment, target.ids!);
    check.report('broken-anchor', `Broken anchor #${shown(fragment)}: no heading or element with that id on ${shown(where)}${hint}`, fact.place);
  }
}

/** `#Details` or `#Über uns` usually means the heading's slug: offer it when one matches. */
function suggestion(fragment: string, ids: ReadonlySet<string>): string {
  const guess = slug(fragment);
  return guess !== fragment && ids.has(guess) ? ` (did you mean #${shown(guess)}?)` : '';
}
