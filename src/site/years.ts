/** The archive's grouping of posts by year. */
import type { RenderedPost } from '../types.ts';

/** Posts grouped by the year of their calendar day, in the order given (newest first). */
export function byYear(posts: readonly RenderedPost[]): Array<{ year: string; posts: RenderedPost[] }> {
  const groups = new Map<string, RenderedPost[]>();
  for (const post of posts) {
    const year = post.published.day.slice(0, 4);
    const group = groups.get(year);
    if (group) group.push(post);
    else groups.set(year, [post]);
  }
  return [...groups].map(([year, list]) => ({ year, posts: list }));
}
