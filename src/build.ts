/**
 * The pipeline, in two passes as Zola does: read and normalise every post first, then render,
 * because links resolve against every post's URL and tag pages need every post.
 * content → normalise → markdown → site model → render → output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { readContent } from './content/read.ts';
import { normalizePost } from './content/normalize/index.ts';
import type { NormalizeContext } from './content/normalize/context.ts';
import { renderMarkdown } from './markdown/processor.ts';
import { addMessage, countErrors } from './messages.ts';
import { writeSite } from './output/write.ts';
import { createEngine, planSite, renderPlans } from './render/index.ts';
import type { OutputFile } from './render/output-file.ts';
import { basePathOf } from './render/urls.ts';
import { templateFailure } from './render/template-error.ts';
import { checkUrls, selectPosts } from './site/select.ts';
import { createSite } from './site/model.ts';
import type { BuildOptions, RenderedPost, Site, SiteConfig } from './types.ts';

/** The project's own folder, for the default `templates/` and `static/`. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a run produced: every file with its messages, and the exit code they imply. */
export interface BuildResult {
  files: VFile[];
  exitCode: 0 | 1;
  site?: Site;
  /** Number of files written (0 for `check` or a failed build). */
  written: number;
}

/** Run the whole pipeline; writes `options.out` only when there are no errors and `dryRun` is off. */
export async function build(options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const content = await readContent(options.root);
  const files = content.files;
  const normalised = content.posts.map((raw) => {
    const context: NormalizeContext = {
      config,
      authors: content.authors,
      tags: content.tags,
      now: options.now,
      // Front matter problems point at the key's line in the YAML/TOML block.
      report: (reason, { path: keyPath, severity, ruleId }) =>
        addMessage(raw.file, reason, { place: (keyPath && raw.frontMatter.locate(keyPath)) || { line: 1, column: 1 }, severity, ruleId }),
    };
    return normalizePost(raw, context);
  });
  const selected = selectPosts(normalised, options);
  checkUrls(selected);

  const postPaths = new Map(normalised.map((post) => [post.raw.file.data.absolutePath ?? post.raw.file.path, post.path]));
  const markdownContext = { basePath: basePathOf(config.url), contentDir: path.join(options.root, 'content'), postPaths };
  const rendered: RenderedPost[] = [];
  for (const post of selected) {
    try {
      rendered.push(renderMarkdown(post, markdownContext));
    } catch (cause) {
      // A plugin bug must not hide which post triggered it.
      addMessage(post.raw.file, `Rendering failed: ${(cause as Error).message}`, { place: { line: 1, column: 1 }, ruleId: 'markdown-failed', severity: 'error' });
    }
  }

  const site = createSite(rendered, config, content.tags, options.now);
  const templateDirs = [...new Set([path.join(options.root, 'templates'), path.join(PROJECT_ROOT, 'templates')])];
  let output: OutputFile[] = [];
  try {
    output = await renderPlans(planSite(site), createEngine(templateDirs));
  } catch (error) {
    files.push(templateFailure(error));
  }

  const failed = countErrors(files, options.strict) > 0;
  if (failed || options.dryRun) return { files, exitCode: failed ? 1 : 0, site, written: 0 };
  const assets = new Map<string, string>();
  for (const post of rendered) for (const [source, target] of post.assets) assets.set(source, target);
  await writeSite(options.out, {
    files: output,
    staticDirs: [...new Set([path.join(PROJECT_ROOT, 'static'), path.join(options.root, 'static')])],
    assets,
  });
  return { files, exitCode: 0, site, written: output.length + assets.size };
}
