/**
 * `broken-link`: a link to a page or file the site does not produce (base path aware). Where the
 * blog has no URLs at all (`/docs/intro`), the link is another part of the host's, maybe one that
 * was not migrated: a warning, summed up per first segment (see foreign-links.ts).
 */
import { shown } from '../../messages.ts';
import type { PostCheck } from '../context.ts';
import type { SiteIndex } from '../site-index.ts';
import { countForeignLink, forgetForeignLinks } from './foreign-links.ts';
import { localLinks } from './link-targets.ts';

/** Report every local link whose target is not among the site's output files or static files. */
export function checkBrokenLinks(check: PostCheck, index: SiteIndex): void {
  forgetForeignLinks(check.file);
  for (const { fact, target } of localLinks(check, index)) {
    if (target.kind === 'foreign') {
      check.report('broken-link', `Link to ${shown(fact.url)}: not part of this blog, which has no page or file at ${shown(target.href)}`, fact.place, undefined, 'warning');
      countForeignLink(check.file, target.root, target.deeper);
    }
    if (target.kind !== 'missing') continue;
    // `/blog/posts/x/` on a site at /blog/ becomes /blog/blog/posts/x/: say why.
    const twice = index.basePath !== '/' && fact.url.startsWith(index.basePath) ? ` (links starting with / get the base path ${index.basePath} already)` : '';
    check.report('broken-link', `Broken link ${shown(fact.url)}: the site has no page or file at ${shown(target.href)}${twice}`, fact.place);
  }
}
