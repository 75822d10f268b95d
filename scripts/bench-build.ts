/**
 * Builds for `npm run bench`, each a child process run exactly as a user runs it
 * (`node --max-semi-space-size=32 --import tsx src/bin.ts build --root SITE --out SITE/dist`, as `npm run build` does), timed from outside, with
 * peak RSS from GNU time (`/usr/bin/time -f %M`) wrapped around the child.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const RSS_MARK = 'BENCH_PEAK_RSS_KIB=';
/** Keep this much of the child's stderr: enough to show why it failed, bounded for noisy builds. */
const TAIL_CHARS = 16_000;

/** One build: wall time around the child, peak RSS when GNU time is there, and the CLI's own figure. */
export interface BuildResult {
  args: string[];
  wallMs: number;
  peakRssKiB: number | undefined;
  /** What the CLI printed as "built N posts … in X ms" (from inside the process, without startup). */
  reportedMs: number | undefined;
}

/** Whether peak RSS can be measured here; without GNU time builds still run, and RSS reads "n/a". */
export const canMeasureRss = existsSync(TIME);

/** Run `blog build` on `root` in a child process; throw with the stderr tail when it exits non-zero. */
export async function runBuild(root: string, { cache }: { cache: boolean }): Promise<BuildResult> {
  const args = ['--max-semi-space-size=32', '--import', 'tsx', path.join(REPO, 'src/bin.ts'), 'build', '--root', root, '--out', path.join(root, 'dist'), ...(cache ? [] : ['--no-cache'])];
  const [command, argv] = canMeasureRss ? [TIME, ['-f', `${RSS_MARK}%M`, process.execPath, ...args]] : [process.execPath, args];
  // cwd is the repository so `--import tsx` resolves from its node_modules, as `npm run build` does.
  const child = spawn(command, argv, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-TAIL_CHARS);
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
    const tail = output.trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`node ${args.join(' ')} exited with ${signal ?? code}:\n${tail}`);
  }
  const reported = /built \d+ posts .* in (\d+) ms/.exec(output)?.[1];
  return { args, wallMs, peakRssKiB: rss === undefined ? undefined : Number(rss), reportedMs: reported === undefined ? undefined : Number(reported) };
}

/** A cold build: no output and no cache left from before, and `--no-cache`. */
export async function coldBuild(root: string): Promise<BuildResult> {
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await rm(path.join(root, '.cache'), { recursive: true, force: true });
  return runBuild(root, { cache: false });
}
