/** render/: the whole site as plans (pages, feeds, host files), and rendering them. Pure: model in, files out. */
import type { Site } from '../types.ts';
import { planFeeds } from './feeds.ts';
import { renderRobots, sitemapEntries, sitemapFiles } from './host-files.ts';
import { planPages } from './pages.ts';
import type { Plan } from './plan.ts';
import { routePath } from '../site/routes.ts';

export { createEngine } from './liquid.ts';
export type { Plan } from './plan.ts';

/** Every output file of the site, as plans. */
export function planSite(site: Site): Plan[] {
  const pages = planPages(site);
  const sitemapPaths = pages.flatMap((plan) => (plan.sitemapPath === undefined ? [] : [plan.sitemapPath]));
  const sitemaps = sitemapFiles(site, sitemapEntries(site, sitemapPaths)).map(
    (file): Plan => ({
      file: file.path,
      // Every URL with its <lastmod> (posts' dates): all a sitemap shows.
      key: file.entries.map(([loc, modified]) => `${loc}\t${modified ?? ''}`).join('\n'),
      posts: [],
      render: file.contents,
    }),
  );
  return [
    ...pages,
    ...planFeeds(site),
    ...sitemaps,
    { file: routePath('robots'), key: site.config.url, posts: [], render: () => renderRobots(site).contents },
  ];
}
