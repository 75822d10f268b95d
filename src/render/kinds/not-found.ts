/** 404.html, which static hosts serve for any URL the site does not have. */
import { routePath } from '../../site/routes.ts';
import type { PageContext } from '../page-context.ts';

/** Plan the not-found page; not in the sitemap. */
export function planNotFound({ add, page, t }: PageContext): void {
  const path = routePath('notFound');
  add({
    template: '404',
    path,
    key: '',
    posts: [],
    sitemap: false,
    view: () => ({ page: page(path, t.notFound, { section: 'error', noindex: true }) }),
  });
}
