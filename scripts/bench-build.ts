/**
 * Timed child processes for `npm run bench`: our build run exactly as a user runs it, and any
 * peer's command, timed from outside with peak RSS from GNU time (`/usr/bin/time -f %M`).
 * OUR build's command line lives here and nowhere else (`ourBuildArgs`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_PEAK_RSS_KIB=';
/** Keep this much of the child's output: enough to show why it failed, bounded for noisy builds. */
const TAIL_CHARS = 16_000;

/** One timed run: wall time around the child, peak RSS when GNU time is there, and the CLI's own figure. */
export interface BuildResult {
  args: string[];
  wallMs: number;
  peakRssKiB: number | undefined;
  /** What our CLI printed as "built N posts … in X ms" (from inside the process, without startup). */
  reportedMs: number | undefined;
  /** The tail of what the child wrote to stderr, GNU time's own lines removed. */
  output: string;
}

/** Whether peak RSS can be measured here; without GNU time builds still run, and RSS reads "n/a". */
export const canMeasureRss = existsSync(TIME);

/** Our build, as `npm run build` runs it: plain node on the compiled command (bin/blogsmith.js, lib/). */
export function ourBuildArgs(root: string, { cache }: { cache: boolean }): string[] {
  return ['--max-semi-space-size=32', path.join(REPO, 'bin/blogsmith.js'), 'build', '--root', root, '--out', path.join(root, 'dist'), ...(cache ? [] : ['--no-cache'])];
}

/** Run `command args` in `cwd`, timed, under GNU time; throw with the output's tail when it exits non-zero. */
export async function timeCommand(command: string, args: string[], cwd: string): Promise<BuildResult> {
  const [program, argv] = canMeasureRss ? [TIME, ['-f', `${RSS_MARK}%M`, command, ...args]] : [command, args];
  // stdout is kept too: Eleventy and Hugo report errors there.
  const child = spawn(program, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL_CHARS);
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-TAIL_CHARS);
  });
  const started = performance.now();
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const wallMs = performance.now() - started;

  const rss = new RegExp(`^${RSS_MARK}(\\d+)$`, 'm').exec(stderr)?.[1];
  // GNU time adds its own lines (the RSS mark, "Command exited with non-zero status N"): not the build's.
  const output = stderr.replace(new RegExp(`^(${RSS_MARK}.*|Command (exited|terminated) .*)\\n?`, 'gm'), '');
  if (code !== 0) {
    const tail = (stdout + output).trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}:\n${tail}`);
  }
  const reported = /built \d+ posts .* in (\d+) ms/.exec(output)?.[1];
  return { args, wallMs, peakRssKiB: rss === undefined ? undefined : Number(rss), reportedMs: reported === undefined ? undefined : Number(reported), output };
}

/** Run `blog build` on `root` in a child process, from the repository as `npm run build` runs. */
export function runBuild(root: string, options: { cache: boolean }): Promise<BuildResult> {
  return timeCommand(process.execPath, ourBuildArgs(root, options), REPO);
}

/** A cold build: no output and no cache left from before, and `--no-cache`. */
export async function coldBuild(root: string): Promise<BuildResult> {
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await rm(path.join(root, '.cache'), { recursive: true, force: true });
  return runBuild(root, { cache: false });
}

/** Two runs one after the other as one (a build, then its search index): times add, peak RSS is the larger. */
export function chain(first: BuildResult, second: BuildResult): BuildResult {
  const rss = first.peakRssKiB === undefined || second.peakRssKiB === undefined ? undefined : Math.max(first.peakRssKiB, second.peakRssKiB);
  return { args: [...first.args, '&&', ...second.args], wallMs: first.wallMs + second.wallMs, peakRssKiB: rss, reportedMs: undefined, output: second.output };
}
