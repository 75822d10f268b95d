/** What the dev session compares between rebuilds: a post's shape, its heading ids, a plan without its key. */
import type { Plan } from '../render/index.ts';
import type { RenderedPost } from '../types.ts';

/** Whether two id sets (a post's heading ids) are the same. */
export function sameIds(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** Everything about a post that other pages place or name it by: lists, neighbours, feeds' order, redirects, plan keys. */
export function shapeOf(post: RenderedPost | undefined): string {
  if (!post) return '';
  // Aliases too: each is a redirect page of its own, planned with the site. Math too: the site's
  // KaTeX stylesheet is planned with the site, when the first post with math comes (render/katex.ts).
  return JSON.stringify([post.raw.file.path, post.path, post.title, post.published.iso, post.updated?.iso, post.draft, post.future, post.tags, post.authors, post.lang, post.aliases, post.math]);
}

/** A plan's fields but its key, read without working out a lazy key (render/page-context.ts). */
export function plainPlan({ file, sitemapPath, template, posts, lists, render }: Plan): Omit<Plan, 'key'> {
  return { file, sitemapPath, template, posts, lists, render };
}
