/** URL helpers: every page path is site-relative (`posts/x/`) until a template or feed needs it. */
import type { Site } from '../types.ts';

/** The path part of a base URL, always starting and ending with `/` (`https://x.org/blog` → `/blog/`). */
export function basePathOf(url: string): string {
  const path = new URL(url).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** A base URL with a trailing slash, so relative resolution keeps the sub-path. */
export function normalizeBaseUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/**
 * A site-relative file path as a URL path: each segment percent-encoded, so a permalink folder
 * named `100%` or `a#b` is reachable (`100%25/`, `a%23b/`); `/` separators stay.
 */
export function encodePath(path: string): string {
  return path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

/** Site-relative path → root-relative href with the base path (`posts/x/` → `/blog/posts/x/`). */
export function pageHref(site: Pick<Site, 'basePath'>, path: string): string {
  return site.basePath + encodePath(path);
}

/** Site-relative path → absolute URL (`posts/x/` → `https://x.org/blog/posts/x/`). */
export function absoluteUrl(site: Pick<Site, 'config'>, path: string): string {
  return new URL(encodePath(path), site.config.url).href;
}

/** The output file of a page path (`posts/x/` → `posts/x/index.html`, `rss.xml` → `rss.xml`). */
export function outputFileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
