/**
 * A plan for one output file: what it shows, and how to render it.
 * A full build renders every plan; the dev server re-renders only the plans a change touches,
 * comparing each plan's `key` (its shape) and `posts` (whose content it shows) with the last build.
 */
import type { Liquid } from 'liquidjs';
import type { RenderedPost } from '../types.ts';

/** One output file to render. */
export interface Plan {
  /** Output path relative to the output root (`posts/x/index.html`, `rss.xml`). */
  file: string;
  /** The page's site-relative path, when it belongs in the sitemap. */
  sitemapPath?: string;
  /** The Liquid template the page starts from; undefined for feeds and host files. */
  template?: string;
  /** Changes whenever the file's structure changes: which posts, in which order, its neighbours. */
  key: string;
  /** Posts whose own content (title, excerpt, body, dates) appears in the file. */
  posts: readonly RenderedPost[];
  /**
   * Posts the file lists (archive, author and tag pages: titles, dates, counts), beyond `posts`.
   * They enter its persistent key (output/page-keys.ts), which must cover everything a custom
   * template could show of them; the dev server follows them through `key` instead.
   */
  lists?: readonly RenderedPost[];
  render(engine: Liquid): Promise<string> | string;
}

/** The identity of a post across rebuilds: its source file, which survives slug and date edits. */
export function postId(post: RenderedPost): string {
  return post.raw.file.path;
}

/** A key part listing posts by identity, in order. */
export function postsKey(posts: readonly RenderedPost[]): string {
  return posts.map(postId).join('\n');
}

/** A key part for pages that list posts by title and date only (archive, author pages, sitemap). */
export function listingKey(posts: readonly RenderedPost[]): string {
  return posts.map((post) => `${postId(post)}\t${post.path}\t${post.title}\t${post.published.iso}\t${post.updated?.iso ?? ''}\t${post.lang ?? ''}\t${post.draft}`).join('\n');
}
