/**
 * rehype plugin: make every URL in a post body work from any page of the site.
 * - links to other posts' `.md` (`.markdown`, `.mdx`) files become those posts' URLs: relative ones, and Zola's internal
 *   links, `@/posts/other.md#part`, whose path starts at content/;
 * - root-relative URLs get the base path (`/x.png` → `/blog/x.png`), except under the config's
 *   `externalPaths`: other parts of the same host, left as written;
 * - relative files next to the post (images, scripts, stylesheets, media) are recorded as assets,
 *   copied beside the page, and linked root-relatively, so excerpts on the home page still find them.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { isPostFile } from '../shared/post-files.ts';
import { walk } from '../shared/walk.ts';
import type { VFile } from 'vfile';
import { addMessage, shown } from '../messages.ts';
import { hrefUnder, routePath, underPrefix } from '../site/routes.ts';
import type { Severity } from '../types.ts';
import type { LinkContext } from './data.ts';
import { safeDecode } from '../shared/decode.ts';
import { fileExists, isInside, pageOf, realPath } from './local-files.ts';
import { staticSource } from '../shared/static-files.ts';
import { splitUrl } from '../shared/url.ts';

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
  script: ['src'],
  link: ['href'],
};

/** Elements that load the file they name into the page: a missing local one is worth a warning (a plain link may point at a page). */
const LOADS_FILE = new Set(['img', 'video', 'audio', 'source', 'track', 'embed', 'object', 'script']);

/** `<link rel>` values that load a file; others (`alternate`, `canonical`, `author`) name pages. */
const LOADING_RELS = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'manifest', 'preload', 'prefetch', 'modulepreload']);

/** A scheme (`https:`, `mailto:`), protocol-relative `//`, a fragment or a query alone: not ours to touch. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/|#|\?)/i;

/** A link to a post's source file. */

/** Zola's internal links: the path after it starts at content/. */
const INTERNAL = '@/';

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
  return resolveLocal(url, context, assets, report, loadsFile(node));
}

/** Whether the element loads the file its URL names into the page, so that file must exist. */
function loadsFile(node: Element): boolean {
  if (node.tagName !== 'link') return LOADS_FILE.has(node.tagName);
  const rel: unknown = node.properties.rel;
  const values = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
  // `shortcut icon` is two values, one of them `icon`.
  return values.some((value) => LOADING_RELS.has(value.toLowerCase()));
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
export function resolveLocal(url: string, context: LinkContext, assets: Map<string, string>, report: UrlReporter, media: boolean): { url: string; file?: string } {
  if (url === '' || EXTERNAL.test(url)) return { url };
  const { pathname, suffix } = splitUrl(url);
  if (url.startsWith('/')) {
    // Another part of the same host (`externalPaths: ['/docs/']`): not the blog's, so no base path, and nothing to look for.
    if (underPrefix(pathname, context.externalPaths)) return { url };
    // `/../../etc/passwd` joined to a static folder would leave it: such a candidate is never looked at.
    // Nor is a link that leads out of the site (`static/photo.jpg -> ~/private.jpg`): a build does
    // not publish it, so neither may the image pipeline (static-files.ts).
    const file = context.staticDirs
      .map((dir) => ({ dir, candidate: path.join(dir, safeDecode(pathname)) }))
      .find(({ dir, candidate }) => isInside(dir, candidate) && fileExists(context.deps, candidate) && staticSource(dir, path.relative(dir, candidate)) !== undefined)?.candidate;
    if (media && file === undefined) report(`Missing local file ${shown(url)} (not in static/)`, 'missing-asset');
    return { url: context.basePath + url.slice(1), file };
  }

  const internal = url.startsWith(INTERNAL);
  const target = internal
    ? path.resolve(context.contentDir, safeDecode(pathname.slice(INTERNAL.length)))
    : path.resolve(path.dirname(context.sourcePath), safeDecode(pathname));
  if (isPostFile(pathname)) return { url: linkToPost(url, target, suffix, internal, context, report) };

  const exists = fileExists(context.deps, target);
  if (!exists) {
    if (!media) {
      // A relative link may name a page, and the checks look at it; a Zola link names a file of content/.
      if (internal) report(`Link to a file that is not in content/: ${shown(url)}`, 'broken-link', 'error');
      return { url };
    }
    report(`Missing local file ${shown(url)} (looked for ${shown(path.relative(context.cwd, target))})`, 'missing-asset');
  }
  // Where the file really is: a symbolic link in content/ to `~/.ssh/id_rsa` must not be copied.
  if (!isInside(context.contentDir, target) || (exists && !isInside(realPath(context.contentDir), realPath(target)))) {
    report(`Local file ${shown(url)} is outside content/ and is not copied`, 'asset-outside-content');
    return { url };
  }
  const output = assetOutputPath(context, target);
  if (exists) assets.set(target, output);
  return { url: hrefUnder(context.basePath, output) + suffix, file: exists ? target : undefined };
}

/** The URL of the post whose source is `target`, or `url` as written (reported) when there is none. */
function linkToPost(url: string, target: string, suffix: string, internal: boolean, context: LinkContext, report: UrlReporter): string {
  // Zola's content/_index.md is its home page; this blog's home page is its post list.
  if (internal && target === path.join(context.contentDir, '_index.md')) return hrefUnder(context.basePath, '') + suffix;
  const pagePath = pageOf(context, target);
  if (pagePath !== undefined) return hrefUnder(context.basePath, pagePath) + suffix;
  if (internal && path.basename(target) === '_index.md') {
    report(`Link to a Zola section, which this blog has no page for: ${shown(url)}`, 'broken-link', 'error');
    return url;
  }
  // A post this build leaves out (a draft, a future post) is a warning: publishing it mends the link.
  // A file that is not there at all is a broken link, an error (see src/check/rules.ts).
  report(`Link to a post that does not exist or is not published: ${shown(url)}${internal ? postsHint(url, context) : ''}`, 'broken-link', fileExists(context.deps, target) ? 'warning' : 'error');
  return url;
}

/** Zola paths start at content/, this blog's posts are in content/posts/: `@/blog/a.md` may mean `@/posts/blog/a.md`. */
function postsHint(url: string, context: LinkContext): string {
  const { pathname } = splitUrl(url);
  const guess = path.resolve(context.contentDir, 'posts', safeDecode(pathname.slice(INTERNAL.length)));
  return pageOf(context, guess) === undefined ? '' : ` (did you mean ${INTERNAL}posts/${pathname.slice(INTERNAL.length)}?)`;
}

/** Files beside the post (or below its folder) go beside its page; others keep their place under `assets/`. */
function assetOutputPath(context: LinkContext, target: string): string {
  const fromPost = path.relative(path.dirname(context.sourcePath), target);
  const pageDir = context.pagePath.endsWith('/') ? context.pagePath : path.posix.dirname(context.pagePath) + '/';
  if (!fromPost.startsWith('..')) return pageDir + fromPost.split(path.sep).join('/');
  return routePath('asset', { file: path.relative(context.contentDir, target).split(path.sep).join('/') });
}
