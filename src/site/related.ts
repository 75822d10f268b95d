/** Related posts: the other published posts that share the most tags with a post. */
import type { RenderedPost, Site } from '../types.ts';

/** How many related posts a post page shows. */
export const RELATED_LIMIT = 3;

/** Posts of each tag looked at: the newest ones, so the work per post stays the same on any size of site. */
const CANDIDATES = 500;

/**
 * A function giving, for each post, up to `limit` other published posts (no drafts, nothing
 * scheduled) that share at least one tag, ranked by the number of shared tags, then newest first,
 * then by path so every build picks the same ones. Built once per site: it walks only the
 * newest posts of each of the post's tags, not every pair of posts.
 */
export function relatedPosts(site: Pick<Site, 'posts' | 'tags'>, limit = RELATED_LIMIT): (post: RenderedPost) => RenderedPost[] {
  // Posts by number, so shared-tag counts live in one typed array instead of a Map per post
  // (a Map per post over tags of 1,000 posts each cost 1.5 s of a 4,000-post build).
  const all = [...new Set(site.tags.flatMap((tag) => tag.posts))].filter(isPublished);
  const numberOf = new Map(all.map((post, index) => [post, index]));
  // Candidates come from the newest CANDIDATES posts of each tag (tags list newest first): with
  // every post of a tag, a tag on 10,000 posts made each post page walk 10,000 others.
  const postsByTag = new Map(site.tags.map((tag) => [tag.key, [...new Set(tag.posts)].flatMap((post) => numberOf.get(post) ?? []).slice(0, CANDIDATES)]));
  const counts = new Int32Array(all.length);
  const cache = new Map<RenderedPost, RenderedPost[]>();
  return (post) => {
    const known = cache.get(post);
    if (known) return known;
    const self = numberOf.get(post);
    const touched: number[] = [];
    // A post listing one tag twice (`[js, JS]`) shares it once.
    for (const key of new Set(post.tags.map((ref) => ref.key))) {
      for (const other of postsByTag.get(key) ?? []) {
        if (other === self) continue;
        if (counts[other] === 0) touched.push(other);
        counts[other]!++;
      }
    }
    // The best `limit` by insertion, not a sort of every candidate.
    const best: Array<[RenderedPost, number]> = [];
    for (const other of touched) {
      const entry: [RenderedPost, number] = [all[other]!, counts[other]!];
      counts[other] = 0;
      if (best.length === limit && rank(entry, best[limit - 1]!) >= 0) continue;
      let at = best.length;
      while (at > 0 && rank(entry, best[at - 1]!) < 0) at--;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    const ranked = best.map(([other]) => other);
    cache.set(post, ranked);
    return ranked;
  };
}

/** Negative when `a` ranks before `b`: more shared tags, then newer, then by path. */
function rank([a, na]: [RenderedPost, number], [b, nb]: [RenderedPost, number]): number {
  return nb - na || b.published.epochMs - a.published.epochMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function isPublished(post: RenderedPost): boolean {
  return !post.draft && !post.future;
}
