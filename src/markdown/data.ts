/** What the markdown stage passes between its plugins on `file.data`. */
import type { Root } from 'hast';

/** Per-build facts the link plugin resolves against (they differ per build, so they cannot be processor options). */
export interface LinkContext {
  /** Base path of the site URL (`/` or `/blog/`). */
  basePath: string;
  /** The command's folder: messages name files relative to it. */
  cwd: string;
  /** Site-relative page path of the post being rendered (`posts/x/`). */
  pagePath: string;
  /** Absolute path of the post's source file. */
  sourcePath: string;
  /** Absolute path of `content/`: assets outside it are never copied. */
  contentDir: string;
  /** Static folders: root-relative images must be found in one of them. */
  staticDirs: readonly string[];
  /** Every post's absolute source path → its page path, so `./other.md` links resolve. */
  postPaths: ReadonlyMap<string, string>;
  /** The config's `externalPaths` (`/docs/`): other parts of the same host, left as written. Only when there are any. */
  externalPaths?: readonly string[];
  /** `sanitize: true` in the site config: bodies go through rehype-sanitize (see sanitize.ts). */
  sanitize?: boolean;
  /** Filled while rendering: every file-system and post lookup a result was decided on. */
  deps?: LinkDependency[];
}

/**
 * One lookup the link and image plugins made: whether a file exists, which page a `.md` file is,
 * or which version of an image its width and height were read from (`stamp`: byte length and mtime);
 * or one the template pass made (`lookup`: the site values, a shortcode template, the post a
 * `{{< ref >}}` or `{% post_url %}` names; see dialects/index.ts).
 * A cached rendering stays valid while every one of its lookups gives the same answer.
 */
export type LinkDependency =
  | { file: string; exists: boolean }
  | { post: string; page: string | null }
  | { image: string; stamp: string | null }
  | { lookup: string; answer: string | null };

/** One entry of a post's table of contents: an h2 or h3 of the body. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Absolute path of the file on disk. */
    absolutePath: string;
    links: LinkContext;
    /** Set when front matter had no title: the first `# heading` supplies it. */
    needsTitle: boolean;
    headingTitle: string;
    excerpt: Root;
    /** Local assets referenced by the body: absolute source → site-relative output path. */
    assets: globalThis.Map<string, string>;
    toc: TocEntry[];
  }
}

declare module 'hast' {
  interface Data {
    /** On an `<img>` whose `src` is a local file: its absolute path, for the image plugin. */
    sourceFile?: string;
  }
}
