/**
 * The site session in one pass, as a build runs it: read → normalise → markdown → site model →
 * page plans → checks, through the same steps (steps.ts) as the incremental session the dev
 * server keeps (site-session.ts). One pass because a big build must let each post's text go once
 * its body is rendered (most of a gigabyte at 100,000 posts), which a session that re-renders
 * edited posts cannot. Only published posts are link targets: a link to a draft must not leak its URL.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { digest, cacheDirOf, openBucket } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import { indexSite, resolveForeignAnchors, runChecks } from '../check/index.ts';
import { emptyMemo, usedEntries, type RememberedFrontMatter } from '../content/frontmatter-memo.ts';
import { readContent } from '../content/read.ts';
import { addMessage, fileFor } from '../messages.ts';
import type { MarkdownResult } from '../markdown/job.ts';
import { renderPosts, type MarkdownStats } from '../markdown/stage.ts';
import { RenderPool, rendersOnWorkers } from '../markdown/pool.ts';
import { drawDiagrams, type CachedDrawing } from '../media/mermaid.ts';
import { planSite, type Plan } from '../render/index.ts';
import { planOutputs } from '../render/output-plan.ts';
import { localUrlNote, robotsNote } from '../render/host-files.ts';
import { themeNotes, withTheme } from '../render/theme-assets.ts';
import { configFileOf, isStaticFile, PROJECT_ROOT, staticDirsOf } from '../shared/site-dirs.ts';
import { staticLinkWarnings } from '../shared/static-files.ts';
import { checkRedirectsAgainstStatic } from '../site/redirects.ts';
import { createSite } from '../site/model.ts';
import { placePosts } from '../site/places.ts';
import { checkUrls, selectPosts } from '../site/select.ts';
import type { BuildOptions, Post, RawPost, RenderedPost, Site, SiteConfig } from '../types.ts';
import { defaultAuthorOf, markdownContextFor, normalizeOne } from './steps.ts';

/** A site put together and checked, ready to render. */
export interface AssembledSite {
  /** Every file read, with its messages so far. */
  files: VFile[];
  /** Every post as normalised, published or not (a scheduled one decides how long the output holds). */
  normalised: Post[];
  rendered: RenderedPost[];
  site: Site;
  plans: Plan[];
  markdown: { stats: MarkdownStats };
  /** Keep the front matter and markdown caches for the next build: call once the output is in place. */
  remember(): void;
}

/** Put the site together; `check` (dryRun) keeps the posts' texts for `--fix`. */
export async function assembleSite(options: BuildOptions, config: SiteConfig): Promise<AssembledSite> {
  const cacheDir = cacheDirOf(options.root);
  const useCache = options.cache !== false;
  const frontMatterCache = openBucket<Record<string, RememberedFrontMatter>>(cacheDir, 'frontmatter', useCache);
  const memoKey = digest(generatorVersion(), path.resolve(options.root));
  const memo = emptyMemo(frontMatterCache.get(memoKey));
  // The markdown worker loads its chain (~0.5 s) while this thread reads and normalises (markdown/pool.ts);
  // idle, it keeps no process alive, so an unexpected failure before it is used leaves nothing running.
  const pool = new RenderPool();
  if (rendersOnWorkers()) void pool.warm();
  const content = await readContent(options.root, options.cwd, memo);
  options.checkpoint?.('read');
  // Links in static/ that leave the site: left out of the output (shared/static-files.ts), said here for `check` too.
  const files = [...content.files, ...staticLinkWarnings(options.root, options.cwd)];
  const normalised = content.posts.map((raw) => normalizeOne(raw, content, config, options.now));
  const selected = placePosts(selectPosts(normalised, options));
  checkUrls(selected);
  const staticDirs = staticDirsOf(options.root);
  checkRedirectsAgainstStatic(selected, (file) => isStaticFile(staticDirs, file));

  const markdownCache = openBucket<MarkdownResult>(cacheDir, 'markdown', useCache);
  const context = markdownContextFor(options.root, config, selected, options.cwd);
  const markdown = await renderPosts(selected, context, { cache: markdownCache, threads: options.threads, renderTimeout: config.renderTimeout, pool, releaseTexts: !options.dryRun }).finally(() => pool.shrink(0));
  // Diagrams on this thread, in one browser at most, from their own cache (media/mermaid.ts).
  const diagramCache = openBucket<CachedDrawing>(cacheDir, 'mermaid', useCache);
  const rendered = await drawDiagrams(markdown.rendered, diagramCache, { chromium: options.chromium, open: options.openDiagramRenderer, cachedOnly: options.dryRun });
  options.checkpoint?.('markdown');
  // Links written for another generator's heading ids, pointed at ours: after the cache, as they depend on other posts.
  const shown = resolveForeignAnchors(rendered, context.basePath);
  const site = withTheme(createSite(shown, config, content.tags, options.now, defaultAuthorOf(content, config, options.now)), staticDirs, true);
  const plans = planSite(site);
  // The check stage (src/check/): links, anchors, alt text, garbled text... It needs every page of the site.
  // Lines about the whole site (links to paths outside the blog, per prefix) go on the config file, where their fix goes.
  const summary = fileFor(configFileOf(options.root), '', options.cwd);
  // Every output file planned before anything is written: collisions are content errors, for `check` too.
  files.push(...planOutputs({ plans, site, rendered, staticDirs, cwd: options.cwd, summary }));
  runChecks(site, { files, index: indexSite(site, staticDirs, plans.map((plan) => plan.file)), summary });
  // Notes about the output: a build's, not `check`'s (content only).
  const local = options.dryRun ? undefined : localUrlNote(site);
  if (local) addMessage(summary, local, { place: { line: 1, column: 1 }, ruleId: 'local-url', severity: 'warning' });
  const robots = options.dryRun ? undefined : robotsNote(site);
  if (robots) addMessage(summary, robots, { place: { line: 1, column: 1 }, ruleId: 'robots-under-base-path', severity: 'info' });
  for (const note of options.dryRun ? [] : themeNotes(path.join(options.root, 'static'), path.join(PROJECT_ROOT, 'static'))) addMessage(summary, note, { place: { line: 1, column: 1 }, ruleId: 'theme-override', severity: 'info' });
  if (summary.messages.length > 0) files.push(summary);
  // `check --fix` goes on with the texts; a build renders pages, which need none of them.
  if (!options.dryRun) releaseSources(content.posts);
  return {
    files,
    normalised,
    rendered,
    site,
    plans,
    markdown,
    remember() {
      if (memo.added || memo.used.size !== memo.entries.size) frontMatterCache.set(memoKey, usedEntries(memo));
      frontMatterCache.prune(options.now);
      markdownCache.prune(options.now);
      diagramCache.prune(options.now);
    },
  };
}

/**
 * After the checks, a post's front matter positions and its check facts have served their
 * purpose: messages already hold their places, and pages need none of them. Letting them go
 * before pages render lowers a big build's peak. (The markdown stage let rendered posts' texts go already.)
 */
function releaseSources(posts: readonly RawPost[]): void {
  for (const raw of posts) {
    raw.file.value = '';
    raw.frontMatter = { ...raw.frontMatter, locate: () => undefined };
    delete raw.file.data.check;
  }
}

