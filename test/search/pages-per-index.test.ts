/** Pages per Pagefind index: the number a build is given, or 10,000 when it is not a whole number from 1. */
import { describe, expect, it } from 'vitest';
import { pagesPerIndex } from '../../src/search/pages-per-index.ts';

describe('pages per index', () => {
  it.each([
    [1, 1],
    [2, 2],
    [250_000, 250_000],
  ])('takes %j as it is', (value, expected) => expect(pagesPerIndex(value)).toBe(expected));

  // As BLOGSMITH_SEARCH_PAGES_PER_INDEX reaches the CLI.
  it.each([
    ['2', 2],
    ['10000', 10_000],
    [' 3 ', 3],
    ['4.0', 4],
  ])('reads the text %j as %j', (value, expected) => expect(pagesPerIndex(value)).toBe(expected));

  it.each([undefined, '', 'many', '0', '-2', '2.5', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('falls back to 10,000 for %j', (value) =>
    expect(pagesPerIndex(value)).toBe(10_000),
  );
});
