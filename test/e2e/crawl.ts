/**
 * Crawl a served site from its home page, following every internal `href`/`src`/`srcset` and form `action`
 * (links, images, stylesheets, scripts, feeds, icons, the search page) and reporting the ones that do not answer 200.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** A reference that did not lead anywhere: the page it is on, the element, the URL and the answer. */
export interface BrokenRef {
  page: string;
  element: string;
  url: string;
  status: number;
}

export interface CrawlResult {
  /** HTML pages visited (absolute URLs, without fragments). */
  pages: string[];
  /** Every internal URL checked. */
  checked: number;
  broken: BrokenRef[];
}

/** Attribute values that are URLs, per element. */
function refsOf(element: Element): string[] {
  const refs: string[] = [];
  const { href, src, srcSet, poster, data } = element.properties;
  // <link rel=canonical> and Open Graph URLs are absolute on purpose; they are checked like any link.
  if (typeof href === 'string' && element.tagName !== 'base') refs.push(href);
  if (typeof src === 'string') refs.push(src);
  if (typeof poster === 'string') refs.push(poster);
  if (typeof data === 'string' && element.tagName === 'object') refs.push(data);
  // A GET form leads to its action (the search box leads to the search page).
  if (element.tagName === 'form' && typeof element.properties.action === 'string') refs.push(element.properties.action);
  const srcset = Array.isArray(srcSet) ? srcSet.join(',') : typeof srcSet === 'string' ? srcSet : '';
  for (const candidate of srcset.split(',')) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) refs.push(url);
  }
  return refs;
}

/** Crawl everything under `base` reachable from `base` itself. */
export async function crawl(base: string): Promise<CrawlResult> {
  const root = new URL(base);
  const status = new Map<string, Promise<{ status: number; html?: string }>>();
  const pages: string[] = [];
  const broken: BrokenRef[] = [];
  const queue: string[] = [root.href];
  const seenPages = new Set<string>([root.href]);

  const fetchOnce = (url: string) => {
    let known = status.get(url);
    if (!known) {
      known = fetch(url, { redirect: 'follow' }).then(async (response) => {
        const type = response.headers.get('content-type') ?? '';
        return { status: response.status, html: type.startsWith('text/html') && response.ok ? await response.text() : undefined };
      });
      status.set(url, known);
    }
    return known;
  };

  while (queue.length > 0) {
    const page = queue.shift()!;
    const { html } = await fetchOnce(page);
    if (html === undefined) continue;
    pages.push(page);
    const refs: Array<{ url: URL; element: string }> = [];
    visit(fromHtml(html), 'element', (element: Element) => {
      for (const ref of refsOf(element)) {
        if (/^(mailto|tel|javascript|data):/i.test(ref)) continue;
        // `//` alone (an empty host) points nowhere, and at no page of this site: the `empty-url` check reports it.
        if (!URL.canParse(ref, page)) continue;
        const url = new URL(ref, page);
        // Only this site: same origin and under the base path.
        if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) continue;
        url.hash = '';
        refs.push({ url, element: describe(element) });
      }
    });
    for (const { url, element } of refs) {
      const answer = await fetchOnce(url.href);
      if (answer.status !== 200) broken.push({ page, element, url: url.href, status: answer.status });
      else if (answer.html !== undefined && !seenPages.has(url.href)) {
        seenPages.add(url.href);
        queue.push(url.href);
      }
    }
  }
  return { pages, checked: status.size, broken };
}

/** `<a class="x">`, `<img>`…: enough to find the element in the template. */
function describe(element: Element): string {
  const className = element.properties.className;
  const classes = Array.isArray(className) && className.length > 0 ? `.${className.join('.')}` : '';
  return `<${element.tagName}${classes}>`;
}
