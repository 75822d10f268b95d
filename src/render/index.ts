/** render/: the whole site as plans (pages, feeds, host files), and rendering them. Pure: model in, files out. */
import type { Site } from '../types.ts';
import { planFeeds } from './feeds.ts';
import { renderRobots, sitemapEntries, sitemapFiles } from './host-files.ts';
import { katexPlans } from './katex.ts';
import { planPages } from './pages.ts';
import type { Plan } from './plan.ts';
import { renderRedirectsFile } from './redirects-file.ts';
import { routePath } from '../site/routes.ts';
import { themeOf } from './theme-assets.ts';

export { createEngine } from './liquid.ts';
export type { Plan } from './plan.ts';

/**
 * Every output file of the site, as plans; or, with `wants`, only the pages and feeds it keeps (the
 * dev session plans again only what an edit that moved nothing shows). Sitemaps, robots.txt and
 * `_redirects`, which list every page or redirect, never come with `wants`: such an edit changes none of them.
 */
export function planSite(site: Site, wants?: (file: string) => boolean): Plan[] {
  const pages = planPages(site, wants);
  const feeds = planFeeds(site).filter((plan) => wants?.(plan.file) ?? true);
  if (wants) return [...pages, ...feeds];
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
  const redirects = renderRedirectsFile(site);
  // Fingerprinted copies of the theme's files: the name holds the hash of the bytes, all a key needs.
  const assets = [...themeOf(site).files].map(([file, contents]): Plan => ({ file, key: file, posts: [], render: () => contents }));
  return [
    ...pages,
    ...feeds,
    ...sitemaps,
    // Standalone pages count too: a page alone with math needs the stylesheet (assetsOf copies the fonts for both).
    ...katexPlans([...site.posts, ...(site.pages ?? [])]),
    { file: routePath('robots'), key: site.config.url, posts: [], render: () => renderRobots(site).contents },
    // Its whole text is its key: a handful of lines, all it depends on.
    ...(redirects ? [{ file: redirects.path, key: redirects.contents, posts: [], render: () => redirects.contents }] : []),
    ...assets,
  ];
}
