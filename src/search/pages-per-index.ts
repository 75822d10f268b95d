/**
 * How many pages go in one Pagefind index. Pagefind builds an index in memory: 100,000 pages in
 * one index took its process to 10 GiB. Bigger sites get several indexes, which the search page
 * merges (static/search.js). Kept apart from stage.ts so the CLI can use it without loading Pagefind.
 */

/** Pages per index unless the build is told otherwise. */
const PAGES_PER_INDEX = 10_000;

/**
 * Pages per index for a build: `value` when it is a whole number from 1, else 10,000. Text is
 * read as a number, because the CLI passes `BLOGSMITH_SEARCH_PAGES_PER_INDEX` as it finds it.
 */
export function pagesPerIndex(value: number | string | undefined): number {
  const set = Number(value);
  return Number.isInteger(set) && set >= 1 ? set : PAGES_PER_INDEX;
}
