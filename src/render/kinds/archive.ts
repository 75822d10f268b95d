/** The archive: every post, by year. */
import { routePath } from '../../site/routes.ts';
import { byYear } from '../../site/years.ts';
import { listJsonLd } from '../jsonld.ts';
import type { PageContext } from '../page-context.ts';
import { listingKey } from '../plan.ts';

/** Plan the archive page. */
export function planArchive({ site, add, page, summaries, siteTitle, t }: PageContext): void {
  const path = routePath('archive');
  const description = `All posts of ${siteTitle}`;
  add({
    template: 'archive',
    path,
    key: () => listingKey(site.posts),
    posts: [],
    lists: site.posts,
    view: () => ({
      page: page(path, t.archive, {
        section: 'archive',
        description,
        jsonLd: listJsonLd('CollectionPage', site, { path, title: t.archive, description, posts: site.posts }),
      }),
      years: byYear(site.posts).map(({ year, posts }) => ({ year, count: posts.length, posts: summaries(posts) })),
    }),
  });
}
