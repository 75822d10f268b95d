/**
 * Two sites built into one output folder (a CI matrix writing one deploy folder): the lock is per
 * site, so a build's start-up recovery must leave another build's staging and moved-aside folders
 * alone while the process named in them runs, and remove them once it is gone.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.ts';
import { buildTiny, POST_PAGE, writeTinySite } from './tiny-site.ts';

/** A pid no process has any more: one that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await once(child, 'exit');
  return child.pid!;
}

/** A folder as write.ts names them beside `out`, with a file in it. */
async function folderOf(out: string, kind: 'tmp' | 'old', pid: number, hex: string): Promise<string> {
  const dir = `${out}.${kind}-${pid}-${hex}`;
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await writeFile(path.join(dir, 'posts/half.html'), '<p>half');
  return dir;
}

describe('a build into an output folder another site’s build is writing', () => {
  it('leaves the other build’s folders while its process runs, and removes those of dead processes', async () => {
    const parent = await tempDir('blog-shared-out-');
    const out = path.join(parent, 'deploy');
    const root = path.join(parent, 'site-a');
    await writeTinySite(root);
    // The process that started this test's is certainly running, and is not this one.
    const live = process.ppid;
    const dead = await deadPid();
    const liveStaging = await folderOf(out, 'tmp', live, '0123abcd');
    const liveOld = await folderOf(out, 'old', live, '0123abcd');
    const deadStaging = await folderOf(out, 'tmp', dead, '4567cdef');
    try {
      const result = await buildTiny(root, out);
      expect(result.exitCode, result.problem).toBe(0);
      expect(readFileSync(path.join(out, POST_PAGE), 'utf8')).toContain('Hello.');
      expect(readFileSync(path.join(liveStaging, 'posts/half.html'), 'utf8')).toBe('<p>half');
      expect(existsSync(path.join(liveOld, 'posts/half.html'))).toBe(true);
      expect(existsSync(deadStaging)).toBe(false);
    } finally {
      await rm(liveStaging, { recursive: true, force: true });
      await rm(liveOld, { recursive: true, force: true });
    }
  });

  it('with no output yet, does not take a running build’s moved-aside folder for one to restore', async () => {
    const parent = await tempDir('blog-shared-out-');
    const out = path.join(parent, 'deploy');
    const root = path.join(parent, 'site-b');
    await writeTinySite(root);
    // Another build is between its swap's two renames: its previous output waits as deploy.old-*.
    const liveOld = await folderOf(out, 'old', process.ppid, '89abcdef');
    try {
      const result = await buildTiny(root, out);
      expect(result.exitCode, result.problem).toBe(0);
      expect(existsSync(path.join(out, POST_PAGE))).toBe(true);
      expect(existsSync(path.join(liveOld, 'posts/half.html'))).toBe(true);
    } finally {
      await rm(liveOld, { recursive: true, force: true });
    }
  });
});
