/**
 * vitest globalSetup: every temporary folder a run makes goes under one folder of its own,
 * removed when the run ends, so test runs do not pile up folders in the system's temp dir.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'blogsmith-tests-'));
  // Test workers start after this and inherit the environment.
  process.env.BLOG_TEST_TMP = root;
  return () => rm(root, { recursive: true, force: true });
}
