/** Run the real CLI in a child process, as a user would. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JsonMessage } from '../../src/report.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(PROJECT, 'node_modules/.bin/tsx');

/** Exit code and output of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `blog <args>` from the project root; `env` adds to this process's environment. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['src/cli.ts', ...args], { cwd: PROJECT, env: { ...process.env, ...env } });
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
