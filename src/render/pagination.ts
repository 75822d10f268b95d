/** Splitting a list of posts into pages: `<base>`, `<base>page/2/`, ... */
import type { Site } from '../types.ts';
import { pageHref } from './urls.ts';
import type { PaginationView } from './view-types.ts';

/** One page of a list, with its site-relative path. */
export interface Page<T> {
  path: string;
  items: T[];
  pagination: PaginationView;
}

/** The site-relative path of page `n` of the list at `basePath` (page 1 is the list itself). */
export function pagePath(basePath: string, n: number): string {
  return n === 1 ? basePath : `${basePath}page/${n}/`;
}

/** Split `items` into pages of `perPage`; an empty list still has one (empty) page. */
export function paginate<T>(site: Site, items: readonly T[], perPage: number, basePath: string): Page<T>[] {
  const size = Math.max(1, Math.floor(perPage) || 1);
  const total = Math.max(1, Math.ceil(items.length / size));
  const href = (n: number) => pageHref(site, pagePath(basePath, n));
  // One shared list of page links: templates compare `number` with `current`.
  const links = Array.from({ length: total }, (_, i) => ({ number: i + 1, href: href(i + 1) }));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= total; n++) {
    pages.push({
      path: pagePath(basePath, n),
      items: items.slice((n - 1) * size, n * size),
      pagination: {
        current: n,
        total,
        prevHref: n > 1 ? href(n - 1) : null,
        nextHref: n < total ? href(n + 1) : null,
        pages: links,
      },
    });
  }
  return pages;
}
