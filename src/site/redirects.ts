/** Old URLs (`aliases`, `redirect_from`) that the site cannot redirect: taken by a page, or claimed twice. */
import { addMessage } from '../messages.ts';
import { isReservedFile, outputFileOf } from './routes.ts';
import type { Alias, Post } from '../types.ts';

/** Where an alias was written, else the file's first line. */
function aliasPlace(post: Post, alias: Alias) {
  return post.raw.frontMatter.locate(alias.key) ?? { line: 1, column: 1 };
}

/**
 * Report every old URL that is a post's URL, a page the site writes (`/tags/`, `/rss.xml`), or
 * another old URL already (naming both files). Such a redirect page would overwrite a page, or
 * another redirect, so it is an error like two posts with one URL.
 */
export function checkRedirects(posts: readonly Post[]): void {
  const postFiles = new Map(posts.map((post) => [outputFileOf(post.path).toLowerCase(), post]));
  const claimed = new Map<string, { post: Post; alias: Alias }>();
  for (const post of posts) {
    for (const alias of post.aliases ?? []) {
      const key = outputFileOf(alias.path).toLowerCase();
      // Located only when reported: locating re-reads the front matter, too slow for every alias of a big site.
      const place = () => aliasPlace(post, alias);
      const page = postFiles.get(key);
      const first = claimed.get(key);
      if (page) {
        const whose = page === post ? "this post's own URL" : `the URL of ${page.raw.file.path}`;
        addMessage(post.raw.file, `Old URL /${alias.path} is ${whose}: it cannot also redirect`, { place: place(), ruleId: 'redirect-conflict', severity: 'error' });
      } else if (isReservedFile(key)) {
        addMessage(post.raw.file, `Old URL /${alias.path} is reserved for a page the site generates`, { place: place(), ruleId: 'redirect-conflict', severity: 'error' });
      } else if (first) {
        const message = `Old URL /${alias.path} is claimed by two posts: ${first.post.raw.file.path} and ${post.raw.file.path}`;
        addMessage(post.raw.file, message, { place: place(), ruleId: 'redirect-conflict', severity: 'error' });
        // Once on the first post, however many others claim it too.
        if (!first.post.raw.file.messages.some((m) => m.reason === message)) addMessage(first.post.raw.file, message, { place: aliasPlace(first.post, first.alias), ruleId: 'redirect-conflict', severity: 'error' });
      } else {
        claimed.set(key, { post, alias });
      }
    }
  }
}

/**
 * Report every old URL whose redirect page would land on a static file, or need a folder where a
 * static file is (`/notes.txt/index.html` beside `static/notes.txt`): the copy would overwrite one
 * with the other, or fail. `isStaticFile` answers for a site-relative file path.
 */
export function checkRedirectsAgainstStatic(posts: readonly Post[], isStaticFile: (file: string) => boolean): void {
  for (const post of posts) {
    for (const alias of post.aliases ?? []) {
      const file = outputFileOf(alias.path);
      const segments = file.split('/');
      const clash = segments.map((_, i) => segments.slice(0, i + 1).join('/')).find((prefix) => isStaticFile(prefix));
      if (clash === undefined) continue;
      const what = clash === file ? `the static file /${clash}` : `the static file /${clash}, where its page needs a folder`;
      addMessage(post.raw.file, `Old URL /${alias.path} would overwrite ${what}: remove one of them`, { place: aliasPlace(post, alias), ruleId: 'redirect-conflict', severity: 'error' });
    }
  }
}

/** The redirects a site writes: each old URL of a published post that no page and no earlier redirect takes, with its post. */
export function redirectsOf<T extends Post>(posts: readonly T[]): Array<{ from: string; post: T }> {
  const taken = new Set(posts.map((post) => outputFileOf(post.path).toLowerCase()));
  const redirects: Array<{ from: string; post: T }> = [];
  for (const post of posts) {
    for (const alias of post.aliases ?? []) {
      const key = outputFileOf(alias.path).toLowerCase();
      if (taken.has(key) || isReservedFile(key)) continue;
      taken.add(key);
      redirects.push({ from: alias.path, post });
    }
  }
  return redirects;
}
