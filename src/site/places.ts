/**
 * Two posts whose files share a name in different folders (`posts/2019/intro.md`,
 * `posts/2020/intro.md`) would share `/posts/intro/`. Hugo and Zola keep the folder in every
 * URL; here only the colliding posts do (`/posts/2019/intro/`), so no URL a site had before
 * changes, and the build goes on instead of failing. Explicit slugs and permalinks still collide.
 */
import { addMessage } from '../messages.ts';
import { outputFileOf } from './routes.ts';
import type { Post } from '../types.ts';

/** The posts with colliding file-named ones moved to their `folderPath`, each with an info message naming the others. */
export function placePosts<T extends Post>(posts: readonly T[]): T[] {
  const byFile = new Map<string, T[]>();
  for (const post of posts) {
    // Compared as select.ts compares them: output files, case-folded.
    const key = outputFileOf(post.path).toLowerCase();
    const group = byFile.get(key);
    if (group) group.push(post);
    else byFile.set(key, [post]);
  }
  const moved = new Map<T, T>();
  for (const group of byFile.values()) {
    if (group.length < 2) continue;
    for (const post of group) {
      if (post.folderPath === undefined) continue;
      const others = group.filter((other) => other !== post).map((other) => other.raw.file.path);
      addMessage(post.raw.file, `URL /${post.path} is also that of ${others.join(' and ')}: this post keeps its folder, /${post.folderPath}`, {
        place: { line: 1, column: 1 },
        ruleId: 'url-from-folder',
        severity: 'info',
      });
      // A new object, never the old one changed: page keys are memoised per post object.
      moved.set(post, { ...post, path: post.folderPath });
    }
  }
  return moved.size === 0 ? [...posts] : posts.map((post) => moved.get(post) ?? post);
}
