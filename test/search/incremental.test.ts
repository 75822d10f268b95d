/**
 * An index in parts made incrementally: on a generated 36-post site split four ways (10 pages per
 * index), editing, adding or deleting a post indexes only the parts of the pages that changed (the
 * post's own, and a neighbour's whose links changed with it); the other parts' files are the last output's (same inodes), and the whole index is byte for byte what a
 * cold build of the same pages makes.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import { partDir, partOf } from '../../src/search/parts.ts';
import type { BuildOptions } from '../../src/types.ts';
import { listFiles, runCli, tempDir } from '../helpers/cli.ts';

const POSTS = 36;
const PARTS = 4;
/** 36 pages at 10 per index: 4 parts, for anything from 29 to 40 pages. */
const split = { searchPagesPerIndex: 10 };

async function buildIn(root: string, out: string, extra: Partial<BuildOptions> = {}) {
  const config = await loadConfig(root, {}, process.cwd());
  const options: BuildOptions = { root, out, drafts: false, future: false, strict: false, dryRun: false, now: new Date('2025-06-01'), threads: 1, cwd: process.cwd(), ...split, ...extra };
  const result = await build(options, config);
  expect(result.exitCode).toBe(0);
  return result;
}

/** Each part's files (relative to the output) with their inode: a kept file keeps its inode. */
async function partInodes(out: string): Promise<Map<string, number>[]> {
  const all = await listFiles(path.join(out, 'pagefind'));
  return Promise.all(
    Array.from({ length: PARTS }, async (_, part) => {
      const dir = partDir(part);
      const files = all.map((file) => `pagefind/${file}`).filter((file) => file.startsWith(dir) && (part > 0 || !/^pagefind\/part-/.test(file)));
      return new Map(await Promise.all(files.map(async (file) => [file, (await stat(path.join(out, file))).ino] as const)));
    }),
  );
}

/** The parts (by number) with at least one file not kept from `before`. */
function changedParts(before: Map<string, number>[], after: Map<string, number>[]): number[] {
  return after.flatMap((files, part) => ([...files].some(([file, ino]) => before[part]!.get(file) !== ino) ? [part] : []));
}

/** Each post page's URL and HTML. */
async function postPages(out: string): Promise<Map<string, string>> {
  const files = (await listFiles(path.join(out, 'posts'))).filter((file) => file.endsWith('/index.html'));
  return new Map(await Promise.all(files.map(async (file) => [`/posts/${file.slice(0, -'index.html'.length)}`, await readFile(path.join(out, 'posts', file), 'utf8')] as const)));
}

/** Every index file with its bytes. */
async function indexBytes(out: string): Promise<Record<string, string>> {
  const files = await listFiles(path.join(out, 'pagefind'));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await readFile(path.join(out, 'pagefind', file))).toString('base64')] as const)));
}

async function expectSameAsCold(root: string, out: string) {
  const cold = path.join(await tempDir(), 'dist');
  await buildIn(root, cold, { cache: false });
  expect(await indexBytes(out)).toEqual(await indexBytes(cold));
}

describe('an index in parts, made again part by part', () => {
  it('indexes only the part of an edited, added or deleted post, and keeps the others', async () => {
    const root = await tempDir('blog-parts-');
    await generateSite(root, POSTS);
    const out = path.join(root, 'dist');
    const first = await buildIn(root, out);
    expect(first.stats?.search).toMatchObject({ pages: POSTS, parts: PARTS, partsIndexed: PARTS });
    expect(JSON.parse(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/', 'part-4/']);
    const partOfPost = (n: number) => partOf(`/posts/post-${n}/`, PARTS);
    /** The parts of the pages added, deleted or changed between two builds (a neighbour's links change with a post). */
    const partsOfChanges = (before: Map<string, string>, after: Map<string, string>) =>
      [...new Set([...before.keys(), ...after.keys()].filter((url) => before.get(url) !== after.get(url)).map((url) => partOf(url, PARTS)))].sort();
    const sizes = Array.from({ length: PARTS }, (_, part) => Array.from({ length: POSTS }, (__, n) => n).filter((n) => partOfPost(n) === part).length);

    // An edit.
    let before = await partInodes(out);
    const edited = path.join(root, 'content/posts/post-5.md');
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nA quetzal paragraph.\n`);
    let result = await buildIn(root, out);
    expect(result.stats?.search).toMatchObject({ pages: POSTS, reused: false, parts: PARTS, partsIndexed: 1, pagesIndexed: sizes[partOfPost(5)] });
    expect(changedParts(before, await partInodes(out))).toEqual([partOfPost(5)]);
    await expectSameAsCold(root, out);

    // A post added, the oldest, untagged: besides its own page only its neighbour's "next" link changes.
    before = await partInodes(out);
    let pagesBefore = await postPages(out);
    const added = POSTS;
    await writeFile(path.join(root, `content/posts/post-${added}.md`), '---\ntitle: An added post\ndate: 1999-05-01\n---\n\nA brand new xylophone post.\n');
    result = await buildIn(root, out);
    let touched = partsOfChanges(pagesBefore, await postPages(out));
    expect(touched).toContain(partOfPost(added));
    expect(touched.length).toBeLessThan(PARTS);
    expect(result.stats?.search).toMatchObject({ pages: POSTS + 1, parts: PARTS, partsIndexed: touched.length });
    // Parts made again may come out byte for byte as before (a link changed, not the indexed text): their files are linked too.
    expect(touched).toEqual(expect.arrayContaining(changedParts(before, await partInodes(out))));
    await expectSameAsCold(root, out);

    // A post deleted: the added one again (generated posts link to each other; a link to a deleted post fails the build).
    before = await partInodes(out);
    pagesBefore = await postPages(out);
    await rm(path.join(root, `content/posts/post-${added}.md`));
    result = await buildIn(root, out);
    touched = partsOfChanges(pagesBefore, await postPages(out));
    expect(touched).toContain(partOfPost(added));
    expect(touched.length).toBeLessThan(PARTS);
    expect(result.stats?.search).toMatchObject({ pages: POSTS, parts: PARTS, partsIndexed: touched.length });
    expect(touched).toEqual(expect.arrayContaining(changedParts(before, await partInodes(out))));
    await expectSameAsCold(root, out);

    // Nothing changed: every part kept.
    result = await buildIn(root, out);
    expect(result.stats?.search).toMatchObject({ reused: true, partsIndexed: 0 });
    // Nine builds of a 36-post site, four of them cold.
  }, 180_000);

  it('says in the build summary how many parts were indexed again', async () => {
    const root = await tempDir('blog-parts-');
    await generateSite(root, POSTS);
    const out = path.join(root, 'dist');
    const env = { BLOGSMITH_SEARCH_PAGES_PER_INDEX: '10' };
    expect((await runCli(['build', '--root', root, '--out', out], env)).stderr).toContain(`search: ${POSTS} pages indexed in`);
    const post = path.join(root, 'content/posts/post-3.md');
    await writeFile(post, `${await readFile(post, 'utf8')}\nAn edit.\n`);
    const run = await runCli(['build', '--root', root, '--out', out], env);
    expect(run.stderr).toMatch(new RegExp(`search: ${POSTS} pages in ${PARTS} parts, 1 indexed \\(\\d+ pages\\) in \\d+\\.\\d s`));
  }, 60_000);
});
