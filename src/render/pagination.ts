/** Splitting a list of posts into pages: `<list>`, `<list>page/2/`, ... (the paths are the route table's). */
import { pagePath } from '../site/routes.ts';
import type { Site } from '../types.ts';
import type { PageLinkView, PaginationView } from './view-types.ts';

/** One page of a list, with its site-relative path. */
export interface Page<T> {
  path: string;
  items: T[];
  pagination: PaginationView;
}

/** Split `items` into pages of `perPage`; an empty list still has one (empty) page. `keep` leaves pages out by path (see planSite's `wants`). */
export function paginate<T>(site: Site, items: readonly T[], perPage: number, listPath: string, keep: (path: string) => boolean = () => true): Page<T>[] {
  const size = Math.max(1, Math.floor(perPage) || 1);
  const total = Math.max(1, Math.ceil(items.length / size));
  const href = (n: number) => site.routes.href(pagePath(listPath, n));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= total; n++) {
    if (!keep(pagePath(listPath, n))) continue;
    pages.push({
      path: pagePath(listPath, n),
      items: items.slice((n - 1) * size, n * size),
      pagination: {
        current: n,
        total,
        prevHref: n > 1 ? href(n - 1) : null,
        nextHref: n < total ? href(n + 1) : null,
        pages: pageLinks(n, total, href),
      },
    });
  }
  return pages;
}

/** Pages shown around the current one, each side. */
const WINDOW = 2;

/**
 * The numbered links of page `current`: the first and last page and `current` ± WINDOW, each link
 * after left-out pages marked `gapBefore`. Listing every page would make each page grow with the
 * list, and the list's pages together quadratic: a site of 100,000 posts has 10,000 home pages.
 */
export function pageLinks(current: number, total: number, href: (n: number) => string): PageLinkView[] {
  const from = Math.max(1, current - WINDOW);
  const to = Math.min(total, current + WINDOW);
  const shown = [...new Set([1, ...Array.from({ length: to - from + 1 }, (_, i) => from + i), total])];
  const links: PageLinkView[] = [];
  let last = 0;
  for (const n of shown) {
    // A gap standing for a single page shows that page instead: "1 2 3" reads better than "1 … 3".
    if (n === last + 2) links.push({ number: last + 1, href: href(last + 1), gapBefore: false });
    links.push({ number: n, href: href(n), gapBefore: n > last + 2 });
    last = n;
  }
  return links;
}
