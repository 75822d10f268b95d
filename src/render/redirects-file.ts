/** `_redirects`: every old URL with its post's URL, as Netlify and Cloudflare Pages read them (`/old/ /new/ 301`). */
import { redirectsOf } from '../site/redirects.ts';
import { routePath } from '../site/routes.ts';
import type { Site } from '../types.ts';
import type { OutputFile } from './output-file.ts';

/**
 * The file, or undefined for a site without old URLs (no empty file appears in its output). Paths
 * carry the base path and are percent-encoded, since a space would end a rule's field.
 */
export function renderRedirectsFile(site: Site): OutputFile | undefined {
  const redirects = redirectsOf([...site.posts, ...(site.pages ?? [])]);
  if (redirects.length === 0) return undefined;
  const lines = redirects.map(({ from, post }) => `${site.routes.href(from)} ${site.routes.href(post.path)} 301`);
  return { path: routePath('redirects'), contents: `${lines.join('\n')}\n` };
}
