/**
 * Absolute URLs for content that leaves the site (feeds, JSON-LD): a feed reader has no page
 * to resolve `/blog/x.png` or `img.png` against, so every reference is made absolute here.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { walk } from '../shared/walk.ts';
import type { Routes } from '../site/routes.ts';

/** hast property names whose value is a single URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite', 'action', 'formAction', 'xLinkHref'] as const;
/** hast property names whose value is a `srcset` (URL + descriptor candidates). */
const SRCSET_PROPERTIES = ['srcSet', 'imageSrcSet'] as const;

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * One URL reference resolved against `pageUrl`. Fragments (`#x`), URLs with a scheme
 * (`mailto:`, `https:`), empty values and anything the URL parser rejects (a bare `//`)
 * come back unchanged; protocol-relative `//host/x` takes the page's scheme.
 */
export function absolutizeUrl(ref: string, pageUrl: string): string {
  const trimmed = ref.trim();
  if (trimmed === '' || trimmed.startsWith('#') || HAS_SCHEME.test(trimmed)) return ref;
  try {
    return new URL(trimmed, pageUrl).href;
  } catch {
    return ref;
  }
}

/**
 * A URL an author wrote outside the markdown body (front matter `image`, an author's `url`),
 * made absolute: root-relative refs get the base path, as root-relative links in posts do,
 * and relative refs resolve against `pageUrl`.
 */
export function absoluteRefUrl(routes: Routes, ref: string, pageUrl: string): string {
  const trimmed = ref.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return routes.absolute(trimmed);
  return absolutizeUrl(trimmed, pageUrl);
}

/** Rewrites each URL of a `srcset`, keeping its descriptors (`a.png 1x, b.png 2x`). */
export function absolutizeSrcset(srcset: string, pageUrl: string): string {
  const candidates: string[] = [];
  const length = srcset.length;
  let i = 0;
  // A small version of the HTML "parse a srcset attribute" algorithm: URLs may contain commas,
  // so a candidate ends at white space (then descriptors up to a comma outside parentheses)
  // or at trailing commas glued to the URL.
  while (i < length) {
    while (i < length && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= length) break;
    const start = i;
    while (i < length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    let descriptors = '';
    // Trailing commas counted back from the end: `/,+$/` tried from every comma of a run, n² on a URL of commas.
    let end = url.length;
    while (end > 0 && url[end - 1] === ',') end--;
    if (end < url.length) {
      url = url.slice(0, end);
    } else {
      let depth = 0;
      const from = i;
      while (i < length) {
        const char = srcset[i]!;
        if (char === '(') depth++;
        else if (char === ')') depth = Math.max(0, depth - 1);
        else if (char === ',' && depth === 0) break;
        i++;
      }
      descriptors = srcset.slice(from, i).trim().replace(/\s+/g, ' ');
      i++;
    }
    candidates.push(descriptors ? `${absolutizeUrl(url, pageUrl)} ${descriptors}` : absolutizeUrl(url, pageUrl));
  }
  return candidates.join(', ');
}

/**
 * Rewrites every `href`, `src`, `poster` (and `cite`, form actions, `xlink:href`) and each URL
 * of a `srcset` in an HTML fragment to an absolute URL resolved against `pageUrl`.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  walk<Element>(tree, 'element', (node) => {
    const props = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value === 'string') props[name] = absolutizeUrl(value, pageUrl);
    }
    for (const name of SRCSET_PROPERTIES) {
      const value = props[name];
      if (typeof value === 'string') props[name] = absolutizeSrcset(value, pageUrl);
    }
  });
  return toHtml(tree);
}
