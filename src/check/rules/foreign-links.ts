/**
 * Links to paths the blog neither owns nor produces (`/docs/intro` from a blog that left a
 * Docusaurus site, whose docs were not moved): `broken-link` warnings, one per link, and one
 * summary line per first path segment after the run, `142 links to /docs/… (not part of this blog)`,
 * so a migration's hundred warnings read as the two or three decisions they are.
 */
import type { VFile } from 'vfile';
import type { RenderedPost } from '../../types.ts';
import { fileCheckMessage } from '../file-message.ts';

/** Links to one first segment found in one post: how many, and whether any went below it (`/docs/x`, not just `/docs`). */
interface Found {
  count: number;
  deeper: boolean;
}

/**
 * What each post's last check found, by its file. A dev rebuild checks only the edited posts
 * (see check/index.ts): the others' findings still hold, and the summary counts them too.
 */
const foundIn = new WeakMap<VFile, Map<string, Found>>();

/** Forget what an earlier check of this post found: it is being checked again. */
export function forgetForeignLinks(file: VFile): void {
  foundIn.delete(file);
}

/** Count one foreign link of a post, under the first segment of its path. */
export function countForeignLink(file: VFile, root: string, deeper: boolean): void {
  const found = foundIn.get(file) ?? new Map<string, Found>();
  const entry = found.get(root) ?? { count: 0, deeper: false };
  found.set(root, { count: entry.count + 1, deeper: entry.deeper || deeper });
  foundIn.set(file, found);
}

/**
 * File one info line per first segment on `summary`, most links first. `summary` is the site's config
 * file, at its first line: the fix, `externalPaths`, goes there, and in text output the lines come
 * after the posts' messages, where a long run ends. Info, so `--strict` counts the links, not the lines.
 */
export function summarizeForeignLinks(posts: readonly RenderedPost[], summary: VFile): void {
  const totals = new Map<string, Found>();
  for (const post of posts) {
    for (const [root, found] of foundIn.get(post.raw.file) ?? []) {
      const total = totals.get(root) ?? { count: 0, deeper: false };
      totals.set(root, { count: total.count + found.count, deeper: total.deeper || found.deeper });
    }
  }
  const lines = [...totals].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
  for (const [root, { count, deeper }] of lines) {
    const shown = deeper ? `/${root}/…` : `/${root}`;
    const advice = `list "${deeper ? `/${root}/` : `/${root}`}" in externalPaths if another part of this host serves it`;
    fileCheckMessage(summary, `${count} ${count === 1 ? 'link' : 'links'} to ${shown} (not part of this blog): ${advice}`, 'broken-link', 'info', { line: 1, column: 1 });
  }
}
