/** `broken-anchor`: a `#fragment` naming no id on the post it leads to (or on this post). */
import { slug } from 'github-slugger';
import { outputFileOf } from '../../site/routes.ts';
import type { PostCheck } from '../context.ts';
import type { SiteIndex } from '../site-index.ts';
import { localLinks } from './link-targets.ts';

/** Report fragments that name no id of the target post's body. Other pages' ids come from templates, unknown here. */
export function checkBrokenAnchors(check: PostCheck, index: SiteIndex): void {
  for (const { fact, target } of localLinks(check, index)) {
    if (target.kind !== 'found' || target.ids === undefined || target.fragment === undefined) continue;
    const { fragment, ids } = target;
    // An empty fragment and `#top` scroll to the top of any page (HTML standard), id or not.
    if (fragment === '' || fragment.toLowerCase() === 'top' || ids.has(fragment)) continue;
    const where = target.file === outputFileOf(check.post.path) ? 'this page' : target.href;
    check.report('broken-anchor', `Broken anchor #${fragment}: no heading or element with that id on ${where}${suggestion(fragment, ids)}`, fact.place);
  }
}

/** `#Details` or `#Über uns` usually means the heading's slug: offer it when one matches. */
function suggestion(fragment: string, ids: ReadonlySet<string>): string {
  const guess = slug(fragment);
  return guess !== fragment && ids.has(guess) ? ` (did you mean #${guess}?)` : '';
}
