/**
 * The data that flows through the pipeline, one type per stage:
 * RawPost (content/) → Post (normalise) → RenderedPost (markdown/) → Site (site/) → files (render/, output/).
 */
import type { VFile } from 'vfile';
import type { Routes } from './site/routes.ts';

/** Generators whose blogs this tool reads, for the config's `migratedFrom`. */
export const GENERATORS = ['hugo', 'zola', 'jekyll', 'eleventy', 'docusaurus', 'astro'] as const;

/** One of GENERATORS. */
export type MigratedFrom = (typeof GENERATORS)[number];

/** The site configuration after defaults are applied (see SPEC "Site configuration"). */
export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute base URL, always ending in `/` (e.g. `https://example.org/blog/`). */
  url: string;
  language: string;
  /** IANA time zone used to show dates and to place date-only values. */
  timezone: string;
  /** Default author (key of authors.yml or a name) for posts that name none. */
  author?: string;
  postsPerPage: number;
  /** Seconds one post's markdown may take before it is stopped with a `render-timeout` error; 10 unless given (see markdown/pool.ts). */
  renderTimeout?: number;
  /** URL pattern of posts without their own (`/:year/:month/:day/:slug/`, or a Jekyll style); `posts/:slug/` when absent. */
  permalink?: string;
  /**
   * The generator the blog was built with, where generators disagree and the post cannot say:
   * Jekyll splits a tag string on spaces, Eleventy's `posts` tag is a collection, Docusaurus puts
   * the date in a URL only when the file name has it and reads `slug` as the path under the blog.
   */
  migratedFrom?: MigratedFrom;
}

/** Options of one build/check run, from the command line. */
export interface BuildOptions {
  root: string;
  out: string;
  drafts: boolean;
  future: boolean;
  strict: boolean;
  /** Write nothing (`check`). */
  dryRun: boolean;
  /** "Now", injectable so tests of future posts are deterministic. */
  now: Date;
  /** Use the persistent cache in `<root>/.cache/` (`--no-cache` turns it off); on unless false. */
  cache?: boolean;
  /** Worker threads for markdown (at least one); automatic unless given (see markdown/pool.ts). */
  threads?: number;
  /** The folder messages name files relative to (the command's working folder). */
  cwd: string;
  /** Pages in one search index before the next begins; 10,000 unless given (see search/pages-per-index.ts). */
  searchPagesPerIndex?: number;
  /** Called as the build passes each named point; the crash tests kill the process at one of them. */
  checkpoint?: (point: BuildPoint) => void;
  /**
   * Leave the previous output, moved aside by the swap, for the caller to remove after reporting
   * (`BuildResult.previous`): the CLI removes it in a process of its own (see output/retire.ts).
   * Else the build removes it before it returns.
   */
  leavePrevious?: boolean;
  /**
   * Called with every file and its messages, final, just before the output is swapped in (the
   * build adds none after): the CLI formats its report here, so no report fails after `dist/` changed.
   */
  beforeSwap?: (files: readonly VFile[]) => void;
  /** Chromium for Mermaid diagrams: `CHROMIUM_PATH` from the environment, else /usr/bin/chromium (see media/mermaid.ts). */
  chromium?: string;
  /** Tests: draws Mermaid diagrams instead of Chromium. */
  openDiagramRenderer?: () => Promise<{ draw(source: string): Promise<{ svg: string } | { error: string }>; close(): Promise<void> }>;
}

/** The points a build passes, in order: posts read, markdown rendered, half the pages staged, every page staged, between the swap's two renames, swapped in. */
export const BUILD_POINTS = ['read', 'markdown', 'pages', 'staged', 'swap', 'swapped'] as const;

/** One of BUILD_POINTS. */
export type BuildPoint = (typeof BUILD_POINTS)[number];

/** A path into the front matter data, e.g. `['seo', 'title']` or `['authors', 1]`. */
export type KeyPath = ReadonlyArray<string | number>;

/** A line/column point (1-based) in the post's file. */
export interface Point {
  line: number;
  column: number;
}

/** Parsed front matter, with a way back to the source position of any key. */
export interface FrontMatter {
  format: 'yaml' | 'toml' | 'none';
  data: Record<string, unknown>;
  /** Where the value at `path` starts in the file (falls back to the key, then the block start). */
  locate(path: KeyPath): Point | undefined;
}

/** An entry of `content/authors.yml`, keyed by `id`. */
export interface AuthorEntry {
  id: string;
  name: string;
  url?: string;
  email?: string;
  avatar?: string;
  bio?: string;
  /** Docusaurus `socials`: network → handle or URL, kept for templates. */
  socials?: Record<string, string>;
  aliases: string[];
}

/** An entry of `content/tags.yml`, keyed by `id`. */
export interface TagEntry {
  id: string;
  label?: string;
  description?: string;
  aliases: string[];
}

/** A post as read from disk: bytes decoded, front matter split and parsed. */
export interface RawPost {
  /** One VFile per post: `path` is absolute, `cwd` the site root, `value` the decoded text (no BOM). */
  file: VFile;
  /** Path relative to `content/posts/`, with `/` separators (e.g. `2025/fosdem.md`). */
  relPath: string;
  frontMatter: FrontMatter;
  /** File modification time, last resort for the date. */
  mtime: Date;
  /** Date of the file's first git commit, if the site is in a git repository. */
  gitDate?: Date;
  /**
   * `page` for a standalone page from `content/pages/` (`relPath` is then relative to that folder):
   * it has its own URL and template, needs no date, and stays out of feeds and lists. Absent for posts.
   */
  kind?: 'page';
}

/** A normalised date. */
export interface PostDate {
  /** ISO 8601 with an explicit offset (`2025-02-03T10:00:00+02:00`); for a date-only value, midnight in the site timezone. */
  iso: string;
  /** The instant, for sorting and feeds. */
  epochMs: number;
  /** The calendar date shown to readers (`YYYY-MM-DD`): a date-only value as written, an instant in the site timezone. */
  day: string;
  /** The value was a date without a time. */
  dateOnly: boolean;
}

/** An author after normalisation (SPEC: `{ id, name, url?, email?, avatar? }`). */
export interface Author {
  id: string;
  name: string;
  url?: string;
  email?: string;
  avatar?: string;
  bio?: string;
  /** Network → handle or URL, from authors.yml `socials`. */
  socials?: Record<string, string>;
}

/** A tag as one post wrote it, already resolved to its canonical key. */
export interface TagRef {
  /** Match key: case- and separator-insensitive, aliases resolved; also the tags.yml id when there is one. */
  key: string;
  /** The spelling this post used. */
  spelling: string;
}

/** An old URL of a post, which redirects to it (`aliases`, `redirect_from`). */
export interface Alias {
  /** Site-relative, like `Post.path` (`2014/01/01/x.html`, `posts/old/`). */
  path: string;
  /** The front matter entry it was written in, for messages (`['aliases', 1]`). */
  key: KeyPath;
}

/** A post after front matter normalisation (before markdown). */
export interface Post {
  raw: RawPost;
  /** Title from front matter; undefined when the body's first `# heading` or the file name must supply it. */
  title?: string;
  /** Humanised file name, the last resort for the title. */
  fileTitle: string;
  slug: string;
  /** Output path relative to the base URL: a folder ending in `/` (`posts/fosdem-2025/`), or an `.html` file. */
  path: string;
  /**
   * The path with the post's folders kept (`posts/2019/intro/`), when its URL comes from its file
   * name and `content/posts/` has folders above it: taken only when two posts' URLs collide (site/places.ts).
   */
  folderPath?: string;
  /** Old URLs that redirect to this post; absent when there are none. */
  aliases?: Alias[];
  published: PostDate;
  /** A page (`raw.kind`) whose front matter gives no date: `published` is then a fixed placeholder, shown nowhere. */
  undated?: true;
  updated?: PostDate;
  authors: Author[];
  tags: TagRef[];
  /** Explicit description (description → seo.description → shortDescription → summary). */
  description?: string;
  draft: boolean;
  future: boolean;
  image?: string;
  /** Alt text of `image`; absent means the image is decorative. */
  imageAlt?: string;
  /** Front matter `toc: true`/`false`; absent lets the number of headings decide. */
  showToc?: boolean;
  canonical?: string;
  twitterUsername?: string;
  lang?: string;
  /** All front matter keys, kept for templates. */
  data: Record<string, unknown>;
}

/** A post after the markdown stage. */
export interface RenderedPost extends Post {
  title: string;
  /** Body HTML with site-relative URLs (root-relative links already carry the base path). */
  html: string;
  /** HTML of the excerpt: the body before `<!-- truncate -->`/`<!-- more -->`, else the first paragraph. */
  excerptHtml: string;
  /** Plain-text description: explicit, else derived from the excerpt and cut at a word boundary (~160 chars). */
  summary: string;
  /** The social image as an href: root-relative with the base path (copied like body images), or absolute. */
  image?: string;
  /** The social image's size and resized copies, when it is a local file (shown as the post's hero). */
  hero?: HeroImage;
  /** Local files referenced by the body, to copy next to the page: absolute source path → path relative to `dist/`. */
  assets: Map<string, string>;
  /** Resized copies of local images that the HTML names, for the media stage to make (media/image-stage.ts). */
  images?: ImageJob[];
  /** The body's h2 and h3 headings in order, for a table of contents (`text` is plain text). */
  toc: Array<{ depth: number; id: string; text: string }>;
  /** A digest of what the markdown stage gave (body, excerpt, title, summary, image): pages showing the post are keyed on it. */
  digest: string;
  /** Reading time and whether the excerpt is shorter than the body, from the markdown stage (lists need them, not the body). */
  readingMinutes?: number;
  hasMore?: boolean;
  /** The body has math typeset by KaTeX: its page needs the KaTeX stylesheet. */
  math?: boolean;
  /** The body's Mermaid diagrams, in the order of their placeholders (see markdown/mermaid.ts). */
  diagrams?: Array<{ source: string; place?: Point }>;
}

/** A tag across the whole site. */
export interface Tag {
  key: string;
  slug: string;
  label: string;
  description?: string;
  /** Newest first. */
  posts: RenderedPost[];
}

/** An author across the whole site. */
export interface SiteAuthor extends Author {
  /** Newest first. */
  posts: RenderedPost[];
}

/** The whole-site model that render/ turns into files. */
export interface Site {
  config: SiteConfig;
  /** Published posts, newest first (drafts and future posts only when asked for). */
  posts: RenderedPost[];
  /** Standalone pages from `content/pages/` (`kind: 'page'`), by path; absent on sites made by hand. */
  pages?: RenderedPost[];
  tags: Tag[];
  authors: SiteAuthor[];
  /** The site's URLs under `config.url`: base path, hrefs, absolute URLs. */
  routes: Routes;
  /** The config's default `author`, resolved through authors.yml like a post's. */
  author?: Author;
  /** Build time, for feeds' `updated` when there are no posts. */
  now: Date;
  /** The theme's files as pages link them (render/theme-assets.ts); the plain names when absent. */
  theme?: ThemeAssets;
}

/** The theme's files as pages link them (render/theme-assets.ts): site-relative paths (`style.css`, `style.3f9a0c1b2d.css`) or, for config entries, absolute URLs. */
export interface ThemeAssets {
  stylesheet: string;
  /** Theme toggle and copy buttons. */
  script: string;
  /** The search page's script. */
  searchScript: string;
  /** `custom.css` when the site has one, then config `css`, in that order, after the theme. */
  stylesheets: string[];
  favicon: string;
  /** Fingerprinted copies to write: output path → contents. */
  files: Map<string, string>;
}

/** Severity names as printed. */
export type Severity = 'error' | 'warning' | 'info';

/** An output format of the resized image copies (media/image-plan.ts). */
export type ImageFormat = 'avif' | 'webp';

/** One resized copy to make. */
export interface ImageVariant {
  width: number;
  format: ImageFormat;
  /** Site-relative output path (`posts/x/photo-800.1a2b3c4d5e.webp`). */
  output: string;
  /** Digest of source bytes, width, format and settings: names the encoded file in `.cache/images/`. */
  key: string;
}

/** Every copy of one source image a page needs, as plain data (it crosses worker threads and the render cache). */
export interface ImageJob {
  /** Absolute path of the source image. */
  source: string;
  /** The `src` the page shows it with: a failed encode puts the plain `<img>` back by it. */
  src: string;
  /** Where the page names it (the `![]()` or `image:`), for a message when it cannot be encoded. */
  place?: Point;
  variants: ImageVariant[];
}

/** The `<source>` elements of a `<picture>`, best format first. */
export interface PictureSource {
  type: string;
  srcset: string;
}

/** The hero image as a page shows it: the size to reserve and, when it can be resized, its `<source>`s (else none). */
export interface HeroImage {
  width: number;
  height: number;
  sources: PictureSource[];
  sizes: string;
}
