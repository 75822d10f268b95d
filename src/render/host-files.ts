/** What every static host and crawler expects at the site root: `sitemap.xml` and `robots.txt`. */
import type { Site } from '../types.ts';
import type { OutputFile } from './output-file.ts';
import { routePath } from '../site/routes.ts';
import { isLocalhostName } from '../shared/url.ts';

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Pages a sitemap must not list. */
const NOT_IN_SITEMAP = new Set([routePath('notFound')]);

/** The five characters the sitemap protocol requires escaped in values. */
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** One page in a sitemap: its absolute URL, and for posts the date it last changed. */
export type SitemapEntry = readonly [loc: string, lastmod: string | undefined];

/** The sitemap protocol's limit of URLs per file; a bigger site gets a sitemap index. */
export const SITEMAP_LIMIT = 50_000;

/** One absolute URL per page path (posts with their last change), without 404, sorted by URL. */
export function sitemapEntries(site: Site, pagePaths: readonly string[]): SitemapEntry[] {
  const lastmod = new Map(site.posts.map((post): [string, string | undefined] => [post.path, (post.updated ?? post.published).iso]));
  // A standalone page has a date only when its front matter gives one.
  for (const page of site.pages ?? []) lastmod.set(page.path, (page.updated ?? (page.undated ? undefined : page.published))?.iso);
  const entries = new Map<string, string | undefined>();
  for (const raw of pagePaths) {
    const path = raw.replace(/^\/+/, '');
    if (NOT_IN_SITEMAP.has(path)) continue;
    entries.set(site.routes.absolute(path), lastmod.get(path));
  }
  // Code-unit order, not localeCompare: the same bytes on every machine.
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A `<urlset>` of the given entries. */
function sitemapXml(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NAMESPACE}">`];
  for (const [loc, modified] of entries) {
    lines.push('  <url>', `    <loc>${escapeXml(loc)}</loc>`);
    if (modified) lines.push(`    <lastmod>${escapeXml(modified)}</lastmod>`);
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** A `<sitemapindex>` of the given sitemap URLs. */
function sitemapIndexXml(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`];
  for (const [loc] of entries) lines.push('  <sitemap>', `    <loc>${escapeXml(loc)}</loc>`, '  </sitemap>');
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

/** One sitemap file: the URLs it lists (pages, or for an index its parts), and its XML. */
export interface SitemapFile {
  path: string;
  entries: readonly SitemapEntry[];
  contents(): string;
}

/**
 * `sitemap.xml` for the given entries: a plain sitemap up to `limit` URLs; beyond that an index
 * of `sitemap-1.xml`, `sitemap-2.xml`, ... of `limit` URLs each. robots.txt names `sitemap.xml` either way.
 */
export function sitemapFiles(site: Site, entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): SitemapFile[] {
  const path = routePath('sitemap');
  if (entries.length <= limit) return [{ path, entries, contents: () => sitemapXml(entries) }];
  const parts: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    const chunk = entries.slice(start, start + limit);
    parts.push({ path: routePath('sitemapPart', { n: parts.length + 1 }), entries: chunk, contents: () => sitemapXml(chunk) });
  }
  const index = parts.map((part): SitemapEntry => [site.routes.absolute(part.path), undefined]);
  return [{ path, entries: index, contents: () => sitemapIndexXml(index) }, ...parts];
}

/** `robots.txt`: allow everything and name the sitemap. */
/**
 * The plans without the generated robots.txt when the site has its own in `static/` (kept from Hugo
 * or Jekyll, with rules of its own): that one is published instead, by a build and by `dev` alike.
 */
export function withoutReplacedRobots<P extends { file: string }>(plans: readonly P[], isStatic: (file: string) => boolean): P[] {
  const robots = routePath('robots');
  return isStatic(robots) ? plans.filter((plan) => plan.file !== robots) : [...plans];
}

export function renderRobots(site: Site): OutputFile {
  const contents = ['User-agent: *', 'Allow: /', '', `Sitemap: ${site.routes.absolute(routePath('sitemap'))}`, ''].join('\n');
  return { path: routePath('robots'), contents };
}

/**
 * Crawlers read robots.txt at the root of a host only: under a sub-path (`/blog/robots.txt`) nobody
 * reads it. Then this says so, once per build, with the sitemap URL to register with search engines instead.
 */
export function robotsNote(site: Site): string | undefined {
  if (site.routes.basePath === '/') return undefined;
  const robots = site.routes.absolute(routePath('robots'));
  const sitemap = site.routes.absolute(routePath('sitemap'));
  return `robots.txt lands at ${robots}, where crawlers never look (they read the host's /robots.txt only): submit the sitemap ${sitemap} to search engines, or name it in the host's own robots.txt`;
}

/**
 * A site URL that names this machine (the default `http://localhost:3000/` among them) puts every
 * canonical link, feed entry and sitemap URL out of readers' reach: a build says so, once.
 */
export function localUrlNote(site: Site): string | undefined {
  const host = new URL(site.config.url).hostname;
  const local = isLocalhostName(host) || host === '[::1]' || /^127\./.test(host);
  if (!local) return undefined;
  return `the site URL is ${site.config.url}, so canonical links, feeds and the sitemap point at this machine: set \`url\` in the site config, or pass --base-url, before you deploy`;
}

/** `sitemap.xml` (with its parts on big sites) and `robots.txt` for the given site-relative page paths (`''`, `posts/x/`, `tags/`). */
export function renderHostFiles(site: Site, pagePaths: readonly string[], limit = SITEMAP_LIMIT): OutputFile[] {
  const sitemaps = sitemapFiles(site, sitemapEntries(site, pagePaths), limit);
  return [...sitemaps.map((file) => ({ path: file.path, contents: file.contents() })), renderRobots(site)];
}
