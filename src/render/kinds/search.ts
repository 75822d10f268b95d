/** The search page, which asks the Pagefind index from the reader's browser (not with `search: false`). */
import { routePath } from '../../site/routes.ts';
import type { PageContext } from '../page-context.ts';
import { themeOf } from '../theme-assets.ts';

/** Plan the search page when search is on. */
export function planSearch({ site, add, page, siteTitle, t }: PageContext): void {
  if (site.config.search === false) return;
  const path = routePath('search');
  // The page is the same for every query (the script reads `?q=`); not in the sitemap: it has nothing of its own to find.
  add({
    template: 'search',
    path,
    key: '',
    posts: [],
    sitemap: false,
    view: () => ({
      page: page(path, t.search, { section: 'search', description: `Search the posts of ${siteTitle}`, noindex: true }),
      search: { script: site.routes.href(themeOf(site).searchScript), index: site.routes.href(routePath('searchIndexScript')) },
    }),
  });
}
