/** Related posts: the other published posts that share the most tags with a post. */
import type { RenderedPost, Site } from '../types.ts';

/** How many related posts a post page shows. */
export const RELATED_LIMIT = 3;

/**
 * A function giving, for each post, up to `limit` other published posts (no drafts, nothing
 * scheduled) that share at least one tag, ranked by the number of shared tags, then newest first,
 * then by path so every build picks the same ones. Built once per site: it walks only the
 * posts of each tag, not every pair of posts.
 */
export function relatedPosts(site: Pick<Site, 'posts' | 'tags'>, limit = RELATED_LIMIT): (post: RenderedPost) => RenderedPost[] {
  const postsByTag = new Map(site.tags.map((tag) => [tag.key, [...new Set(tag.posts)].filter(isPublished)]));
  const cache = new Map<RenderedPost, RenderedPost[]>();
  return (post) => {
    const known = cache.get(post);
    if (known) return known;
    const shared = new Map<RenderedPost, number>();
    // A post listing one tag twice (`[js, JS]`) shares it once.
    for (const key of new Set(post.tags.map((ref) => ref.key))) {
      for (const other of postsByTag.get(key) ?? []) {
        if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    const ranked = [...shared]
      .sort(([a, na], [b, nb]) => nb - na || b.published.epochMs - a.published.epochMs || a.path.localeCompare(b.path))
      .slice(0, limit)
      .map(([other]) => other);
    cache.set(post, ranked);
    return ranked;
  };
}

function isPublished(post: RenderedPost): boolean {
  return !post.draft && !post.future;
}
