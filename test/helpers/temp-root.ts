/**
 * vitest globalSetup: every temporary folder a run makes goes under one folder of its own,
 * removed when the run ends, so test runs do not pile up folders in the system's temp dir.
 * The CLI is compiled to JavaScript there once, for the tests that spawn it (see compile.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileCli } from './compile.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'blogsmith-tests-'));
  // Test workers start after this and inherit the environment.
  process.env.BLOG_TEST_TMP = root;
  process.env.BLOG_TEST_CLI = await compileCli(path.resolve(import.meta.dirname, '../..'), path.join(root, 'compiled'));
  return () => rm(root, { recursive: true, force: true });
}
