/**
 * The URL text of `{% post_url %}`, `{% link %}`, `{{< ref >}}` and `{{< relref >}}`: the named
 * post's page, root-relative (links.ts adds the base path, feeds make it absolute). A post that
 * is not there is a `broken-link`, as for a `.md` link: a warning when the file exists but is
 * not published (a draft), an error otherwise.
 */
import { encodePath } from '../../site/routes.ts';
import { fileExists } from '../local-files.ts';
import { argOf, parseArgs } from './args.ts';
import type { Expander } from './expand.ts';
import { candidatesOf, resolvePostRef, type PostRef, type RefKind } from './post-refs.ts';
import type { Construct } from './scan.ts';

/** Just after where a URL goes: a link destination `](`, an attribute value `="`. */
const URL_PLACE = /(?:\]\(\s*<?|=\s*["']?)$/;

/** Whether the construct at `offset` stands where a URL goes, as opposed to prose. */
export function inUrlPlace(expander: Expander, offset: number): boolean {
  return URL_PLACE.test(expander.text.slice(Math.max(0, offset - 8), offset));
}

/** `{% post_url name %}` and `{% link path %}`. */
export function postUrl(construct: Construct, expander: Expander): string {
  const target = String(parseArgs(construct.args).positional[0] ?? '');
  return urlOf(construct, expander, construct.name as RefKind, target, '');
}

/** `{{< ref "path#anchor" >}}` and `{{< relref path="…" >}}`. */
export function refUrl(construct: Construct, expander: Expander): string {
  const written = argOf(parseArgs(construct.args), 'path', 0) ?? '';
  const hash = written.indexOf('#');
  const target = hash === -1 ? written : written.slice(0, hash);
  const fragment = hash === -1 ? '' : written.slice(hash);
  // `{{< ref "#anchor" >}}` is a place on this page.
  if (target === '' && fragment !== '') return fragment;
  return urlOf(construct, expander, 'ref', target, fragment);
}

function urlOf(construct: Construct, expander: Expander, kind: RefKind, target: string, fragment: string): string {
  const { env } = expander;
  const ref: PostRef = { kind, target, from: env.sourcePath };
  const page = target === '' ? undefined : resolvePostRef(ref, env);
  env.deps.push({ lookup: `post:${JSON.stringify(ref)}`, answer: page ?? null });
  // Where a URL goes, links.ts adds the base path; in prose the text is the whole path.
  if (page !== undefined) return `${inUrlPlace(expander, construct.start) ? '/' : env.basePath}${encodePath(page)}${fragment}`;
  const written = expander.text.slice(construct.start, construct.end);
  const exists = target !== '' && candidatesOf(ref, env.contentDir).some((candidate) => fileExists(expander.env.deps, candidate));
  expander.report(`Link to a post that does not exist or is not published: ${written}`, 'broken-link', exists ? 'warning' : 'error', construct.start);
  // Where a URL goes, `#` leads nowhere and is not reported again by the link check; in prose it is left out.
  return inUrlPlace(expander, construct.start) ? '#' : '';
}

