/**
 * The steps a build and the dev session both run between reading and rendering, so the two put a
 * site together the same way: normalise a post, the site's own author, what markdown resolves
 * against, the assets to copy. (The build runs them once over every post, letting texts go as it
 * goes; the dev session keeps its posts and runs them again for what an edit touches.)
 */
import path from 'node:path';
import type { Registries } from '../content/read.ts';
import { normalizeAuthors } from '../content/normalize/authors.ts';
import { normalizePost } from '../content/normalize/index.ts';
import type { MarkdownContext } from '../markdown/job.ts';
import { addMessage } from '../messages.ts';
import { readShortcodeTemplates } from '../markdown/dialects/shortcode-templates.ts';
import { staticDirsOf, templateDirsOf } from '../shared/site-dirs.ts';
import { routesFor } from '../site/routes.ts';
import type { Author, Post, RawPost, RenderedPost, SiteConfig } from '../types.ts';
import { katexFonts } from '../render/katex.ts';

/** Normalise one post; front matter problems point at the key's line in the YAML/TOML block. */
export function normalizeOne(raw: RawPost, registries: Registries, config: SiteConfig, now: Date): Post {
  return normalizePost(raw, {
    config,
    authors: registries.authors,
    tags: registries.tags,
    now,
    report: (reason, { path: keyPath, severity, ruleId }) =>
      addMessage(raw.file, reason, { place: (keyPath && raw.frontMatter.locate(keyPath)) || { line: 1, column: 1 }, severity, ruleId }),
  });
}

/** The config's default author, resolved through authors.yml (for feeds' own author). */
export function defaultAuthorOf(registries: Registries, config: SiteConfig, now: Date): Author | undefined {
  return normalizeAuthors({}, { config, authors: registries.authors, tags: registries.tags, now, report: () => undefined })[0];
}

/**
 * What every post's markdown resolves against: the base path, every post's URL, the site values
 * that Liquid in a body may read and the site's shortcode templates (read here, every time: dev
 * sees a template edit at its next rebuild).
 */
export function markdownContextFor(root: string, config: SiteConfig, posts: readonly Post[], cwd: string): MarkdownContext {
  const postPaths = new Map(posts.map((post) => [post.raw.file.data.absolutePath ?? post.raw.file.path, post.path]));
  const context: MarkdownContext = {
    basePath: routesFor(config).basePath,
    cwd,
    contentDir: path.join(root, 'content'),
    staticDirs: staticDirsOf(root),
    postPaths,
    site: { title: config.title, description: config.description, language: config.language, ...(config.author === undefined ? {} : { author: config.author }) },
    shortcodes: readShortcodeTemplates(templateDirsOf(root)),
  };
  // Only when on, so the cache keys of sites that don't sanitize stay as they were.
  if (config.sanitize) context.sanitize = true;
  if (config.externalPaths?.length) context.externalPaths = config.externalPaths;
  return context;
}

/**
 * Every local asset the posts reference: path in the output → absolute source. Keyed by output path,
 * as one file used by two posts beside each other is copied beside both pages (`posts/a/shared.png`,
 * `posts/b/shared.png`): keyed by source, the second post's copy replaced the first's.
 */
export function assetsOf(posts: readonly RenderedPost[]): Map<string, string> {
  const assets = new Map<string, string>();
  for (const post of posts) for (const [source, target] of post.assets) assets.set(target, source);
  // KaTeX's fonts when some post has math; its stylesheet is a plan (render/katex.ts).
  for (const [target, source] of katexFonts(posts)) assets.set(target, source);
  return assets;
}
