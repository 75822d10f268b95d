/**
 * Run the CLI as a user would: in this process through `main` (flags, exit codes and output as
 * the real command), or, where the test is about the process (signals, kills, two at once), as
 * a real child process.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli.ts';
import type { JsonMessage } from '../../src/report.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');

/** Exit code and output of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a run in this process gets instead of the process's own clock. */
export interface RunClock {
  /** "Now" for the run (scheduled posts, the nothing-to-do record). */
  now?: () => Date;
  /** Files changed less than this many ms before "now" are not trusted (see src/output/unchanged.ts). */
  racyMs?: number;
}

/** `blog <args>` in this process, from the project root; `env` adds to this process's environment. */
export async function runCli(args: string[], env: Record<string, string> = {}, clock: RunClock = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  try {
    const code = await main(args, {
      cwd: PROJECT,
      now: clock.now ?? (() => new Date()),
      racyMs: clock.racyMs,
      env: { ...process.env, ...env },
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    });
    return { code, stdout, stderr };
  } catch (error) {
    // As src/bin.ts says it: a test that expects no stack trace sees this one.
    return { code: 1, stdout, stderr: `${stderr}Unexpected failure: ${(error as Error)?.stack ?? String(error)}\n` };
  }
}

/**
 * `blog <args>` as a real process, for tests about the process itself or what it hands to its own
 * children (Pagefind reads its environment): `bin/blogsmith.js` on `lib/`, compiled once for the run (helpers/temp-root.ts).
 */
export async function spawnCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [process.env.BLOG_TEST_CLI!, ...args], { cwd: PROJECT, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The JSON-lines messages of a `--format json` run. */
export function jsonMessages(run: CliRun): JsonMessage[] {
  return run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as JsonMessage);
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'blog-test-'): Promise<string> {
  // Under the run's own folder (test/helpers/temp-root.ts), removed when the run ends.
  return mkdtemp(path.join(process.env.BLOG_TEST_TMP ?? os.tmpdir(), prefix));
}

/** Every file below `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Read a built file as text. */
export function readOut(out: string, file: string): Promise<string> {
  return readFile(path.join(out, file), 'utf8');
}

/** A site built by the real CLI into a fresh folder: the run, its files, and a page reader. */
export interface BuiltSite {
  out: string;
  run: CliRun;
  files: string[];
  read(file: string): Promise<string>;
}

/** `blog build <args> --out <temp> --format json`, then list what it wrote. */
export async function buildSite(args: string[]): Promise<BuiltSite> {
  const out = await tempDir();
  const run = await runCli(['build', ...args, '--out', out, '--format', 'json']);
  return { out, run, files: await listFiles(out), read: (file) => readOut(out, file) };
}
