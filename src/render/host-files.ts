/** What every static host and crawler expects at the site root: `sitemap.xml` and `robots.txt`. */
import type { Site } from '../types.ts';
import type { OutputFile } from './output-file.ts';
import { absoluteUrl } from './urls.ts';

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Pages a sitemap must not list. */
const NOT_IN_SITEMAP = new Set(['404.html']);

/** The five characters the sitemap protocol requires escaped in values. */
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** `sitemap.xml`: one absolute `<loc>` per page path (posts with `<lastmod>`), sorted by URL. */
export function renderSitemap(site: Site, pagePaths: readonly string[]): OutputFile {
  const lastmod = new Map(site.posts.map((post) => [post.path, (post.updated ?? post.published).iso]));
  const entries = new Map<string, string | undefined>();
  for (const raw of pagePaths) {
    const path = raw.replace(/^\/+/, '');
    if (NOT_IN_SITEMAP.has(path)) continue;
    entries.set(absoluteUrl(site, path), lastmod.get(path));
  }
  // Code-unit order, not localeCompare: the same bytes on every machine.
  const urls = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NAMESPACE}">`];
  for (const [loc, modified] of urls) {
    lines.push('  <url>', `    <loc>${escapeXml(loc)}</loc>`);
    if (modified) lines.push(`    <lastmod>${escapeXml(modified)}</lastmod>`);
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return { path: 'sitemap.xml', contents: lines.join('\n') };
}

/** `robots.txt`: allow everything and name the sitemap. */
export function renderRobots(site: Site): OutputFile {
  const contents = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site, 'sitemap.xml')}`, ''].join('\n');
  return { path: 'robots.txt', contents };
}

/** `sitemap.xml` and `robots.txt` for the given site-relative page paths (`''`, `posts/x/`, `tags/`). */
export function renderHostFiles(site: Site, pagePaths: readonly string[]): OutputFile[] {
  return [renderSitemap(site, pagePaths), renderRobots(site)];
}
