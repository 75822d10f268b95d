/** Which posts a run publishes, and whether their URLs are unique and allowed. */
import { FRONT_MATTER_KEYS } from '../content/keys.ts';
import { addMessage } from '../messages.ts';
import { checkRedirects } from './redirects.ts';
import { isReservedFile, outputFileOf } from './routes.ts';
import type { Point, Post } from '../types.ts';

/** Drafts and future posts stay out unless the run asks for them (dev does). */
export function selectPosts<T extends Post>(posts: readonly T[], options: { drafts: boolean; future: boolean }): T[] {
  return posts.filter((post) => (options.drafts || !post.draft) && (options.future || !post.future));
}

/** Report two posts or pages with one URL (naming both files), posts and pages on reserved paths, and old URLs the site cannot redirect. */
export function checkUrls(posts: readonly Post[]): void {
  const byPath = new Map<string, Post>();
  for (const post of posts) {
    // Compared as output files, case-folded: `/a/index.html` and `/a/` are one file, and so are
    // `/A/` and `/a/` on case-insensitive file systems (macOS, Windows) and many hosts.
    const key = outputFileOf(post.path).toLowerCase();
    const first = byPath.get(key);
    const place = urlKeyPlace(post);
    if (first) {
      const message = `URL /${post.path} is used by ${twoOf(first, post)}: ${first.raw.file.path} and ${post.raw.file.path}`;
      addMessage(post.raw.file, message, { place, ruleId: 'duplicate-url', severity: 'error' });
      addMessage(first.raw.file, message, {
        place: urlKeyPlace(first),
        ruleId: 'duplicate-url',
        severity: 'error',
      });
      continue;
    }
    byPath.set(key, post);
    // The top-level names of the route table: a post there would overwrite a list page, a feed or a host file.
    if (isReservedFile(key)) {
      addMessage(post.raw.file, `URL /${post.path} is reserved for a page the site generates`, { place, ruleId: 'reserved-url', severity: 'error' });
    }
  }
  checkRedirects(posts);
}

/** What two colliding files are: two posts, two pages, or a post and a page. */
function twoOf(first: Post, second: Post): string {
  const kinds = [first, second].map((post) => (post.raw.kind === 'page' ? 'page' : 'post'));
  return kinds[0] === kinds[1] ? `two ${kinds[0]}s` : `a ${kinds[0]} and a ${kinds[1]}`;
}

/** The front matter key that decided the post's URL, else the file's first line. */
export function urlKeyPlace(post: Post): Point {
  const { data, locate } = post.raw.frontMatter;
  // `permalink` overrides `slug`, so it is the one to point at when both are written (even empty).
  const path = [...FRONT_MATTER_KEYS.permalink, ...FRONT_MATTER_KEYS.slug].find(([key]) => key in data);
  return (path && locate(path)) || { line: 1, column: 1 };
}
