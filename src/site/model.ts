/** The whole-site model: posts sorted, tags and authors gathered. Pure: posts in, Site out. */
import { slugify, tagKey } from '../content/normalize/slug.ts';
import type { Author, Post, RenderedPost, Site, SiteAuthor, SiteConfig, Tag, TagEntry } from '../types.ts';
import { routesFor } from './routes.ts';

/** Newest first; ties broken by path so every build orders posts the same way. */
export function sortPosts<T extends RenderedPost>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => b.published.epochMs - a.published.epochMs || a.path.localeCompare(b.path));
}

/** Whether a post is a standalone page from `content/pages/` rather than a dated post. */
export function isPage(post: Post): boolean {
  return post.raw.kind === 'page';
}

/**
 * Build the model render/ consumes. `posts` may hold standalone pages too (the stages before run
 * both alike): they become `site.pages`, in no list, feed or tag, sorted by path.
 */
export function createSite(
  posts: readonly RenderedPost[],
  config: SiteConfig,
  tagEntries: ReadonlyMap<string, TagEntry>,
  now: Date,
  author?: Author,
): Site {
  const sorted = sortPosts(posts.filter((post) => !isPage(post)));
  const pages = posts.filter(isPage).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    config,
    author,
    posts: sorted,
    pages,
    tags: gatherTags(sorted, tagEntries),
    authors: gatherAuthors(sorted),
    routes: routesFor(config),
    now,
  };
}

/** One tag per key; label from tags.yml, else the most used spelling; unique, never-empty slugs. */
export function gatherTags(posts: readonly RenderedPost[], entries: ReadonlyMap<string, TagEntry>): Tag[] {
  const byKey = new Map<string, { posts: RenderedPost[]; spellings: Map<string, number> }>();
  for (const post of posts) {
    for (const ref of post.tags) {
      const tag = byKey.get(ref.key) ?? { posts: [] as RenderedPost[], spellings: new Map<string, number>() };
      byKey.set(ref.key, tag);
      tag.posts.push(post);
      tag.spellings.set(ref.spelling, (tag.spellings.get(ref.spelling) ?? 0) + 1);
    }
  }
  const entryByKey = new Map<string, TagEntry>();
  for (const entry of entries.values()) entryByKey.set(tagKey(entry.id), entry);

  const usedSlugs = new Set<string>();
  const tags: Tag[] = [];
  for (const key of [...byKey.keys()].sort()) {
    const { posts: tagged, spellings } = byKey.get(key)!;
    const entry = entryByKey.get(key);
    const label = entry?.label ?? mostUsed(spellings);
    tags.push({ key, slug: uniqueSlug(slugify(key), usedSlugs), label, description: entry?.description, posts: tagged });
  }
  return tags.sort((a, b) => a.label.localeCompare(b.label) || a.slug.localeCompare(b.slug));
}

function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling.localeCompare(best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** `c` and `c++` may slugify alike: the second one gets `-2`. */
function uniqueSlug(slug: string, used: Set<string>): string {
  let candidate = slug;
  for (let n = 2; used.has(candidate); n++) candidate = `${slug}-${n}`;
  used.add(candidate);
  return candidate;
}

/** One author per id, sorted by name, each with their posts newest first. */
export function gatherAuthors(posts: readonly RenderedPost[]): SiteAuthor[] {
  const byId = new Map<string, SiteAuthor>();
  for (const post of posts) {
    for (const author of post.authors) {
      const entry: SiteAuthor = byId.get(author.id) ?? { ...author, posts: [] };
      byId.set(author.id, entry);
      entry.posts.push(post);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
