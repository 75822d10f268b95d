/**
 * vitest globalSetup: every temporary folder a run makes goes under one folder of its own,
 * removed when the run ends, so test runs do not pile up folders in the system's temp dir.
 * `lib/` is brought up to date with `src/` once, for the tests that spawn the CLI as a process:
 * they run `bin/blogsmith.js` as a user's `npm run build` does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureCompiled } from '../../scripts/compile.js';

const PROJECT = path.resolve(import.meta.dirname, '../..');

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'blogsmith-tests-'));
  // Test workers start after this and inherit the environment.
  process.env.BLOG_TEST_TMP = root;
  await ensureCompiled();
  process.env.BLOG_TEST_CLI = path.join(PROJECT, 'bin', 'blogsmith.js');
  return () => rm(root, { recursive: true, force: true });
}
