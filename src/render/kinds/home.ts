/** The home page and its later pages: the newest posts with their excerpts. */
import { routePath } from '../../site/routes.ts';
import type { PageContext } from '../page-context.ts';
import { paginate } from '../pagination.ts';
import { fill } from '../strings/index.ts';

/** Plan every page of the home list. */
export function planHome({ site, add, page, listMeta, summaries, numbered, listKey, siteTitle, wantsPath, t }: PageContext): void {
  for (const list of paginate(site, site.posts, site.config.postsPerPage, routePath('home'), wantsPath)) {
    const n = list.pagination.current;
    const name = n === 1 ? undefined : fill(t.pageN, { n });
    add({
      template: 'home',
      path: list.path,
      key: listKey(list),
      posts: list.items,
      view: () => ({
        page: page(list.path, name, listMeta(list, 'Blog', numbered(siteTitle, n), site.config.description)),
        posts: summaries(list.items),
        pagination: list.pagination,
      }),
    });
  }
}
