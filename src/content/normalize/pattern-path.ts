/** The path the config's `permalink` pattern (or the default `posts/:slug/`) gives a post, and the same with its folders kept. */
import { routePath } from '../../site/routes.ts';
import type { PostDate, RawPost } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { quote } from './fields.ts';
import { fileDatePrefix, postStem, undatedStem } from './file-name.ts';
import { fillPermalink, type PatternValues } from './permalink-fill.ts';
import { sitePath, tooLong } from './site-path.ts';
import { postSlug } from './slug.ts';

/** What decided the post's slug: the file name, or `slug` as written. */
export interface SlugSource {
  slug: string;
  /** `slug` from front matter, as written, when it was usable. */
  written?: string;
}

/**
 * Jekyll's categories for `:categories`: `categories` (a list, or words separated by spaces) then
 * `category`, each in lower case and once, as Jekyll's URLs have them.
 */
function categoriesOf(data: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') found.add(String(value).trim().toLowerCase());
  };
  const { categories, category } = data;
  if (Array.isArray(categories)) categories.forEach(add);
  else if (typeof categories === 'string') categories.split(/\s+/).forEach(add);
  else add(categories);
  add(category);
  found.delete('');
  return [...found];
}

/**
 * The folders between `content/posts/` and the post, slugified (`2019/intro.md` → `['2019']`); a page
 * bundle's own folder (`a/index.md`) is the post's name, not one of them.
 */
export function foldersOf(relPath: string): string[] {
  const segments = relPath.split('/').filter((segment) => segment !== '');
  const file = segments.pop() ?? '';
  if (/^_?index\.[^.]*$/.test(file)) segments.pop();
  return segments.map((segment) => postSlug(segment));
}

/** A segment made of date placeholders only (`:year`, `:i_month`, `:day`...). */
const DATE_SEGMENT = /^(?::(?:year|short_year|month|i_month|day|i_day|y_day)[-_.]?)+$/;

/**
 * Docusaurus's rule for the blog's URLs: the date is in the URL only when the file or folder name
 * carries it, and `slug` is the whole path under the blog (`slug: welcome` → `/blog/welcome`).
 * Expressed on the pattern: the part before its first placeholder is the blog's route.
 */
function docusaurusPattern(pattern: string, raw: RawPost, source: SlugSource): string {
  const route = pattern.slice(0, pattern.indexOf(':')).replace(/[^/]*$/, '');
  if (source.written !== undefined) return `${route}:slug/`;
  if (fileDatePrefix(raw.relPath) !== undefined) return pattern;
  return pattern
    .split('/')
    .filter((segment) => !DATE_SEGMENT.test(segment))
    .join('/');
}

/**
 * The post's path from the config pattern, else `posts/<slug>/`; and `folderPath`, the same with the
 * post's folders in front of its name, when its name comes from its file (see Post.folderPath).
 */
export function patternPaths(raw: RawPost, data: Record<string, unknown>, source: SlugSource, published: PostDate, ctx: NormalizeContext): { path: string; folderPath?: string } {
  // Folders too long to be folder names offer no fallback: two posts of one name then collide as duplicate-url.
  const named = source.written === undefined ? foldersOf(raw.relPath) : [];
  const folders = named.some(tooLong) ? [] : named;
  let pattern = ctx.config.permalink;
  if (pattern === undefined) {
    const path = routePath('post', { slug: source.slug });
    return folders.length === 0 ? { path } : { path, folderPath: routePath('post', { slug: [...folders, source.slug].join('/') }) };
  }
  if (ctx.config.migratedFrom === 'docusaurus') pattern = docusaurusPattern(pattern, raw, source);
  const fileName = postSlug(postStem(raw.relPath));
  const values: PatternValues = {
    published,
    timeZone: ctx.config.timezone,
    slug: source.slug,
    titleSource: source.written ?? undatedStem(raw.relPath),
    fileName,
    categories: categoriesOf(data),
  };
  if (source.written !== undefined) values.explicitSlug = source.slug;
  const filled = fillPermalink(pattern, values);
  const result = sitePath(filled);
  if ('problem' in result) {
    ctx.report(`Unsafe URL ${quote(filled)} from the config permalink ${quote(pattern)}: ${result.problem}`, { severity: 'error', ruleId: 'unsafe-path' });
    return { path: routePath('post', { slug: source.slug }) };
  }
  if (folders.length === 0) return { path: result.path };
  const nested = sitePath(fillPermalink(pattern, { ...values, folders: folders.join('/') }));
  return 'path' in nested && nested.path !== result.path ? { path: result.path, folderPath: nested.path } : { path: result.path };
}
