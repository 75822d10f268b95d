/**
 * How many pages go in one Pagefind index. Pagefind builds an index in memory: 100,000 pages in
 * one index took its process to 10 GiB. Bigger sites get several indexes, which the search page
 * merges (static/search.js). Kept apart from stage.ts so the CLI can read it without loading Pagefind.
 */

/** Pages per index unless the environment says otherwise. */
export const PAGES_PER_INDEX = 10_000;

/** The environment variable that sets another number (tests split small sites with it). */
export const PAGES_PER_INDEX_VARIABLE = 'BLOGSMITH_SEARCH_PAGES_PER_INDEX';

/** Pages per index for this process. */
export function pagesPerIndex(): number {
  const set = Number(process.env[PAGES_PER_INDEX_VARIABLE]);
  return Number.isInteger(set) && set >= 1 ? set : PAGES_PER_INDEX;
}
