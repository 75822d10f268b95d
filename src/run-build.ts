/**
 * A build or check as a command runs it, below the CLI: the site's lock, recovery after a killed
 * build, the nothing-to-do check and its replay, the last-build record, `check`'s extras and the
 * summary line. Everything a run would otherwise read from the process (the clock, the working
 * folder, the environment, signals) comes in through `RunEnv`, so tests run builds in-process.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BuildResult } from './build.ts';
import { cacheDirOf } from './cache/store.ts';
import { ConfigError, loadConfig } from './config.ts';
import { fileSystemMessage } from './shared/fs-errors.ts';
import { lockBuild } from './output/lock.ts';
import { recoverOutput } from './output/recover.ts';
import { fingerprint, rememberBuild, replayedFiles, unchangedSince, type BuildInputs, type Fingerprint } from './output/unchanged.ts';
import { pagesPerIndex } from './search/pages-per-index.ts';
import { siteFolders } from './shared/site-dirs.ts';
import type { BuildOptions, SiteConfig } from './types.ts';

/** What a run takes from the process that starts it. */
export interface RunEnv {
  /** The folder that paths in messages are shown relative to. */
  cwd: string;
  /** The clock: "now" for scheduled posts and the footer's year, and the run's timings. */
  now: () => Date;
  /** The environment (`BLOGSMITH_SEARCH_PAGES_PER_INDEX`). */
  env: Readonly<Record<string, string | undefined>>;
  /** Files changed less than this many ms before the run are not trusted to show a later change (see output/unchanged.ts). */
  racyMs?: number;
  /** One line of progress for the terminal (recovery notes, `check --fix`). */
  log: (line: string) => void;
  /** Called once the lock is held, with its release; returns how to stop listening (the CLI releases it on Ctrl-C). */
  onLocked?: (release: () => void) => () => void;
  /** Passed to the build (see BuildOptions.checkpoint). */
  checkpoint?: BuildOptions['checkpoint'];
  /**
   * The report of a run's messages (the CLI's text or JSON lines). A build that writes calls it
   * before its output is swapped in, so a report that fails or hangs leaves the previous output.
   */
  format?: (files: readonly VFile[]) => string;
}

/** The flags of one `build` or `check`. */
export interface RunOptions {
  command: 'build' | 'check';
  /** The site folder, relative to the working folder unless absolute. */
  root: string;
  /** Output folder, relative to `root` unless absolute; `dist` when not given. */
  out?: string;
  baseUrl?: string;
  drafts: boolean;
  future: boolean;
  strict: boolean;
  cache: boolean;
  threads?: number;
  /** `check` only: apply certain fixes, fetch external links. */
  fix?: boolean;
  external?: boolean;
}

/** The outcome: the exit code, every file with its messages, and a line for the terminal. */
export interface RunResult {
  exitCode: 0 | 1 | 2;
  files: VFile[];
  /** Why the run could not start or go on (bad usage or config, the lock, a full disk): one line. */
  problem?: string;
  /** What was done, in how long: the last line of a run in text format. */
  summary?: string;
  /** The previous output, moved aside by the swap: the caller removes it once it has reported (see output/retire.ts). */
  previous?: string;
  /** What `env.format` made of `files`: for a build that wrote, made before the swap. */
  report?: string;
}

/** The environment variable that sets how many pages go in one search index. */
const PAGES_PER_INDEX_VARIABLE = 'BLOGSMITH_SEARCH_PAGES_PER_INDEX';

/** Run `build` or `check`. Throws only for unexpected failures (bugs). */
export async function runBuild(options: RunOptions, env: RunEnv): Promise<RunResult> {
  const result = await run(options, env);
  // A run that wrote nothing has its report made here; one that wrote made it before its swap.
  if (env.format && result.report === undefined) result.report = env.format(result.files);
  return result;
}

async function run(options: RunOptions, env: RunEnv): Promise<RunResult> {
  const started = env.now().getTime();
  const folders = siteFolders(options.root, options.out, env.cwd);
  if ('problem' in folders) return { exitCode: 2, files: [], problem: folders.problem };
  const { root, out } = folders;
  const shown = (file: string) => path.relative(env.cwd, file) || '.';
  let config: SiteConfig;
  try {
    config = await loadConfig(root, options.baseUrl === undefined ? {} : { url: options.baseUrl }, env.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { exitCode: 2, files: [], problem: error.message };
  }
  const elapsed = () => `${Math.round(env.now().getTime() - started)} ms`;
  let lock: ReturnType<typeof lockBuild> | undefined;
  let stopListening: (() => void) | undefined;
  try {
    // Only `build` writes the output; it takes the site's lock and tidies up after a killed build first.
    lock = options.command === 'build' ? lockBuild(cacheDirOf(root), { cwd: env.cwd, now: env.now() }) : undefined;
    if (lock && !lock.ok) return { exitCode: 1, files: [], problem: lock.message };
    stopListening = lock?.ok && env.onLocked ? env.onLocked(lock.release) : undefined;
    if (options.command === 'build') for (const line of await recoverOutput(out, env.cwd)) env.log(`Note: ${line}`);
    let remember: { inputs: BuildInputs; stamp: Fingerprint } | undefined;
    if (options.command === 'build' && options.cache) {
      const inputs: BuildInputs = {
        root,
        out,
        cwd: env.cwd,
        config,
        flags: { drafts: options.drafts, future: options.future, strict: options.strict },
        searchPagesPerIndex: pagesPerIndexOf(env),
      };
      const stamp = fingerprint(inputs, env.now(), env.racyMs);
      const last = unchangedSince(inputs, stamp, env.now());
      if (last) {
        return { exitCode: 0, files: replayedFiles(last), summary: `built ${last.posts} posts (${last.written} files; nothing changed since the last build) into ${shown(out)} in ${elapsed()}` };
      }
      remember = { inputs, stamp };
    }
    const { result, exitCode, report } = await runPipeline(options, root, out, config, env);
    // A build that left diagrams undrawn (no Chromium) is not the last word: with Chromium the same inputs give more.
    const undrawn = result.files.some((file) => file.messages.some((message) => message.ruleId === 'mermaid-not-drawn'));
    if (remember && exitCode === 0 && result.validUntil !== undefined && !undrawn) {
      rememberBuild(remember.inputs, remember.stamp, { files: result.files, posts: result.site?.posts.length ?? 0, written: result.written, validUntil: result.validUntil });
    }
    const posts = result.site?.posts.length ?? 0;
    const outcome =
      exitCode !== 0
        ? `${options.command} failed: nothing written`
        : options.command === 'check'
          ? `checked ${posts} posts`
          : `built ${posts} posts (${result.written} files${workDone(result.stats)}) into ${shown(out)}`;
    return { exitCode, files: result.files, summary: `${outcome} in ${elapsed()}`, previous: result.previous, report };
  } catch (error) {
    // A full disk or a missing permission is a message about a path; anything else is a bug, with its stack.
    const message = fileSystemMessage(error, undefined, env.cwd);
    if (!message) throw error;
    return { exitCode: 1, files: [], problem: `${message}. The previous output is unchanged.` };
  } finally {
    stopListening?.();
    if (lock?.ok) lock.release();
  }
}

/**
 * Build or check. The pipeline is loaded here, not at the top: a build with nothing to do
 * (see output/unchanged.ts) never needs it, and loading it is most of such a build's time.
 */
async function runPipeline(options: RunOptions, root: string, out: string, config: SiteConfig, env: RunEnv): Promise<{ result: BuildResult; exitCode: 0 | 1; report?: string }> {
  const { build } = await import('./build.ts');
  const { format } = env;
  let report: string | undefined;
  const result = await build(
    {
      root,
      out,
      cwd: env.cwd,
      drafts: options.drafts,
      future: options.future,
      strict: options.strict,
      dryRun: options.command === 'check',
      now: env.now(),
      cache: options.cache,
      threads: options.threads,
      searchPagesPerIndex: pagesPerIndexOf(env),
      checkpoint: env.checkpoint,
      leavePrevious: true,
      beforeSwap: format && ((files) => void (report = format(files))),
      chromium: env.env.CHROMIUM_PATH || undefined,
    },
    config,
  );
  if (options.command !== 'check') return { result, exitCode: result.exitCode, report };
  // `check` may go on: fetch external links, apply certain fixes. Both change what is left to report.
  const { finishCheck } = await import('./check/finish.ts');
  const exitCode = await finishCheck(result, {
    root,
    cwd: env.cwd,
    fix: options.fix ?? false,
    external: options.external ?? false,
    cache: options.cache,
    strict: options.strict,
    log: env.log,
  });
  return { result, exitCode };
}

/** Pages per search index: the environment's number when it is a whole one from 1, else the default. */
function pagesPerIndexOf(env: RunEnv): number {
  return pagesPerIndex(env.env[PAGES_PER_INDEX_VARIABLE]);
}

/** What the build did and what it could skip: ", 3 rendered, 4,120 unchanged; markdown: 3 rendered, 3,997 cached". */
function workDone(stats: BuildResult['stats']): string {
  if (!stats?.output) return '';
  const { output, markdown, search } = stats;
  const count = (n: number) => n.toLocaleString('en');
  const searched = search ? `; search: ${searchDone(search)}` : '';
  // Only for sites with images to resize: a warm build says "0 encoded" (see media/image-stage.ts).
  const images = stats.images?.sources ? `; images: ${count(stats.images.encoded)} encoded, ${count(stats.images.reused)} cached` : '';
  return `: ${count(output.rendered)} rendered, ${count(output.kept)} unchanged, ${count(output.copied)} copied; markdown: ${count(markdown.rendered)} rendered, ${count(markdown.cached)} cached${images}${searched}`;
}

/** "4,000 pages indexed in 5.9 s", or for an index in parts of which some were kept "4,000 pages in 4 parts, 1 indexed (1,012 pages) in 1.4 s". */
function searchDone(search: NonNullable<NonNullable<BuildResult['stats']>['search']>): string {
  const count = (n: number) => n.toLocaleString('en');
  if (search.reused) return `${count(search.pages)} pages reused`;
  const time = `in ${(search.ms / 1000).toFixed(1)} s`;
  if (search.partsIndexed === search.parts) return `${count(search.pages)} pages indexed ${time}`;
  return `${count(search.pages)} pages in ${search.parts} parts, ${search.partsIndexed} indexed (${count(search.pagesIndexed)} pages) ${time}`;
}
