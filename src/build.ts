/**
 * The pipeline, in two passes as Zola does: read and normalise every post first, then render,
 * because links resolve against every post's URL and tag pages need every post.
 * content → normalise → markdown → site model → render → output.
 * The steps it shares with the dev session are in session/steps.ts, and what a page depends on in
 * session/page-keys.ts, so the two put a site together the same way.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { indexSite, runChecks } from './check/index.ts';
import { readContent } from './content/read.ts';
import { emptyMemo, usedEntries, type RememberedFrontMatter } from './content/frontmatter-memo.ts';
import { generatorVersion } from './cache/version.ts';
import { cacheDirOf, digest, openBucket } from './cache/store.ts';
import type { MarkdownResult } from './markdown/render.ts';
import { renderPosts, type MarkdownStats } from './markdown/stage.ts';
import { countErrors } from './messages.ts';
import { emitSite, type Emitted, type Manifest } from './output/emit.ts';
import { fileSystemMessage } from './shared/fs-errors.ts';
import { forgetBuild, outKey } from './output/unchanged.ts';
import { openStaging } from './output/write.ts';
import { createEngine, planSite } from './render/index.ts';
import { templateFailure } from './render/template-error.ts';
import { searchFailure } from './search/failure.ts';
import { pagesPerIndex } from './search/pages-per-index.ts';
import { openSearch, type SearchStats } from './search/stage.ts';
import { checkUrls, selectPosts } from './site/select.ts';
import { createSite } from './site/model.ts';
import { pageKeys } from './session/page-keys.ts';
import { assetsOf, defaultAuthorOf, markdownContextFor, normalizeOne } from './session/steps.ts';
import { routePath } from './site/routes.ts';
import { PROJECT_ROOT, staticDirsOf, templateDirsOf } from './shared/site-dirs.ts';
import type { BuildOptions, Post, RawPost, Site, SiteConfig } from './types.ts';

export { PROJECT_ROOT, staticDirsOf, templateDirsOf, unsafeOutDir } from './shared/site-dirs.ts';

/** What a run produced: every file with its messages, and the exit code they imply. */
export interface BuildResult {
  files: VFile[];
  exitCode: 0 | 1;
  site?: Site;
  /** Number of files in the output (0 for `check` or a failed build). */
  written: number;
  /** Where the work went: markdown from the cache or rendered, output files rendered, kept or copied. */
  stats?: {
    markdown: MarkdownStats;
    output?: { rendered: number; kept: number; copied: number };
    /** The Pagefind index: pages in it, whether the last build's was kept, time taken. */
    search?: SearchStats;
  };
  /**
   * Until when (epoch ms) this output holds for unchanged inputs: after that the clock alone
   * changes it (a scheduled post comes due, the footer's year turns). Set for a written build.
   */
  validUntil?: number;
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

/** Run the whole pipeline; writes `options.out` only when there are no errors and `dryRun` is off. */
export async function build(options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const cacheDir = cacheDirOf(options.root);
  const useCache = options.cache !== false;
  const frontMatterCache = openBucket<Record<string, RememberedFrontMatter>>(cacheDir, 'frontmatter', useCache);
  const memoKey = digest(generatorVersion(), path.resolve(options.root));
  const memo = emptyMemo(frontMatterCache.get(memoKey));
  const content = await readContent(options.root, options.cwd, memo);
  options.checkpoint?.('read');
  const files = content.files;
  const normalised = content.posts.map((raw) => normalizeOne(raw, content, config, options.now));
  const selected = selectPosts(normalised, options);
  checkUrls(selected);

  const markdownCache = openBucket<MarkdownResult>(cacheDir, 'markdown', useCache);
  // Only published posts are link targets: a link to a draft must not leak its URL.
  const context = markdownContextFor(options.root, config, selected, options.cwd);
  const markdown = await renderPosts(selected, context, { cache: markdownCache, threads: options.threads, releaseTexts: !options.dryRun });
  const rendered = markdown.rendered;
  options.checkpoint?.('markdown');
  const site = createSite(rendered, config, content.tags, options.now, defaultAuthorOf(content, config, options.now));
  const plans = planSite(site);
  const staticDirs = staticDirsOf(options.root);
  // The check stage (src/check/): links, anchors, alt text, garbled text... It needs every page of the site.
  runChecks(site, { files, index: indexSite(site, staticDirs, plans.map((plan) => plan.file)) });
  // `check --fix` goes on with the texts; a build renders pages, which need none of them.
  if (!options.dryRun) releaseSources(content.posts);

  // Pages are rendered even when the build has already failed: template errors belong in the same report.
  const staging = options.dryRun || countErrors(files, options.strict) > 0 ? undefined : await openStaging(options.out, options.checkpoint);
  const outputs = openBucket<Manifest>(cacheDir, 'output', useCache);
  const manifestKey = outKey(options.out);
  const templateDirs = templateDirsOf(options.root);
  const previous = outputs.get(manifestKey) ?? {};
  // The search stage sees every page on its way into staging, and indexes them before the swap.
  // Drafts and scheduled posts stay out even when a custom template marks them for Pagefind.
  const unlisted = plans.filter((plan) => plan.template === 'post' && (plan.posts[0]?.draft || plan.posts[0]?.future));
  const search =
    staging &&
    openSearch({
      enabled: config.search !== false,
      staging,
      outDir: options.out,
      script: path.join(PROJECT_ROOT, 'static', routePath('searchScript')),
      cacheDir,
      cache: useCache,
      manifestKey,
      previous,
      basePath: site.routes.basePath,
      language: config.language,
      exclude: new Set(unlisted.map((plan) => plan.file)),
      pagesPerIndex: pagesPerIndex(options.searchPagesPerIndex),
      speculate: markdown.stats.rendered > 0,
    });
  let emitted: Emitted | undefined;
  try {
    emitted = await emitSite(
      { plans, engine: createEngine(templateDirs), staticDirs, assets: assetsOf(rendered), keyOf: pageKeys(site, templateDirs), previous },
      search?.staging,
      options.checkpoint,
    );
  } catch (error) {
    // A full disk or a denied write is the machine's problem: the CLI names the path (see fs-errors.ts).
    if (fileSystemMessage(error)) {
      await search?.abort();
      await staging?.abort();
      throw error;
    }
    files.push(templateFailure(error, options.cwd));
  }

  const stats: NonNullable<BuildResult['stats']> = {
    markdown: markdown.stats,
    output: emitted && { rendered: emitted.rendered, kept: emitted.kept, copied: emitted.copied },
  };
  const failed = () => countErrors(files, options.strict) > 0;
  if (!staging || !search || !emitted || failed()) {
    await search?.abort();
    await staging?.abort();
    return { files, exitCode: failed() ? 1 : 0, site, written: 0, stats };
  }
  options.checkpoint?.('staged');
  try {
    // Before the swap: dist/ is never half-indexed, and a failed index leaves the previous dist/.
    stats.search = await search.index(emitted.keys);
  } catch (error) {
    await search.abort();
    await staging.abort();
    if (fileSystemMessage(error)) throw error;
    files.push(searchFailure(error));
    return { files, exitCode: 1, site, written: 0, stats };
  }
  // The output is about to change: the record of the last build no longer describes it (see output/unchanged.ts).
  if (useCache) forgetBuild(options.root, options.out);
  const stamps = await staging.commit();
  options.checkpoint?.('swapped');
  if (memo.added || memo.used.size !== memo.entries.size) frontMatterCache.set(memoKey, usedEntries(memo));
  frontMatterCache.prune(options.now);
  outputs.set(manifestKey, Object.fromEntries([...stamps].map(([file, stamp]) => [file, { ...stamp, key: emitted.keys.get(file) }])));
  search.remember(stamps);
  markdownCache.prune(options.now);
  return { files, exitCode: 0, site, written: stamps.size, stats, validUntil: validUntil(normalised, site, options.now) };
}

/** See BuildResult.validUntil: the first scheduled post's date, the next new year (UTC, as the footer), or now for a site without posts (its feeds are dated now). */
function validUntil(posts: readonly Post[], site: Site, now: Date): number {
  if (site.posts.length === 0) return now.getTime();
  let until = Date.UTC(now.getUTCFullYear() + 1, 0, 1);
  for (const post of posts) if (post.future) until = Math.min(until, post.published.epochMs);
  return until;
}
