/**
 * Every file the site produces, and every post page's ids: what links and anchors resolve against.
 * Built from the render plans, so a link checks against exactly the pages a build writes
 * (posts, tag and author pages with their pagination, feeds, host files), plus copied assets
 * and static files.
 */
import { readdirSync } from 'node:fs';
import type { ForeignId } from '../markdown/facts/facts.ts';
import { hrefUnder, isRoutePath, outputFileOf, underPrefix } from '../site/routes.ts';
import type { RenderedPost, Site } from '../types.ts';
import { safeDecode } from '../shared/decode.ts';
import { isStaticFile } from '../shared/site-dirs.ts';

/** What links resolve against. */
export interface SiteIndex {
  basePath: string;
  /** Output files, relative to the output root (`posts/x/index.html`, `rss.xml`, `posts/x/pixel.png`). */
  files: ReadonlySet<string>;
  /** Ids in each post page's body, by the page's output file. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  /** Other generators' ids for each post page's headings, by the page's output file. */
  foreign: ReadonlyMap<string, readonly ForeignId[]>;
  staticDirs: readonly string[];
  /** The config's `externalPaths`: root-relative prefixes other parts of the same host serve, never checked. */
  externalPaths?: readonly string[];
  /** First path segments, lower-cased, of every output file and static file: where the blog's own URLs are. */
  roots: ReadonlySet<string>;
}

/** Where an href leads. */
export type Target =
  | { kind: 'elsewhere' }
  | { kind: 'missing'; href: string }
  /** Missing, and not where the blog has any URLs (`/docs/intro`): another part of the host, maybe gone. `root` is the first segment. */
  | { kind: 'foreign'; href: string; root: string; deeper: boolean }
  /** `href` is the path with the base path; `ids` and `foreign` are known for post pages only; `fragment` is decoded, undefined when the href has none. */
  | { kind: 'found'; href: string; file: string; ids?: ReadonlySet<string>; foreign?: readonly ForeignId[]; fragment?: string };

/** A made-up origin to resolve hrefs against: only the path matters. */
const ORIGIN = 'http://site.invalid';

/**
 * Index a site for link checks: `outputFiles` are the files the site's plans will write (the
 * caller planned them; the checks come before rendering), `staticDirs` are copied to the output root.
 */
export function indexSite(site: Site, staticDirs: readonly string[], outputFiles: Iterable<string>): SiteIndex {
  const files = new Set(outputFiles);
  // Standalone pages' files and heading ids are link targets as posts' are.
  const posts = [...site.posts, ...(site.pages ?? [])];
  for (const post of posts) for (const asset of post.assets.values()) files.add(asset);
  const roots = new Set([...files].map(rootOf));
  for (const dir of staticDirs) for (const name of namesIn(dir)) roots.add(name.toLowerCase());
  return { ...indexPosts(posts, site.routes.basePath), files, staticDirs, externalPaths: site.config.externalPaths, roots };
}

/** An index of the post pages alone: enough to resolve anchors, which only post pages are known to have. */
export function indexPosts(posts: readonly RenderedPost[], basePath: string): SiteIndex {
  const files = new Set<string>();
  const ids = new Map<string, ReadonlySet<string>>();
  const foreign = new Map<string, readonly ForeignId[]>();
  for (const post of posts) {
    const file = outputFileOf(post.path);
    const facts = post.raw.file.data.check;
    files.add(file);
    ids.set(file, facts?.ids ?? new Set());
    foreign.set(file, facts?.foreignIds ?? []);
  }
  return { basePath, files, ids, foreign, staticDirs: [], roots: new Set([...files].map(rootOf)) };
}

/**
 * Resolve an href as the browser would on the page at `pagePath` (hrefs are final, as the link
 * plugin rewrote them: root-relative ones already carry the base path), then look the file up.
 */
export function resolveTarget(index: SiteIndex, href: string, pagePath: string): Target {
  const url = new URL(href, ORIGIN + hrefUnder(index.basePath, pagePath));
  // Another host, a path above the base path, or one the config says another part of the host serves: not the blog's business.
  if (url.origin !== ORIGIN || !url.pathname.startsWith(index.basePath) || underPrefix(url.pathname, index.externalPaths)) return { kind: 'elsewhere' };
  const relative = safeDecode(url.pathname.slice(index.basePath.length));
  const fragment = url.hash === '' ? undefined : safeDecode(url.hash.slice(1));
  const file = produced(index, relative);
  if (file === undefined && !owns(index, relative)) return { kind: 'foreign', href: url.pathname, root: relative.split('/')[0]!, deeper: relative.includes('/') };
  if (file === undefined) return { kind: 'missing', href: url.pathname };
  return { kind: 'found', href: url.pathname, file, ids: index.ids.get(file), foreign: index.foreign.get(file), fragment };
}

/** The output file a site-relative path is served from, if the site produces it. */
function produced(index: SiteIndex, relative: string): string | undefined {
  // `posts/x` without its slash still works: static hosts redirect it to `posts/x/`.
  const candidates = [outputFileOf(relative), ...(relative === '' || relative.endsWith('/') ? [] : [outputFileOf(`${relative}/`)])];
  return (
    candidates.find((file) => index.files.has(file)) ??
    // A static file is there only if a build publishes it: a link in static/ that leaves the site is not.
    candidates.find((file) => isStaticFile(index.staticDirs, file))
  );
}

/**
 * Whether a site-relative path is where the blog's own URLs are, so that nothing there is a broken
 * link of the blog: under a route of the table (posts/, tags/, page/...), beside an output or static
 * file (a permalink's first folder, static/img/), a post's `.md` file, or the base path written twice.
 */
function owns(index: SiteIndex, relative: string): boolean {
  if (/\.(?:md|markdown)$/i.test(relative) || isRoutePath(relative) || index.roots.has(rootOf(relative))) return true;
  // `/blog/posts/x/` on a site at /blog/ (the base path given twice) is the blog's link, broken.
  return index.basePath !== '/' && (relative + '/').startsWith(index.basePath.slice(1));
}

/** The first segment of a site-relative path, lower-cased: hosts and file systems often ignore case. */
function rootOf(relative: string): string {
  return relative.split('/')[0]!.toLowerCase();
}

/** The names in a folder; none when it cannot be read (a site without static/). */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

