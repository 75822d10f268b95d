/**
 * One build: the site session in one pass (session/assemble.ts: content → normalise → markdown →
 * site model → plans → checks), then output and search. Two passes as Zola does: every post is
 * read and normalised before any renders, because links resolve against every post's URL and tag
 * pages need every post. What a page depends on is session/page-keys.ts, as for the dev server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { cacheDirOf, openBucket } from './cache/store.ts';
import type { MarkdownStats } from './markdown/stage.ts';
import { countErrors } from './messages.ts';
import { emitSite, type Emitted, type Manifest } from './output/emit.ts';
import { forgetBuild, outKey } from './output/unchanged.ts';
import { removeOutput } from './output/retire.ts';
import { openStaging } from './output/write.ts';
import { createEngine } from './render/index.ts';
import { templateFailure } from './render/template-error.ts';
import { searchFailure } from './search/failure.ts';
import { pagesPerIndex } from './search/pages-per-index.ts';
import { openSearch, type SearchStats } from './search/stage.ts';
import { makeImages, type ImageOutput, type ImageStats } from './media/image-stage.ts';
import { assembleSite, type AssembledSite } from './session/assemble.ts';
import { pageKeys } from './session/page-keys.ts';
import { assetsOf } from './session/steps.ts';
import { fileSystemMessage } from './shared/fs-errors.ts';
import { PROJECT_ROOT, staticDirsOf, templateDirsOf } from './shared/site-dirs.ts';
import { routePath } from './site/routes.ts';
import type { BuildOptions, Post, Site, SiteConfig } from './types.ts';

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
    /** Resized image copies: encoded, or found in `.cache/images/` (media/image-stage.ts). */
    images?: ImageStats;
    output?: { rendered: number; kept: number; copied: number };
    /** The Pagefind index: pages in it, whether the last build's was kept, time taken. */
    search?: SearchStats;
  };
  /**
   * Until when (epoch ms) this output holds for unchanged inputs: after that the clock alone
   * changes it (a scheduled post comes due, the footer's year turns). Set for a written build.
   */
  validUntil?: number;
  /** The previous output, moved aside by the swap and left for the caller to remove (with `leavePrevious`). */
  previous?: string;
}

/** Run the whole pipeline; writes `options.out` only when there are no errors and `dryRun` is off. */
export async function build(options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const assembled = await assembleSite(options, config);
  // `check` writes nothing, so it encodes nothing. `--no-cache` encodes into a folder of this run alone.
  const imagesDir = options.dryRun ? undefined : options.cache === false ? await mkdtemp(path.join(os.tmpdir(), 'blogsmith-images-')) : path.join(cacheDirOf(options.root), 'images');
  try {
    // Posts as rendered and as shown (links re-pointed): a plain <img> put back must reach the pages.
    const images = imagesDir === undefined ? undefined : await makeImages(new Set([...assembled.rendered, ...assembled.site.posts]), { dir: imagesDir });
    return await buildAssembled(assembled, images, options, config);
  } finally {
    if (imagesDir !== undefined && options.cache === false) await rm(imagesDir, { recursive: true, force: true });
  }
}

/** The output of an assembled site, with the images' copies made. */
async function buildAssembled(assembled: AssembledSite, images: ImageOutput | undefined, options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const { files, site, plans, rendered, normalised, markdown, remember } = assembled;
  const cacheDir = cacheDirOf(options.root);
  const useCache = options.cache !== false;
  const staticDirs = staticDirsOf(options.root);

  // Pages are rendered even when the build has already failed: template errors belong in the same report.
  const staging = options.dryRun || countErrors(files, options.strict) > 0 ? undefined : await openStaging(options.out, options.checkpoint);
  const outputs = openBucket<Manifest>(cacheDir, 'output', useCache);
  const manifestKey = outKey(options.out);
  const templateDirs = templateDirsOf(options.root);
  const previous = outputs.get(manifestKey) ?? {};
  // The search stage sees every page on its way into staging, and indexes them before the swap.
  // Drafts and scheduled posts stay out even when a custom template marks them for Pagefind.
  const unlisted = plans.filter((plan) => (plan.template === 'post' || plan.template === 'page') && (plan.posts[0]?.draft || plan.posts[0]?.future));
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
      expected: plans.filter((plan) => plan.template === 'post' || plan.template === 'page').length - unlisted.length,
      speculate: markdown.stats.rendered > 0,
    });
  let emitted: Emitted | undefined;
  try {
    emitted = await emitSite(
      { plans, engine: createEngine(templateDirs), staticDirs, assets: new Map([...assetsOf(rendered), ...(images?.files ?? [])]), keyOf: pageKeys(site, templateDirs), previous },
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
    images: images?.stats,
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
  // The report is made while a failure can still leave the previous output: the swap comes last.
  try {
    options.beforeSwap?.(files);
  } catch (error) {
    await search.abort();
    await staging.abort();
    throw error;
  }
  // The output is about to change: the record of the last build no longer describes it (see output/unchanged.ts).
  if (useCache) forgetBuild(options.root, options.out);
  const { stamps, previous: movedAside } = await staging.commit();
  options.checkpoint?.('swapped');
  // The build is done: a previous output that can't be removed (read-only) is the next build's note (output/recover.ts), not this one's failure.
  if (movedAside && !options.leavePrevious) await removeOutput(movedAside).catch(() => undefined);
  remember();
  if (useCache) images?.prune(options.now);
  outputs.set(manifestKey, Object.fromEntries([...stamps].map(([file, stamp]) => [file, { ...stamp, key: emitted.keys.get(file) }])));
  search.remember(stamps);
  return { files, exitCode: 0, site, written: stamps.size, stats, validUntil: validUntil(normalised, site, options.now), previous: options.leavePrevious ? movedAside : undefined };
}

/** See BuildResult.validUntil: the first scheduled post's date, the next new year (UTC, as the footer), or now for a site without posts (its feeds are dated now). */
function validUntil(posts: readonly Post[], site: Site, now: Date): number {
  if (site.posts.length === 0) return now.getTime();
  let until = Date.UTC(now.getUTCFullYear() + 1, 0, 1);
  for (const post of posts) if (post.future) until = Math.min(until, post.published.epochMs);
  return until;
}
