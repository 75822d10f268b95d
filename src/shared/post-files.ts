/** Which files are posts: one list for reading, watching and resolving links, so `.mdx` counts everywhere. */

/** File extensions read as posts under `content/posts/` (lower case; matched case-insensitively). */
export const POST_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.mdx']);

/** A file name or link path naming a post's file: `a.md`, `../b.markdown`, `./c.mdx`. */
export const POST_FILE = /\.(?:mdx?|markdown)$/i;

/** Text that may link to a post's file somewhere (a cheap test before resolving links again). */
export const MENTIONS_POST_FILE = /\.(?:mdx?|markdown)\b/;

/** Whether `name` (a file name or path) names a post's file. */
export function isPostFile(name: string): boolean {
  return POST_FILE.test(name);
}

/**
 * Hugo's and Zola's section files (`_index.md`): a list page's title and settings, never a post in
 * either generator, so a blog copied as it is must not grow a post called "Posts".
 */
const SECTION_FILE = /^_index\.(?:mdx?|markdown)$/i;

/** Whether a file name (not a link) is read as a post: a post's extension, and not a section file. */
export function isPostSource(name: string): boolean {
  return isPostFile(name) && !SECTION_FILE.test(name);
}
