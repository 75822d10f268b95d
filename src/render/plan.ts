/**
 * A plan for one output file: what it shows, and how to render it. Whether a plan must render
 * again (in a build, or in the dev server after an edit) is decided by its page key
 * (session/page-keys.ts), made of its `key`, its template's files, and what it shows of its posts.
 * Post objects are never changed in place: an edited post is a new object, so keys can be memoised per object.
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
  /**
   * Posts the file shows: in full on a post page (the first) and in feeds; their title, link and
   * date for a post page's neighbours and related posts; their summary view on list pages.
   */
  posts: readonly RenderedPost[];
  /**
   * Posts the file lists (archive, author and tag pages: titles, dates, counts), beyond `posts`.
   * Their summary view enters the page key: all a custom template could show of them.
   */
  lists?: readonly RenderedPost[];
  render(engine: Liquid): Promise<string> | string;
}

/** The identity of a post across rebuilds: its source file, which survives slug and date edits. */
function postId(post: RenderedPost): string {
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
