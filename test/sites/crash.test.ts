/**
 * Crash safety with a real process: a build killed with SIGKILL at each named point of its work
 * (BLOGSMITH_KILL_AT, see src/bin.ts) leaves the previous output complete and the cache usable;
 * two builds at once don't corrupt each other (a lock, with a clear message); a lock left by a
 * killed build is taken over. Processes run `bin/blogsmith.js` on the compiled `lib/` (helpers/temp-root.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { BUILD_POINTS, type BuildPoint } from '../../src/types.ts';
import { listFiles, PROJECT, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

const POSTS = 12;
const CLI = process.env.BLOG_TEST_CLI!;
let root: string;
let out: string;

/** A digest of every file's path and bytes: equal trees, equal digests. */
async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) hash.update(file).update('\0').update(await readFile(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** `blog build` as a process of its own. */
function spawnBuild(target: string, flags: string[] = [], env: Record<string, string> = {}): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, 'build', '--root', root, '--out', target, ...flags], { cwd: PROJECT, env: { ...process.env, ...env } }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode ?? 1, signal: child.signalCode, stdout, stderr }),
    );
  });
}

/** A build SIGKILLed as it reaches `point`; fails the test if it never got there. */
async function buildKilledAt(point: BuildPoint, flags: string[] = []): Promise<void> {
  const run = await spawnBuild(out, flags, { BLOGSMITH_KILL_AT: point });
  expect(run.signal, `the build was to be killed at ${point}: ${run.stderr}`).toBe('SIGKILL');
}

/** A build in this process: the checks around the kills need no process of their own. */
async function build(target = out, ...flags: string[]) {
  return runCli(['build', '--root', root, '--out', target, ...flags]);
}

const EDIT = '\nAn edit the killed builds never publish.\n';

beforeAll(async () => {
  root = await tempDir('blog-crash-');
  out = path.join(root, 'dist');
  await generateSite(root, POSTS);
  // Without the search index: crash safety is the output's and the cache's (search has tests of its own), and Pagefind's process costs each build ~0.4 s.
  const config = path.join(root, 'site.config.json');
  await writeFile(config, JSON.stringify({ ...JSON.parse(await readFile(config, 'utf8')), search: false }));
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
}, 60_000);

describe('a build killed with SIGKILL', () => {
  it.each(BUILD_POINTS)('at %s leaves the previous output complete, and the next build recovers', async (point) => {
    const before = await treeDigest(out);
    const edited = path.join(root, 'content/posts/post-7.md');
    const original = await readFile(edited, 'utf8');
    await appendFile(edited, EDIT);
    // Cold, so every point comes with real work before it.
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await buildKilledAt(point);
    const names = await readdir(root);
    if (point === 'swap') {
      // Killed between the swap's two renames: the old output waits beside it, whole.
      expect(names).not.toContain('dist');
      const old = names.find((name) => name.startsWith('dist.old-'));
      expect(old, 'no dist.old-* after a kill between the renames').toBeDefined();
      expect(await treeDigest(path.join(root, old!))).toBe(before);
    } else if (point === 'swapped') {
      expect(await readFile(path.join(out, 'posts/post-7/index.html'), 'utf8')).toContain('never publish');
    } else {
      expect(await treeDigest(out), `output after a kill at ${point}`).toBe(before);
    }
    await writeFile(edited, original);
    const after = await build();
    expect(after.code, after.stderr).toBe(0);
    expect(await treeDigest(out), `output after a kill at ${point} and a rebuild`).toBe(before);
    expect((await readdir(root)).filter((name) => /^dist\.(?:tmp|old)-/.test(name))).toEqual([]);
  }, 60_000);

  it('leaves a cache the next build can use and that gives the same site as no cache', async () => {
    // Processes all: the cache is the compiled CLI's (its version is its own source's).
    await spawnBuild(path.join(root, 'warmup'));
    const edited = path.join(root, 'content/posts/post-3.md');
    await appendFile(edited, EDIT);
    for (const point of ['markdown', 'pages'] as const) await buildKilledAt(point);
    const cached = await spawnBuild(out);
    expect(cached.code, cached.stderr).toBe(0);
    // The killed builds' entries (the edited post's among them, or it is rendered again) serve this build.
    expect(cached.stderr).toMatch(new RegExp(`markdown: [01] rendered, (${POSTS - 1}|${POSTS}) cached`));
    await build(path.join(root, 'fresh'), '--no-cache');
    expect(await treeDigest(out)).toBe(await treeDigest(path.join(root, 'fresh')));
  }, 60_000);
});

describe('the next build after a kill between the swap\'s two renames', () => {
  it('puts the previous output back and removes the unfinished staging folder', async () => {
    const before = await treeDigest(out);
    // Folders of a build whose process is gone (a running one's are left alone: test/output/shared-out.test.ts).
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const suffix = `${dead.pid}-abcdef01`;
    await rename(out, `${out}.old-${suffix}`);
    await mkdir(`${out}.tmp-${suffix}/posts`, { recursive: true });
    await writeFile(`${out}.tmp-${suffix}/posts/half.html`, '<p>half');
    // A folder of the user's own that only looks like ours stays.
    await mkdir(path.join(root, 'dist.old-2024'));
    const recovered = await runCli(['build', '--root', root, '--out', out]);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stderr).toContain(`Note: restored dist/ from dist.old-${suffix}`);
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
    // The process that started this test's process is certainly alive (and is not the build's own, which would be a reused pid).
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), started: '2026-11-29T10:00:00.000Z' }));
    const before = await treeDigest(out);
    const blocked = await runCli(['build', '--root', root, '--out', out]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`Another build is running on this site (process ${process.ppid}`);
    expect(await treeDigest(out)).toBe(before);
    await rm(lock);
  }, 60_000);

  it('take over a lock whose process is gone', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(root, '.cache/build.lock'), JSON.stringify({ pid: dead.pid, host: os.hostname(), started: '2026-11-29T10:00:00.000Z' }));
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(path.join(root, '.cache'))).not.toContain('build.lock');
  }, 60_000);

  it('in one process too: a second build through the API is refused while the first runs', async () => {
    const before = await treeDigest(out);
    const runs = await Promise.all([build(out, '--no-cache'), build(out, '--no-cache')]);
    expect(runs.map((run) => run.code).sort()).toEqual([0, 1]);
    expect(runs.find((run) => run.code === 1)!.stderr).toContain(`Another build is running on this site (process ${process.pid}`);
    expect(await treeDigest(out)).toBe(before);
    expect(await readdir(path.join(root, '.cache'))).not.toContain('build.lock');
  }, 60_000);

  it('started together: both end cleanly and the output is one complete site', async () => {
    // Two processes: in one process a lock naming its own pid is a stale one.
    const runs = await Promise.all([spawnBuild(out), spawnBuild(out)]);
    expect(runs.map((run) => run.code).sort()).toEqual(expect.arrayContaining([0]));
    for (const run of runs.filter((candidate) => candidate.code !== 0)) expect(run.stderr).toContain('Another build is running');
    await build(path.join(root, 'fresh2'), '--no-cache');
    expect(await treeDigest(out)).toBe(await treeDigest(path.join(root, 'fresh2')));
  }, 120_000);
});
