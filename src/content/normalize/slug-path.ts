/**
 * The post's slug and output path: `slug`, else the file name; `permalink` (Hugo's `url`, Zola's
 * `path`) replaces the whole path; without one, the config's pattern or `posts/<slug>/` decides.
 */
import type { PostDate, RawPost } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { firstPresent, quote } from './fields.ts';
import { undatedStem } from './file-name.ts';
import { patternPaths, type SlugSource } from './pattern-path.ts';
import { CONTROL, MAX_SEGMENT_BYTES, sitePath, tooLong } from './site-path.ts';
import { fittedSegment } from './segment-length.ts';
import { postSlug } from './slug.ts';

/** Why an explicit slug can't be folder names inside `posts/`, or undefined when it can. */
function slugProblem(slug: string): string | undefined {
  if (slug.replace(/\//g, '') === '') return 'it is empty';
  if (CONTROL.test(slug)) return 'it contains a control character';
  if (slug.includes('\\')) return 'it contains a backslash';
  if (slug.includes('..')) return 'it contains ".."';
  if (slug.split('/').includes('.')) return 'it is only "."';
  return undefined;
}

/**
 * `slug`, each `/`-separated part slugified like a file name would be (`Mixed Case`, `a#b`, `100%`
 * all become clean URL segments). Astro's slugs may hold slashes (`2019/intro`): they stay folders.
 */
export function readSlug(raw: RawPost, data: Record<string, unknown>, ctx: NormalizeContext): SlugSource {
  // Measured after slugging: lower case may take more bytes than the name had (`Ⱥ` 2, `ⱥ` 3).
  const fromName = () => ({ slug: fittedSegment(postSlug(undatedStem(raw.relPath)), 'The file name', ctx) });
  const explicit = firstPresent(data, FRONT_MATTER_KEYS.slug);
  if (explicit === undefined) return fromName();
  if (typeof explicit.value !== 'string' && typeof explicit.value !== 'number') {
    ctx.report(`Invalid slug ${quote(explicit.value)}: expected text`, { path: explicit.path, severity: 'error', ruleId: 'invalid-slug' });
    return fromName();
  }
  const written = String(explicit.value).normalize('NFC').trim();
  const slug = written
    .split('/')
    .filter((part) => part !== '')
    .map((part) => postSlug(part))
    .join('/');
  const problem = slugProblem(written) ?? (slug.split('/').some(tooLong) ? `it is longer than ${MAX_SEGMENT_BYTES} bytes` : undefined);
  if (problem === undefined) return { slug, written };
  ctx.report(`Unsafe slug ${quote(explicit.value)}: ${problem}`, { path: explicit.path, severity: 'error', ruleId: 'unsafe-path' });
  return fromName();
}

/** Eleventy computes `permalink: /{{ page.fileSlug }}/` from its templates; this tool does not. */
const TEMPLATE = /\{\{|\{%/;

/** The whole path from `permalink`, `url` or `path` when one is written and usable; every problem reported. */
export function explicitPath(data: Record<string, unknown>, ctx: NormalizeContext): string | undefined {
  const found = firstPresent(data, FRONT_MATTER_KEYS.permalink);
  if (found === undefined || found.value === '') return undefined;
  const name = found.path.join('.');
  const at = { path: found.path };
  if (typeof found.value !== 'string') {
    ctx.report(`Invalid ${name} ${quote(found.value)}: expected a path such as /2020/hello/`, { ...at, severity: 'error', ruleId: 'invalid-permalink' });
    return undefined;
  }
  let written = found.value.normalize('NFC').trim();
  if (written === '') return undefined;
  if (TEMPLATE.test(written)) {
    ctx.report(`Template ${name} ${quote(found.value)} is not evaluated; the post keeps its default URL`, { ...at, severity: 'warning', ruleId: 'permalink-template' });
    return undefined;
  }
  // `url` and `path` are paths in Hugo and Zola, but CMS exports write a post's whole address there too.
  if (name !== 'permalink' && /^https?:\/\//i.test(written)) {
    if (!written.startsWith(ctx.config.url)) {
      ctx.report(`Ignored ${name} ${quote(found.value)}: an address outside this site, not a path`, { ...at, severity: 'warning', ruleId: 'url-not-path' });
      return undefined;
    }
    written = written.slice(ctx.config.url.length);
  }
  const result = sitePath(written);
  if ('path' in result) return result.path;
  ctx.report(`Unsafe ${name} ${quote(found.value)}: ${result.problem}`, { ...at, severity: 'error', ruleId: 'unsafe-path' });
  return undefined;
}

/**
 * The post's slug and output path. An explicit path wins; otherwise the config's pattern, or
 * `posts/<slug>/`, with `folderPath` for posts named by their file (see Post.folderPath).
 */
export function normalizePath(raw: RawPost, data: Record<string, unknown>, ctx: NormalizeContext, published: PostDate): { slug: string; path: string; folderPath?: string } {
  const source = readSlug(raw, data, ctx);
  const explicit = explicitPath(data, ctx);
  if (explicit !== undefined) return { slug: source.slug, path: explicit };
  return { slug: source.slug, ...patternPaths(raw, data, source, published, ctx) };
}
