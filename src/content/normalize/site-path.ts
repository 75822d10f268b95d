/**
 * Whether a path written in front matter or made from a pattern (`permalink`, `url`, `path`,
 * `aliases`, `redirect_from`, config `permalink`) can be a place in the output folder, and which.
 * Every such path passes here, so none can leave the output folder, whoever wrote it.
 */

/** Characters that must never reach a file name: C0/C1 controls (NUL included) and DEL. */
export const CONTROL = /\p{Cc}/u;

/** File systems refuse names over 255 bytes; a margin leaves room for `index.html` and temporary suffixes. */
export const MAX_SEGMENT_BYTES = 200;

/** Whether one path segment is too long for a file name. */
export function tooLong(segment: string): boolean {
  return Buffer.byteLength(segment) > MAX_SEGMENT_BYTES;
}

/** A `scheme:` (`https:`, `javascript:`) or a Windows drive (`C:`): not a path inside the site. */
export const SCHEME_OR_DRIVE = /^[a-z][a-z0-9+.-]*:/i;

/** Why one decoded segment can't be a folder or file name, or undefined when it can. */
function segmentProblem(decoded: string): string | undefined {
  // Browsers and servers resolve `%2e%2e` like `..`, so the decoded form must be safe too.
  if (decoded === '..') return 'it would leave the output folder';
  // `....` is no parent, but Windows drops trailing dots and some servers fold dot runs: refused like slugs.
  if (decoded.includes('..')) return 'it contains ".."';
  if (decoded === '.') return 'it contains a "." segment';
  if (/[/\\]/.test(decoded)) return 'it contains an encoded slash';
  if (CONTROL.test(decoded)) return 'it contains a control character';
  if (tooLong(decoded)) return `a segment is longer than ${MAX_SEGMENT_BYTES} bytes`;
  return undefined;
}

/**
 * A written path as a site-relative path (`/2020/hello` → `2020/hello/`), or why it can't be one.
 * `.html` paths name a file (Jekyll's `/2014/01/01/x.html`); everything else is a folder served
 * by its `index.html`, and `a/index.html` is that folder (`a/`), as Eleventy's URLs have it.
 */
export function sitePath(written: string): { path: string } | { problem: string } {
  if (CONTROL.test(written)) return { problem: 'it contains a control character' };
  if (written.includes('\\')) return { problem: 'it contains a backslash' };
  if (SCHEME_OR_DRIVE.test(written)) return { problem: 'it must be a path inside the site, not a URL or drive' };
  if (/[?#]/.test(written)) return { problem: 'it must be a path, without "?" or "#"' };
  // Empty segments (`//`, leading `/`) carry no meaning in a site-relative path.
  const segments = written.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A stray `%` is a literal character of the folder name.
    }
    const problem = segmentProblem(decoded);
    if (problem) return { problem };
  }
  const file = segments.at(-1)?.toLowerCase() === 'index.html' ? segments.pop() : undefined;
  if (segments.length === 0) return { problem: 'it is the site root' };
  const path = segments.join('/');
  // `/javascript:x` loses its slash here: a path that now reads as a URL would be one in a relative href.
  if (SCHEME_OR_DRIVE.test(path)) return { problem: 'it must be a path inside the site, not a URL or drive' };
  return { path: file === undefined && /\.html$/i.test(path) ? path : `${path}/` };
}
