/**
 * A page at each old URL of a post (`aliases`, `redirect_from`), sending the reader on, as Hugo's
 * alias pages and jekyll-redirect-from's do: a meta refresh, a link to follow by hand, and a
 * canonical link so search engines credit the post. Not in the sitemap, feeds or search index.
 */
import { redirectsOf } from '../../site/redirects.ts';
import { routePath } from '../../site/routes.ts';
import type { PageContext } from '../page-context.ts';

/** Plan one redirect page per old URL that no page and no earlier redirect takes. */
export function planRedirects({ site, add, page }: PageContext): void {
  for (const { from, post } of redirectsOf([...site.posts, ...(site.pages ?? [])])) {
    const path = routePath('redirect', { path: from });
    const url = site.routes.absolute(post.path);
    add({
      template: 'redirect',
      path,
      // All the page shows of its post: where it is, what it is called, in which language.
      key: `${post.path}\n${post.title}\n${post.lang ?? ''}`,
      posts: [],
      sitemap: false,
      view: () => ({
        page: page(path, post.title, { canonical: url, noindex: true, section: 'post', lang: post.lang ?? site.config.language }),
        redirect: { href: site.routes.href(post.path), url, title: post.title },
      }),
    });
  }
}
