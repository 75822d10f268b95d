/** How a big site's search index is split: the number of parts, and each page's part by its URL alone. */
import { describe, expect, it } from 'vitest';
import { partCount, partDir, partNames, partOf } from '../../src/search/parts.ts';

const urls = (count: number) => Array.from({ length: count }, (_, n) => `/posts/post-${n}/`);

describe('parts of the search index', () => {
  it.each([
    [0, 1],
    [5, 1],
    [1_000, 1],
    [1_414, 1],
    [1_415, 2],
    [2_000, 2],
    [2_829, 4],
    [4_000, 4],
    [5_657, 8],
    [20_000, 16],
    [100_000, 16],
    [200_000, 32],
  ])('splits %j pages into %j parts', (pages, parts) => expect(partCount(pages, 10_000)).toBe(parts));

  it('keeps the number of parts from 71 % to 141 % of a size, so adding or deleting posts rarely moves a page', () => {
    for (let pages = 2_829; pages < 5_657; pages += 97) expect(partCount(pages, 10_000)).toBe(4);
  });

  it('sizes parts by pages per index when that is smaller, and never lets the average part hold more', () => {
    expect(partCount(36, 10)).toBe(4);
    expect(partCount(41, 10)).toBe(8);
    expect(partCount(5, 2)).toBe(4);
  });

  it('puts a page in the same part whatever other pages there are, and spreads pages evenly', () => {
    const parts = urls(4_000).map((url) => partOf(url, 4));
    expect(urls(4_000).map((url) => partOf(url, 4))).toEqual(parts);
    const sizes = [0, 1, 2, 3].map((part) => parts.filter((of) => of === part).length);
    for (const size of sizes) expect(size).toBeGreaterThan(900);
    expect(partOf('/posts/post-7/', 1)).toBe(0);
  });

  it('names the first part pagefind/ and the others after it, relative to parts.json', () => {
    expect([0, 1, 3].map(partDir)).toEqual(['pagefind/', 'pagefind/part-2/', 'pagefind/part-4/']);
    expect(partNames(1)).toEqual([]);
    expect(partNames(4)).toEqual(['part-2/', 'part-3/', 'part-4/']);
  });
});
