/**
 * Crash safety with the real CLI: a build killed with SIGKILL at any moment leaves the previous
 * output complete and the cache usable; two builds at once don't corrupt each other (a lock, with
 * a clear message); a lock left by a killed build is taken over.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { listFiles, PROJECT, runCli, tempDir } from '../helpers/cli.ts';

const POSTS = 60;
let root: string;
let out: string;

/** A digest of every file's path and bytes: equal trees, equal digests. */
async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) hash.update(file).update('\0').update(await readFile(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** Start a build and SIGKILL it after `ms`; resolves when it is gone. */
function buildKilledAfter(ms: number): Promise<void> {
  const child = spawn(path.join(PROJECT, 'node_modules/.bin/tsx'), ['src/cli.ts', 'build', '--root', root, '--out', out], { cwd: PROJECT, stdio: 'ignore', detached: true });
  const timer = setTimeout(() => {
    // tsx runs the CLI in a child of its own: kill the whole process group, as `kill -9` on a CI job would.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, ms);
  return new Promise((resolve) => child.on('exit', () => (clearTimeout(timer), resolve())));
}

async function build(target = out, ...flags: string[]) {
  return runCli(['build', '--root', root, '--out', target, ...flags]);
}

beforeAll(async () => {
  root = await tempDir('blog-crash-');
  out = path.join(root, 'dist');
  await generateSite(root, POSTS);
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

describe('a build killed with SIGKILL', () => {
  it('at any moment leaves the previous output complete, and the next build recovers', async () => {
    const before = await treeDigest(out);
    const started = performance.now();
    const edited = path.join(root, 'content/posts/post-7.md');
    await appendFile(edited, '\nAn edit the killed builds never publish.\n');
    const full = await build(path.join(root, 'timing'), '--no-cache');
    expect(full.code).toBe(0);
    const duration = performance.now() - started;
    // Kill points spread over a cold build: reading, markdown on workers, pages, writing, swapping.
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      await rm(path.join(root, '.cache'), { recursive: true, force: true });
      await buildKilledAfter(duration * fraction);
      const names = await readdir(root);
      // Either the old output or, when the kill came after the swap, the new one; never a mix.
      if (names.includes('dist')) {
        const now = await treeDigest(out);
        if (now !== before) expect(await readFile(path.join(out, 'posts/post-7/index.html'), 'utf8')).toContain('never publish');
      } else {
        // Killed between the swap's two renames: the old output waits beside it, whole.
        const old = names.find((name) => name.startsWith('dist.old-'));
        expect(old, `no dist/ and no dist.old-* after a kill at ${fraction}`).toBeDefined();
      }
      await writeFile(edited, (await readFile(edited, 'utf8')).replace(/\nAn edit.*\n$/, '\n'));
      const after = await build();
      expect(after.code, after.stderr).toBe(0);
      expect(await treeDigest(out), `output after a kill at ${fraction} and a rebuild`).toBe(before);
      expect((await readdir(root)).filter((name) => /^dist\.(?:tmp|old)-/.test(name))).toEqual([]);
      await appendFile(edited, '\nAn edit the killed builds never publish.\n');
    }
  }, 300_000);

  it('leaves a cache the next build can use and that gives the same site as no cache', async () => {
    await build(path.join(root, 'warmup'));
    const killedAt = [300, 900];
    for (const ms of killedAt) await buildKilledAfter(ms);
    const cached = await build();
    expect(cached.code, cached.stderr).toBe(0);
    await build(path.join(root, 'fresh'), '--no-cache');
    expect(await treeDigest(out)).toBe(await treeDigest(path.join(root, 'fresh')));
  }, 180_000);
});

describe('the next build after a kill between the swap\'s two renames', () => {
  it('puts the previous output back and removes the unfinished staging folder', async () => {
    const before = await treeDigest(out);
    await rename(out, `${out}.old-12345-abcdef01`);
    await mkdir(`${out}.tmp-12345-abcdef01/posts`, { recursive: true });
    await writeFile(`${out}.tmp-12345-abcdef01/posts/half.html`, '<p>half');
    // A folder of the user's own that only looks like ours stays.
    await mkdir(path.join(root, 'dist.old-2024'));
    const recovered = await build();
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stderr).toContain('Note: restored dist/ from dist.old-12345-abcdef01');
    expect(recovered.stderr).toContain('Note: removed 1 unfinished output folder of a stopped build');
    expect(await treeDigest(out)).toBe(before);
    expect((await readdir(root)).filter((name) => /^dist\.(?:tmp|old)-/.test(name))).toEqual(['dist.old-2024']);
    await rm(path.join(root, 'dist.old-2024'), { recursive: true });
  }, 60_000);
});

describe('two builds of one site', () => {
  it('never run at once: the second stops with a message naming the first', async () => {
    const lock = path.join(root, '.cache/build.lock');
    await mkdir(path.dirname(lock), { recursive: true });
    // This test's own process is certainly alive.
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), started: '2026-11-29T10:00:00.000Z' }));
    const before = await treeDigest(out);
    const blocked = await build();
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`Another build is running on this site (process ${process.pid}`);
    expect(await treeDigest(out)).toBe(before);
    await rm(lock);
  }, 60_000);

  it('take over a lock whose process is gone', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(root, '.cache/build.lock'), JSON.stringify({ pid: dead.pid, host: os.hostname(), started: '2026-11-29T10:00:00.000Z' }));
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(path.join(root, '.cache'))).not.toContain('build.lock');
  }, 60_000);

  it('started together: both end cleanly and the output is one complete site', async () => {
    const runs = await Promise.all([build(), build()]);
    expect(runs.map((run) => run.code).sort()).toEqual(expect.arrayContaining([0]));
    for (const run of runs.filter((candidate) => candidate.code !== 0)) expect(run.stderr).toContain('Another build is running');
    await build(path.join(root, 'fresh2'), '--no-cache');
    expect(await treeDigest(out)).toBe(await treeDigest(path.join(root, 'fresh2')));
  }, 120_000);
});
