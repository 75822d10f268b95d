/**
 * Cached, parallel and incremental builds give the same site as a cold single-threaded one,
 * byte for byte, and touch only the files whose bytes change. The real CLI in-process, real files,
 * a small generated site; the one build on worker threads runs as a process of its own (workers
 * load compiled JavaScript, `lib/`: see helpers/temp-root.ts).
 */
import { appendFile, mkdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { listFiles, PROJECT, runCli, spawnCli, tempDir, type CliRun } from '../helpers/cli.ts';

const POSTS = 30;
let root: string;

/** Every file of a tree: bytes and mtime. */
async function snapshot(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, { bytes: await readFile(path.join(dir, file)), mtimeMs: (await stat(path.join(dir, file))).mtimeMs }] as const)));
}

/** Files whose bytes differ between two trees, and files only one of them has. */
function differences(a: Map<string, { bytes: Buffer }>, b: Map<string, { bytes: Buffer }>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name)?.bytes.equals(b.get(name)?.bytes ?? Buffer.alloc(0)) || !a.has(name) || !b.has(name)).sort();
}

async function build(out: string, ...flags: string[]): Promise<CliRun> {
  const run = await runCli(['build', '--root', root, '--out', path.join(root, out), ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** A cold, single-threaded build of the site as it is now: the reference every other build must equal. */
async function reference(): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  await rm(path.join(root, 'reference'), { recursive: true, force: true });
  await build('reference', '--no-cache', '--threads', '1');
  return snapshot(path.join(root, 'reference'));
}

const summary = (run: CliRun) => /built .*$/m.exec(run.stderr)?.[0] ?? run.stderr;

beforeAll(async () => {
  root = await tempDir('blog-cache-');
  await generateSite(root, POSTS);
}, 60_000);

describe('cold, parallel, cached and warm builds', () => {
  let cold: Map<string, { bytes: Buffer; mtimeMs: number }>;

  beforeAll(async () => {
    cold = await reference();
  }, 120_000);

  it('give byte-identical trees on one thread and on two', async () => {
    const run = await spawnCli(['build', '--root', root, '--out', path.join(root, 'parallel'), '--no-cache', '--threads', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(summary(run)).toContain(`markdown: ${POSTS} rendered, 0 cached`);
    expect(differences(cold, await snapshot(path.join(root, 'parallel')))).toEqual([]);
  }, 120_000);

  it('renders nothing on a warm build and keeps every file with its mtime', async () => {
    await build('dist');
    const first = await snapshot(path.join(root, 'dist'));
    expect(differences(cold, first)).toEqual([]);

    // A new mtime on an unchanged post: the inputs' stamps differ, so the pipeline runs (see unchanged.test.ts for a build that need not).
    const touched = path.join(root, 'content/posts/post-1.md');
    await utimes(touched, new Date(), new Date());
    const run = await build('dist');
    expect(summary(run)).toMatch(new RegExp(`: 0 rendered, \\d+ unchanged, \\d+ copied; markdown: 0 rendered, ${POSTS} cached`));
    const warm = await snapshot(path.join(root, 'dist'));
    expect(differences(cold, warm)).toEqual([]);
    expect([...warm].filter(([file, { mtimeMs }]) => first.get(file)?.mtimeMs !== mtimeMs)).toEqual([]);
  }, 120_000);

  it('re-renders one edited post and rewrites only the files whose bytes change', async () => {
    const before = await snapshot(path.join(root, 'dist'));
    await appendFile(path.join(root, 'content/posts/post-20.md'), '\nOne more paragraph, at the end.\n');
    const run = await build('dist');
    expect(summary(run)).toContain(`markdown: 1 rendered, ${POSTS - 1} cached`);

    const after = await snapshot(path.join(root, 'dist'));
    expect(differences(await reference(), after)).toEqual([]);
    const rewritten = [...after].filter(([file, { mtimeMs }]) => before.get(file)?.mtimeMs !== mtimeMs).map(([file]) => file).sort();
    // Files that are gone (the search index's content-hashed chunks of the old text) cannot have been rewritten.
    expect(rewritten).toEqual(differences(before, after).filter((file) => after.has(file)));
    expect(rewritten).toContain('posts/post-20/index.html');
    expect(rewritten).toContain('rss.xml');
    expect(rewritten).not.toContain('posts/post-19/index.html');
  }, 120_000);

  it('removes the pages of a deleted post', async () => {
    await rm(path.join(root, 'content/posts/post-29.md'));
    await build('dist');
    const after = await snapshot(path.join(root, 'dist'));
    expect(after.has('posts/post-29/index.html')).toBe(false);
    expect(differences(await reference(), after)).toEqual([]);
  }, 120_000);
});

describe('list pages', () => {
  it('follow a post added at the end of a list: tag counts, archive, author pages', async () => {
    await writeFile(path.join(root, 'content/posts/oldest.md'), '---\ntitle: The oldest\ndate: 1999-01-01\nauthors: [ada]\ntags: [news]\n---\n\nFirst.\n');
    await build('dist');
    const after = await snapshot(path.join(root, 'dist'));
    expect(differences(await reference(), after)).toEqual([]);
  }, 120_000);
});

describe('the cache is invalidated or ignored when it must be', () => {
  it('re-renders every post when the config changes what markdown resolves against', async () => {
    const config = path.join(root, 'site.config.json');
    await writeFile(config, JSON.stringify({ ...JSON.parse(await readFile(config, 'utf8')), url: 'https://example.org/blog/' }));
    const run = await build('dist');
    expect(summary(run)).toContain(`markdown: ${POSTS} rendered, 0 cached`);
    expect(differences(await reference(), await snapshot(path.join(root, 'dist')))).toEqual([]);
  }, 120_000);

  it('re-renders the pages that use a changed template, and only those, without touching the markdown cache', async () => {
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/unused-partial.liquid'), 'unused\n');
    expect(summary(await build('dist'))).toMatch(new RegExp(`: 0 rendered, \\d+ unchanged, \\d+ copied; markdown: 0 rendered, ${POSTS} cached`));

    const before = await snapshot(path.join(root, 'dist'));
    const meta = await readFile(path.join(PROJECT, 'templates/_post-meta.liquid'), 'utf8');
    await writeFile(path.join(root, 'templates/_post-meta.liquid'), `${meta}<span class="site-meta"></span>\n`);
    const run = await build('dist');
    expect(summary(run)).toMatch(new RegExp(`: [1-9][\\d,]* rendered, [1-9][\\d,]* unchanged, \\d+ copied; markdown: 0 rendered, ${POSTS} cached`));
    const after = await snapshot(path.join(root, 'dist'));
    expect(after.get('posts/post-3/index.html')?.bytes.toString()).toContain('site-meta');
    // The tags page does not render the post meta: kept as it was, mtime and all.
    expect(after.get('tags/index.html')?.mtimeMs).toBe(before.get('tags/index.html')?.mtimeMs);
    expect(differences(await reference(), after)).toEqual([]);
  }, 120_000);

  it('detects corrupt and truncated entries and renders those posts again', async () => {
    const entries = (await listFiles(path.join(root, '.cache/markdown'))).map((file) => path.join(root, '.cache/markdown', file));
    expect(entries).toHaveLength(POSTS);
    await truncate(entries[0]!, 100);
    const text = await readFile(entries[1]!, 'utf8');
    await writeFile(entries[1]!, text.replace('<p>', '<p>INJECTED'));
    // The cache is not an input: without the last build's record the build is a real one, and reads it.
    await rm(path.join(root, '.cache/last-build'), { recursive: true, force: true });
    const run = await build('dist');
    expect(summary(run)).toContain(`markdown: 2 rendered, ${POSTS - 2} cached`);
    const after = await snapshot(path.join(root, 'dist'));
    expect([...after.values()].some(({ bytes }) => bytes.includes('INJECTED'))).toBe(false);
    expect(differences(await reference(), after)).toEqual([]);
  }, 120_000);
});
