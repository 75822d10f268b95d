/** What a post's file name says about it: its stem, and a Jekyll-style date prefix. */

/** A `YYYY-MM-DD-` prefix, common in Jekyll-style file names; Zola also reads `YYYY-MM-DD_`. */
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}[-_]/;

/**
 * The file's own name for the post: the last path segment without extension, or the
 * folder name for `index.md` (page bundles), so `2025/fosdem/index.md` names `fosdem`.
 */
export function postStem(relPath: string): string {
  const segments = relPath.split(/[/\\]/).filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '';
  const stem = last.replace(/\.[^.]*$/, '');
  const folder = segments.at(-2);
  return (stem === 'index' || stem === '_index') && folder !== undefined ? folder : stem;
}

/** The `YYYY-MM-DD` prefix of the post's file (or folder) name, if it has one. */
export function fileDatePrefix(relPath: string): string | undefined {
  return DATE_PREFIX.exec(postStem(relPath))?.[0].slice(0, 10);
}

/** The post's file name without a date prefix (`2025-02-03-my_first-post.md` → `my_first-post`). */
export function undatedStem(relPath: string): string {
  const stem = postStem(relPath);
  const undated = stem.replace(DATE_PREFIX, '');
  // A name that is nothing but a date keeps it, rather than becoming empty.
  return undated === '' ? stem : undated;
}
