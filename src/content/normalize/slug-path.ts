/** The post's slug and output path: `slug`, else the file name; `permalink` overrides the path. */
import { routePath } from '../../site/routes.ts';
import type { RawPost } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { firstPresent, quote } from './fields.ts';
import { undatedStem } from './file-name.ts';
import { postSlug } from './slug.ts';

/** Characters that must never reach a file name: C0/C1 controls (NUL included) and DEL. */
const CONTROL = /\p{Cc}/u;

/** File systems refuse names over 255 bytes; a margin leaves room for `index.html` and temporary suffixes. */
const MAX_SEGMENT_BYTES = 200;

function tooLong(segment: string): boolean {
  return Buffer.byteLength(segment) > MAX_SEGMENT_BYTES;
}

/** Why an explicit slug can't be one folder name inside `posts/`, or undefined when it can. */
function slugProblem(slug: string): string | undefined {
  if (slug === '') return 'it is empty';
  if (CONTROL.test(slug)) return 'it contains a control character';
  if (/[/\\]/.test(slug)) return 'it contains a slash; use permalink for a nested path';
  if (slug.includes('..')) return 'it contains ".."';
  if (slug === '.') return 'it is only "."';
  return undefined;
}

/** A `scheme:` (`https:`, `javascript:`) or a Windows drive (`C:`): not a path inside the site. */
const SCHEME_OR_DRIVE = /^[a-z][a-z0-9+.-]*:/i;

/** `permalink` as a site-relative path (`/2020/hello` → `2020/hello/`), or why it can't be one. */
function permalinkPath(permalink: string): { path: string } | { problem: string } {
  if (CONTROL.test(permalink)) return { problem: 'it contains a control character' };
  if (permalink.includes('\\')) return { problem: 'it contains a backslash' };
  if (SCHEME_OR_DRIVE.test(permalink)) return { problem: 'it must be a path inside the site, not a URL or drive' };
  if (/[?#]/.test(permalink)) return { problem: 'it must be a path, without "?" or "#"' };
  // Empty segments (`//`, leading `/`) carry no meaning in a site-relative path.
  const segments = permalink.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { problem: 'it is the site root' };
  for (const segment of segments) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A stray `%` is a literal character of the folder name.
    }
    // Browsers and servers resolve `%2e%2e` like `..`, so the decoded form must be safe too.
    if (decoded === '..') return { problem: 'it would leave the output folder' };
    // `....` is no parent, but Windows drops trailing dots and some servers fold dot runs: refused like slugs.
    if (decoded.includes('..')) return { problem: 'it contains ".."' };
    if (decoded === '.') return { problem: 'it contains a "." segment' };
    if (/[/\\]/.test(decoded)) return { problem: 'it contains an encoded slash' };
    if (CONTROL.test(decoded)) return { problem: 'it contains a control character' };
    if (tooLong(decoded)) return { problem: `a segment is longer than ${MAX_SEGMENT_BYTES} bytes` };
  }
  const path = segments.join('/');
  // `/javascript:x` loses its slash here: a path that now reads as a URL would be one in a relative href.
  if (SCHEME_OR_DRIVE.test(path)) return { problem: 'it must be a path inside the site, not a URL or drive' };
  // `.html` permalinks name a file (Jekyll style); everything else is a folder with index.html.
  return { path: /\.html$/i.test(path) ? path : `${path}/` };
}

/**
 * The post's slug and output path. `slug`, slugified, when it is one safe folder name;
 * otherwise the undated file name, slugified. `permalink` replaces the whole path.
 */
export function normalizePath(raw: RawPost, data: Record<string, unknown>, ctx: NormalizeContext): { slug: string; path: string } {
  let slug = postSlug(undatedStem(raw.relPath));
  const explicit = firstPresent(data, FRONT_MATTER_KEYS.slug);
  if (typeof explicit?.value === 'string' || typeof explicit?.value === 'number') {
    const written = String(explicit.value).normalize('NFC').trim();
    // Slugified like a file name would be: `Mixed Case`, `a#b`, `100%` all become clean URL segments.
    const slugified = postSlug(written);
    const problem = slugProblem(written) ?? (tooLong(slugified) ? `it is longer than ${MAX_SEGMENT_BYTES} bytes` : undefined);
    if (problem === undefined) slug = slugified;
    else ctx.report(`Unsafe slug ${quote(explicit.value)}: ${problem}`, { path: explicit.path, severity: 'error', ruleId: 'unsafe-path' });
  } else if (explicit !== undefined) {
    ctx.report(`Invalid slug ${quote(explicit.value)}: expected text`, { path: explicit.path, severity: 'error', ruleId: 'invalid-slug' });
  }

  let path = routePath('post', { slug });
  const permalink = firstPresent(data, FRONT_MATTER_KEYS.permalink);
  if (typeof permalink?.value === 'string' && permalink.value.trim() !== '') {
    const result = permalinkPath(permalink.value.normalize('NFC').trim());
    if ('path' in result) path = result.path;
    else ctx.report(`Unsafe permalink ${quote(permalink.value)}: ${result.problem}`, { path: permalink.path, severity: 'error', ruleId: 'unsafe-path' });
  } else if (permalink !== undefined && permalink.value !== '') {
    ctx.report(`Invalid permalink ${quote(permalink.value)}: expected a path such as /2020/hello/`, {
      path: permalink.path,
      severity: 'error',
      ruleId: 'invalid-permalink',
    });
  }
  return { slug, path };
}
