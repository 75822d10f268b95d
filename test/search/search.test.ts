/**
 * The Pagefind index of a production build: what it holds (published posts, never drafts),
 * where its results lead (under the base path), `search: false`, reusing the last index when no
 * page changed, and a failed index leaving the previous output alone.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { ConfigError, loadConfig, validateConfig } from '../../src/config.ts';
import { partCount, partOf } from '../../src/search/parts.ts';
import type { BuildOptions } from '../../src/types.ts';
import { listFiles, runCli, spawnCli, tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

interface Fragment {
  url: string;
  content: string;
  meta: { title?: string };
}

/** The pages in a built index, decoded from Pagefind's gzipped fragment files. */
async function fragments(out: string, index = 'pagefind'): Promise<Fragment[]> {
  const dir = path.join(out, index, 'fragment');
  const names = await readdir(dir).catch(() => []);
  const decoded = await Promise.all(
    names.map(async (name) => JSON.parse(gunzipSync(await readFile(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment),
  );
  return decoded.sort((a, b) => a.url.localeCompare(b.url));
}

/** Every file under `pagefind/` with its bytes. */
async function indexFiles(out: string): Promise<Record<string, string>> {
  const files = await listFiles(path.join(out, 'pagefind'));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await readFile(path.join(out, 'pagefind', file))).toString('base64')] as const)));
}

/** Build `root` in-process (so the stats are visible), into `out`. */
async function buildIn(root: string, out: string, extra: Partial<BuildOptions> = {}, overrides = {}) {
  const config = await loadConfig(root, overrides, process.cwd());
  const options: BuildOptions = { root, out, drafts: false, future: false, strict: false, dryRun: false, now: new Date('2025-06-01'), threads: 1, cwd: process.cwd(), ...extra };
  return build(options, config);
}

describe('the search index of a build', () => {
  it('indexes every published post, and no other page', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    const result = await buildIn(root, out);
    expect(result.exitCode).toBe(0);
    const pages = await fragments(out);
    // Site-relative: the search page gives Pagefind the base path (`/blog/`).
    expect(pages.map((page) => page.url)).toEqual(result.site!.posts.map((post) => `/${post.path}`).sort());
    expect(pages.find((page) => page.meta.title === 'TOML post')?.content).toContain('After the fold');
    expect(result.stats?.search).toMatchObject({ pages: pages.length, reused: false });
    // What the search page loads, and nothing of Pagefind's own UIs.
    const files = await listFiles(path.join(out, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(files.filter((file) => file.includes('-ui'))).toEqual([]);
  });

  it('never indexes a draft, even when drafts are built', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    const result = await buildIn(root, out, { drafts: true });
    expect(result.exitCode).toBe(0);
    expect(result.site!.posts.some((post) => post.draft)).toBe(true);
    const pages = await fragments(out);
    expect(pages.length).toBe(result.site!.posts.filter((post) => !post.draft).length);
    expect(pages.map((page) => page.meta.title)).not.toContain('Draft');
    expect(pages.some((page) => page.content.includes('Not yet.'))).toBe(false);
  });

  it('keeps the last index when no page changed, and indexes again after an edit', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    await buildIn(root, out);
    const entry = path.join(out, 'pagefind/pagefind-entry.json');
    const before = await stat(entry);

    const again = await buildIn(root, out);
    expect(again.stats?.search?.reused).toBe(true);
    // Kept files are the same inodes: rsync and CDN uploads skip them.
    expect((await stat(entry)).ino).toBe(before.ino);
    expect(await listFiles(path.join(out, 'pagefind'))).toContain('pagefind.js');

    const post = path.join(root, 'content/posts/toml-post.md');
    await writeFile(post, (await readFile(post, 'utf8')) + '\nA freshly written zeppelin paragraph.\n');
    const edited = await buildIn(root, out);
    expect(edited.stats?.search?.reused).toBe(false);
    expect((await fragments(out)).find((page) => page.meta.title === 'TOML post')?.content).toContain('zeppelin');
    // The old index's fragment files are gone with the rest of the last build.
    expect(await fragments(out)).toHaveLength(edited.site!.posts.length);
  });

  it('indexes again when the index in the output was touched', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    await buildIn(root, out);
    await writeFile(path.join(out, 'pagefind/pagefind-entry.json'), '{}');
    const again = await buildIn(root, out);
    expect(again.stats?.search?.reused).toBe(false);
    expect(JSON.parse(await readFile(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8'))).toHaveProperty('languages');
  });

  it('makes the same index whether pages went to Pagefind from the first, from an edited one on, or after every page', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    /** Every file of the index with its bytes, and the same from a cold build of the site as it is now. */
    const compareWithCold = async () => {
      const cold = path.join(await tempDir(), 'dist');
      expect((await buildIn(root, cold, { cache: false })).exitCode).toBe(0);
      expect(await indexFiles(out)).toEqual(await indexFiles(cold));
    };
    // A lone surrogate, as a template cutting an emoji in half leaves one: U+FFFD once written, whether Pagefind got the page held or read back.
    await writeFile(path.join(root, 'content/posts/cut-emoji.md'), '---\ntitle: "Cut \\ud83d emoji"\ndate: 2024-03-01\n---\n\nHalf an emoji: \\ud83d.\n');
    expect((await buildIn(root, out)).exitCode).toBe(0);
    await compareWithCold();

    // The last post page staged is edited: every page before it was the last build's.
    const posts = (await buildIn(root, out)).site!.posts;
    expect(posts.length).toBeGreaterThan(2);
    const lastStaged = posts.at(-1)!.raw.file.path;
    await writeFile(lastStaged, (await readFile(lastStaged, 'utf8')) + '\nAn edit near the end.\n');
    expect((await buildIn(root, out)).stats?.search?.reused).toBe(false);
    await compareWithCold();

    // Every page as last time, but the index was touched: all pages are read back after the last one is staged.
    await writeFile(path.join(out, 'pagefind/pagefind-entry.json'), '{}');
    expect((await buildIn(root, out)).stats?.search?.reused).toBe(false);
    await compareWithCold();
  });

  it('splits the index into parts named in parts.json, each page in exactly one', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    const split = { searchPagesPerIndex: 2 };
    const result = await buildIn(root, out, split);
    expect(result.exitCode).toBe(0);
    const parts = JSON.parse(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8')) as string[];
    const posts = result.site!.posts.length;
    const count = partCount(posts, 2);
    expect(count).toBeGreaterThan(1);
    expect(parts).toEqual(Array.from({ length: count - 1 }, (_, i) => `part-${i + 2}/`));
    const urls = (await Promise.all(['', ...parts].map((part) => fragments(out, `pagefind/${part}`)))).map((pages) => pages.map((page) => page.url));
    // Each page in the part its URL hashes to.
    urls.forEach((list, part) => expect(list.every((url) => partOf(url, count) === part)).toBe(true));
    expect(urls.flat().sort()).toEqual(result.site!.posts.map((post) => `/${post.path}`).sort());

    // A post rendered again to the same page: its pages went to Pagefind before that was known
    // (more than one index's worth), yet the last index, parts and all, is what the output keeps.
    const before = await indexFiles(out);
    const post = path.join(root, 'content/posts/toml-post.md');
    await writeFile(post, `${await readFile(post, 'utf8')}\n\n`);
    const again = await buildIn(root, out, split);
    expect(again.exitCode).toBe(0);
    expect(again.stats?.markdown.rendered).toBe(1);
    expect(again.stats?.search?.reused).toBe(true);
    expect(await indexFiles(out)).toEqual(before);

    // A change no page shows, and no post rendered again: nothing goes to Pagefind.
    await mkdir(path.join(root, 'static'), { recursive: true });
    await writeFile(path.join(root, 'static/extra.txt'), 'not a page\n');
    const third = await buildIn(root, out, split);
    expect(third.stats?.search?.reused).toBe(true);
    expect(await indexFiles(out)).toEqual(before);
  });

  it('splits each build by its own pages per index, whatever the build before it in this process used', async () => {
    const root = await copySite('shapes');
    const partsOf = async (out: string) => JSON.parse(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8')) as string[];
    const outs = await Promise.all([1, 2, 3].map(async () => path.join(await tempDir(), 'dist')));
    const [byTwo, whole, byOne] = [await buildIn(root, outs[0]!, { searchPagesPerIndex: 2 }), await buildIn(root, outs[1]!), await buildIn(root, outs[2]!, { searchPagesPerIndex: 1 })];
    const posts = byTwo.site!.posts.length;
    expect(posts).toBeGreaterThan(3);
    expect([byTwo, whole, byOne].map((result) => result.stats?.search?.pages)).toEqual([posts, posts, posts]);
    expect(partCount(posts, 2)).not.toBe(partCount(posts, 1));
    expect((await partsOf(outs[0]!)).length).toBe(partCount(posts, 2) - 1);
    expect(await partsOf(outs[1]!)).toEqual([]);
    expect((await partsOf(outs[2]!)).length).toBe(partCount(posts, 1) - 1);
  });

  it('takes pages per index from BLOGSMITH_SEARCH_PAGES_PER_INDEX on the command line, and a new number is not "nothing changed"', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    const partsJson = path.join(out, 'pagefind/parts.json');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(JSON.parse(await readFile(partsJson, 'utf8'))).toEqual([]);
    const split = await runCli(['build', '--root', root, '--out', out], { BLOGSMITH_SEARCH_PAGES_PER_INDEX: '2' });
    expect(split.code).toBe(0);
    expect(split.stderr).not.toContain('nothing changed');
    expect(JSON.parse(await readFile(partsJson, 'utf8'))).toContain('part-2/');
  });

  it('has no index, search page or search box with `search: false`', async () => {
    const root = await copySite('shapes');
    const config = JSON.parse(await readFile(path.join(root, 'site.config.json'), 'utf8')) as object;
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ ...config, search: false }));
    const out = path.join(await tempDir(), 'dist');
    const result = await buildIn(root, out);
    expect(result.exitCode).toBe(0);
    const files = await listFiles(out);
    expect(files.filter((file) => file.startsWith('pagefind') || file.startsWith('search'))).toEqual([]);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).not.toMatch(/role="search"|name="q"/);
    expect(result.stats?.search).toBeUndefined();
  });

  it('rejects a `search` that is not true or false, naming the config file', async () => {
    expect(() => validateConfig({ search: 'yes' }, 'site.config.json')).toThrow(new ConfigError('site.config.json: "search" must be true or false, got "yes"'));
    const root = await copySite('shapes');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ search: 'no' }));
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('site.config.json: "search" must be true or false, got "no"');
  });

  it('fails the build with a clear message when Pagefind fails, leaving the previous output as it was', async () => {
    const root = await copySite('shapes');
    const out = path.join(await tempDir(), 'dist');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const before = await listFiles(out);
    const home = await readFile(path.join(out, 'index.html'), 'utf8');
    const post = path.join(root, 'content/posts/toml-post.md');
    await writeFile(post, (await readFile(post, 'utf8')) + '\nChanged, so the index must be made again.\n');

    // A Pagefind binary that is not there, as on a platform Pagefind has no build for (Pagefind reads the variable from its process).
    const run = await spawnCli(['build', '--root', root, '--out', out], { PAGEFIND_BINARY_PATH: path.join(root, 'no-such-pagefind') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pagefind\s+error\s+Pagefind failed: spawn \S+no-such-pagefind ENOENT.*the previous output is unchanged/);
    // Pagefind's own account of it ("Service stopped" and a stack trace) is the message's reason, not more output.
    expect(run.stderr).not.toContain('Service stopped');
    expect(run.stderr).toContain('build failed: nothing written');
    expect(await listFiles(out)).toEqual(before);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(home);
    expect((await readdir(path.dirname(out))).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
