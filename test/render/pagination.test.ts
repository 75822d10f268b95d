/** Which page links a page of a long list shows: a window, not every page. */
import { describe, expect, it } from 'vitest';
import { pageLinks } from '../../src/render/pagination.ts';

/** The links as text: numbers, `[n]` for the current page, `…` for a gap. */
function shown(current: number, total: number): string {
  return pageLinks(current, total, (n) => `/page/${n}/`)
    .map((link) => `${link.gapBefore ? '… ' : ''}${link.number === current ? `[${link.number}]` : link.number}`)
    .join(' ');
}

describe('page links', () => {
  it.each([
    [1, 1, '[1]'],
    [1, 3, '[1] 2 3'],
    [3, 7, '1 2 [3] 4 5 6 7'],
    [1, 10, '[1] 2 3 … 10'],
    [4, 10, '1 2 3 [4] 5 6 … 10'],
    [5, 10, '1 2 3 4 [5] 6 7 … 10'],
    [6, 10, '1 … 4 5 [6] 7 8 9 10'],
    [8, 10, '1 … 6 7 [8] 9 10'],
    [10, 10, '1 … 8 9 [10]'],
    [5000, 10000, '1 … 4998 4999 [5000] 5001 5002 … 10000'],
  ])('page %i of %i shows %s', (current, total, expected) => {
    expect(shown(current, total)).toBe(expected);
  });

  it('keeps each page small however long the list', () => {
    for (const total of [10, 1000, 100000]) for (const current of [1, 2, total >> 1, total - 1, total]) expect(pageLinks(current, total, String).length).toBeLessThanOrEqual(9);
  });

  it('gives each numbered link its own href', () => {
    expect(pageLinks(2, 3, (n) => `/p${n}`)).toEqual([
      { number: 1, href: '/p1', gapBefore: false },
      { number: 2, href: '/p2', gapBefore: false },
      { number: 3, href: '/p3', gapBefore: false },
    ]);
  });
});
