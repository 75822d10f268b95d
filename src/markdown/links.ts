/**
 * rehype plugin: make every URL in a post body work from any page of the site.
 * - links to other posts' `.md` (`.markdown`, `.mdx`) files become those posts' URLs;
 * - root-relative URLs get the base path (`/x.png` → `/blog/x.png`);
 * - relative files next to the post are recorded as assets, copied beside the page,
 *   and linked root-relatively, so excerpts on the home page still find them.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { isPostFile } from '../shared/post-files.ts';
import { walk } from '../shared/walk.ts';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { hrefUnder, routePath } from '../site/routes.ts';
import type { Severity } from '../types.ts';
import type { LinkContext } from './data.ts';

/** Attributes that hold one URL, per element (the check stage reads the same ones). */
export const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
};

/** Elements whose missing local file is worth a warning (a plain link may point at a page). */
export const MEDIA = new Set(['img', 'video', 'audio', 'source', 'track', 'embed', 'object']);

/** A scheme (`https:`, `mailto:`), protocol-relative `//`, a fragment or a query alone: not ours to touch. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/|#|\?)/i;

/** Rewrite URLs in place and collect assets into `file.data.assets`. */
export default function rehypeLinks() {
  return (tree: Root, file: VFile): void => {
    const context = file.data.links;
    if (!context) return;
    const assets = new Map<string, string>();
    file.data.assets = assets;
    walk<Element>(tree, 'element', (node) => {
      for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value !== 'string') continue;
        const resolved = rewrite(value, node, context, file, assets);
        // The image plugin reads the size of the file `src` names (see images.ts).
        if (node.tagName === 'img' && attribute === 'src' && resolved.file !== undefined) node.data = { ...node.data, sourceFile: resolved.file } as Element['data'];
        node.properties[attribute] = resolved.url;
      }
      const srcset: unknown = node.properties.srcSet;
      // rehype-raw gives srcset as one string, other paths as a list: write back one string either way.
      const candidates = Array.isArray(srcset) ? srcset.map(String) : typeof srcset === 'string' ? srcset.split(/,\s+/) : undefined;
      if (candidates) {
        node.properties.srcSet = candidates
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [rewrite(url, node, context, file, assets).url, ...descriptor].join(' ');
          })
          .join(', ');
      }
    });
  };
}

/** Report a problem about the URL being resolved (placed by the caller); a warning unless `severity` says otherwise. */
export type UrlReporter = (reason: string, ruleId: string, severity?: Severity) => void;

function rewrite(url: string, node: Element, context: LinkContext, file: VFile, assets: Map<string, string>): { url: string; file?: string } {
  const report: UrlReporter = (reason, ruleId, severity = 'warning') => addMessage(file, reason, { place: node.position?.start, ruleId, severity });
  return resolveLocal(url, context, assets, report, MEDIA.has(node.tagName));
}

/**
 * Resolve one URL written in a post (body or front matter) to what the site serves, recording
 * local files to copy in `assets`. `media` URLs must exist: a missing image is worth a warning,
 * while a relative link may well name a page.
 */
export function resolveUrl(url: string, context: LinkContext, assets: Map<string, string>, report: UrlReporter, media: boolean): string {
  return resolveLocal(url, context, assets, report, media).url;
}

/** `resolveUrl`, also giving the local file the URL serves when there is one (in content/ or a static folder). */
function resolveLocal(url: string, context: LinkContext, assets: Map<string, string>, report: UrlReporter, media: boolean): { url: string; file?: string } {
  if (url === '' || EXTERNAL.test(url)) return { url };
  const { pathname, suffix } = splitUrl(url);
  if (url.startsWith('/')) {
    // `/../../etc/passwd` joined to a static folder would leave it: such a candidate is never looked at.
    const file = context.staticDirs
      .map((dir) => ({ dir, candidate: path.join(dir, safeDecode(pathname)) }))
      .find(({ dir, candidate }) => isInside(dir, candidate) && fileExists(context, candidate))?.candidate;
    if (media && file === undefined) report(`Missing local file ${url} (not in static/)`, 'missing-asset');
    return { url: context.basePath + url.slice(1), file };
  }

  const target = path.resolve(path.dirname(context.sourcePath), safeDecode(pathname));
  if (isPostFile(pathname)) {
    const pagePath = context.postPaths.get(target);
    context.deps?.push({ post: target, page: pagePath ?? null });
    if (pagePath !== undefined) return { url: hrefUnder(context.basePath, pagePath) + suffix };
    // A post this build leaves out (a draft, a future post) is a warning: publishing it mends the link.
    // A file that is not there at all is a broken link, an error (see src/check/rules.ts).
    report(`Link to a post that does not exist or is not published: ${url}`, 'broken-link', fileExists(context, target) ? 'warning' : 'error');
    return { url };
  }

  const exists = fileExists(context, target);
  if (!exists) {
    if (!media) return { url };
    report(`Missing local file ${url} (looked for ${path.relative(context.cwd, target)})`, 'missing-asset');
  }
  // Where the file really is: a symbolic link in content/ to `~/.ssh/id_rsa` must not be copied.
  if (!isInside(context.contentDir, target) || (exists && !isInside(realPath(context.contentDir), realPath(target)))) {
    report(`Local file ${url} is outside content/ and is not copied`, 'asset-outside-content');
    return { url };
  }
  const output = assetOutputPath(context, target);
  if (exists) assets.set(target, output);
  return { url: hrefUnder(context.basePath, output) + suffix, file: exists ? target : undefined };
}

/** Whether `file` is `dir` or below it. */
function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The path with every symbolic link resolved, or the path itself when it can't be resolved. */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Whether `file` is a file, recorded in the context's dependencies. */
function fileExists(context: LinkContext, file: string): boolean {
  const exists = isFile(file);
  context.deps?.push({ file, exists });
  return exists;
}

export function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** Files beside the post (or below its folder) go beside its page; others keep their place under `assets/`. */
function assetOutputPath(context: LinkContext, target: string): string {
  const fromPost = path.relative(path.dirname(context.sourcePath), target);
  const pageDir = context.pagePath.endsWith('/') ? context.pagePath : path.posix.dirname(context.pagePath) + '/';
  if (!fromPost.startsWith('..')) return pageDir + fromPost.split(path.sep).join('/');
  return routePath('asset', { file: path.relative(context.contentDir, target).split(path.sep).join('/') });
}

function splitUrl(url: string): { pathname: string; suffix: string } {
  const index = url.search(/[?#]/);
  return index === -1 ? { pathname: url, suffix: '' } : { pathname: url.slice(0, index), suffix: url.slice(index) };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
