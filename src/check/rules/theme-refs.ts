/**
 * The theme's config keys that name files of the site (`css`, `favicon`, `image`) or its pages
 * (`nav`): one that names nothing would have every page link a 404, so each gets a warning on the
 * config file, where its fix goes. Absolute URLs are another server's business.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote } from '../../messages.ts';
import { isFile } from '../../shared/files.ts';
import { isExternalLink, splitUrl } from '../../shared/url.ts';
import type { Site } from '../../types.ts';
import { fileCheckMessage } from '../file-message.ts';
import { severityOf } from '../rules.ts';
import { resolveTarget, type SiteIndex } from '../site-index.ts';

/** Where a site-wide line about the config goes: its first line (the config may be JSON, YAML or a module). */
const TOP = { line: 1, column: 1 };

/** File a warning on `summary` for each theme key of the config that names a file or page the site lacks. */
export function checkThemeRefs(site: Site, index: SiteIndex, summary: VFile): void {
  const settings = site.config.rules;
  const assets = severityOf('missing-asset', settings);
  if (assets !== undefined) {
    const refs: Array<[string, string | undefined]> = [
      ...(site.config.css ?? []).map((ref, i): [string, string] => [`css[${i}]`, ref]),
      ['favicon', site.config.favicon],
      ['image', site.config.image],
    ];
    for (const [key, ref] of refs) {
      if (ref === undefined || isExternalLink(ref)) continue;
      const name = ref.replace(/^\/+/, '');
      if (index.staticDirs.some((dir) => isFile(path.join(dir, name)))) continue;
      fileCheckMessage(summary, `"${key}" names ${quote(ref)}, which is not in static/: every page links a file that is not there`, 'missing-asset', assets, TOP);
    }
  }
  const links = severityOf('broken-link', settings, 'warning');
  if (links === undefined) return;
  for (const [i, { url }] of (site.config.nav ?? []).entries()) {
    if (isExternalLink(url)) continue;
    const target = resolveTarget(index, site.routes.href(splitUrl(url).pathname), '');
    if (target.kind === 'missing' || target.kind === 'foreign') {
      fileCheckMessage(summary, `"nav[${i}]".url ${quote(url)} is neither a page of the site nor a file in static/`, 'broken-link', links, TOP);
    }
  }
}
