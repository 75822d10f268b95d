/** render/: the whole site as plans (pages, feeds, host files), and rendering them. Pure: model in, files out. */
import type { Site } from '../types.ts';
import { planFeeds } from './feeds.ts';
import { renderRobots, renderSitemap } from './host-files.ts';
import { planPages } from './pages.ts';
import { listingKey, type Plan } from './plan.ts';

export { createEngine } from './liquid.ts';
export type { Plan } from './plan.ts';

/** Every output file of the site, as plans. */
export function planSite(site: Site): Plan[] {
  const pages = planPages(site);
  const sitemapPaths = pages.flatMap((plan) => (plan.sitemapPath === undefined ? [] : [plan.sitemapPath]));
  return [
    ...pages,
    ...planFeeds(site),
    {
      file: 'sitemap.xml',
      // Posts' dates are the sitemap's <lastmod>: they are part of its key.
      key: `${sitemapPaths.join('\n')}\n${listingKey(site.posts)}`,
      posts: [],
      render: () => renderSitemap(site, sitemapPaths).contents,
    },
    { file: 'robots.txt', key: site.config.url, posts: [], render: () => renderRobots(site).contents },
  ];
}
