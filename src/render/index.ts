/** render/: the whole site as plans (pages, feeds, host files), and rendering them. Pure: model in, files out. */
import type { Liquid } from 'liquidjs';
import type { Site } from '../types.ts';
import { planFeeds } from './feeds.ts';
import { renderRobots, renderSitemap } from './host-files.ts';
import type { OutputFile } from './output-file.ts';
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

/** Render plans in order; a template error is thrown as LiquidJS raised it (with its position). */
export async function renderPlans(plans: readonly Plan[], engine: Liquid): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const plan of plans) files.push({ path: plan.file, contents: await plan.render(engine) });
  return files;
}
