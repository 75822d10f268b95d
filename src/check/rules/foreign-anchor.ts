/**
 * `foreign-anchor` (info): a `#fragment` written for another generator's heading ids, which the
 * anchor step (check/anchors/resolve.ts) pointed at ours. The fix writes our id into the file.
 */
import { quote, shown } from '../../messages.ts';
import { outputFileOf } from '../../site/routes.ts';
import type { FragmentFact, UrlFact } from '../../markdown/facts/facts.ts';
import { generatorsName, guessAnchor, unresolvedFragment, writtenFragment } from '../anchors/match.ts';
import type { PostCheck } from '../context.ts';
import type { SiteIndex } from '../site-index.ts';
import { localLinks } from './link-targets.ts';

/** Report each link the anchor step pointed at one of our ids, with the fix where the fragment's place in the file is known. */
export function checkForeignAnchors(check: PostCheck, index: SiteIndex): void {
  const written = new Map<UrlFact, FragmentFact>();
  for (const fragment of check.facts?.fragments ?? []) written.set(check.facts!.urls[fragment.index]!, fragment);
  for (const { fact, target } of localLinks(check, index)) {
    const fragment = unresolvedFragment(target);
    if (fragment === undefined || target.kind !== 'found') continue;
    const guess = guessAnchor(fragment, target.foreign);
    if (guess?.kind !== 'one') continue;
    const { id, text, rules } = guess.heading;
    const where = target.file === outputFileOf(check.post.path) ? 'this page' : target.href;
    const place = written.get(fact);
    const to = writtenFragment(id);
    const fix = place ? 'check --fix writes it into the file' : `write #${shown(to)} in the file to keep it so`;
    check.report(
      'foreign-anchor',
      `Anchor #${shown(fragment)} is how ${generatorsName(rules)} the heading ${quote(text)} on ${shown(where)}; here its id is #${shown(id)}, and the link leads there (${fix})`,
      place?.place ?? fact.place,
      place && { text: to, actual: place.written },
    );
  }
}
