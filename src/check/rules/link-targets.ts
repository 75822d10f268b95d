/** The body URLs that lead to pages (links, areas, frames), each resolved as the link plugin and a browser resolve it. */
import { resolveUrl } from '../../markdown/links.ts';
import type { PostCheck } from '../context.ts';
import type { CheckFacts, UrlFact } from '../../markdown/facts/facts.ts';
import { resolveTarget, type SiteIndex, type Target } from '../site-index.ts';

/** Elements that lead to a page. Media (img, video, ...) are `missing-asset`'s business, in the link plugin. */
const NAVIGATING = new Set(['a', 'area', 'iframe']);

/** A URL with a scheme or protocol-relative `//`: for `--external`, not for the site index. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** A navigating URL, the href it became in the page, and where that leads. */
export interface LinkTarget {
  fact: UrlFact;
  href: string;
  target: Target;
}

/** Both link rules walk the same links: resolve them once per post. */
const resolved = new WeakMap<PostCheck, LinkTarget[]>();

/**
 * Local links of the post with their final hrefs and targets. Links the link plugin already reported
 * (a `.md` file that is no published post, a file outside content/) are left out: one message each.
 */
export function localLinks(check: PostCheck, index: SiteIndex): LinkTarget[] {
  const known = resolved.get(check);
  if (known) return known;
  const targets = check.facts ? linkTargets(check.facts, check.post.path, index) : [];
  resolved.set(check, targets);
  return targets;
}

/** `localLinks` of any post's facts; `only` picks the URLs worth resolving (resolving costs a URL parse each). */
export function linkTargets(facts: CheckFacts, pagePath: string, index: SiteIndex, only?: (fact: UrlFact) => boolean): LinkTarget[] {
  const targets: LinkTarget[] = [];
  for (const fact of facts.urls) {
    const url = fact.url.trim();
    if (!NAVIGATING.has(fact.tagName) || url === '' || url.startsWith('?') || EXTERNAL.test(url) || (only && !only(fact))) continue;
    let reported = false;
    const href = resolveUrl(url, facts.links, new Map(), () => (reported = true), false);
    if (!reported) targets.push({ fact, href, target: resolveTarget(index, href, pagePath) });
  }
  return targets;
}
