/**
 * Search over a site indexed in parts (src/search/parts.ts: a big site's pages are split by a hash
 * of their URL). A generated 36-post site at 10 pages per index has four parts; in real Chromium
 * the search page merges them and finds posts in each as one index finds them, and after a post is
 * edited (only its part indexed again) its new word is found and its old one is not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { partOf } from '../../src/search/parts.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const POSTS = 36;
const PARTS = 4;
const ENV = { BLOGSMITH_SEARCH_PAGES_PER_INDEX: '10' };
const MOUNT = '/blog/';

let server: StaticServer;
let browser: Browser;
let root: string;
let out: string;

/** Build the site (with its cache, as a writer rebuilds) for the server's base URL; the build's summary line. */
async function rebuild(): Promise<string> {
  const run = await runCli(['build', '--root', root, '--out', out, '--base-url', `${server.origin}${MOUNT}`], ENV);
  if (run.code !== 0) throw new Error(`build failed (exit ${run.code}):\n${run.stderr}`);
  return run.stderr;
}

beforeAll(async () => {
  root = await tempDir('blog-e2e-parts-');
  await generateSite(root, POSTS);
  // One word in every post, to see every part's matches listed together.
  for (let n = 0; n < POSTS; n++) {
    const file = path.join(root, `content/posts/post-${n}.md`);
    await writeFile(file, `${await readFile(file, 'utf8')}\nEvery post mentions zebrafinch.\n`);
  }
  out = path.join(root, 'dist');
  server = await startStaticServer(MOUNT, out);
  await rebuild();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The search page's status line and result links for `query`, in a fresh context (nothing cached from an earlier build). */
async function search(query: string): Promise<{ status: string; links: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'warning' && errors.push(message.text())));
  await page.goto(`${server.origin}${MOUNT}search/?q=${encodeURIComponent(query)}`);
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toMatch(/match/);
  const status = await page.locator('#search-status').innerText();
  const links = await page.locator('#search-results a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await context.close();
  expect(errors).toEqual([]);
  return { status, links };
}

describe('a search index in parts', () => {
  it('has four parts, the others named in parts.json', async () => {
    expect(JSON.parse(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/', 'part-4/']);
  });

  it('lists matches from every part together', async () => {
    const { status } = await search('zebrafinch');
    expect(status).toMatch(new RegExp(`^${POSTS} posts match`));
  });

  it('finds a post of each part by its title', async () => {
    const byPart = new Map<number, number>();
    for (let n = 0; n < POSTS && byPart.size < PARTS; n++) if (!byPart.has(partOf(`/posts/post-${n}/`, PARTS))) byPart.set(partOf(`/posts/post-${n}/`, PARTS), n);
    expect(byPart.size).toBe(PARTS);
    for (const n of byPart.values()) expect((await search(`Post ${n}`)).links).toContain(`${MOUNT}posts/post-${n}/`);
  });

  it('finds an edited post by its new word and not by its old one, after indexing only its part', async () => {
    const file = path.join(root, 'content/posts/post-7.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\nA quetzal paragraph.\n`);
    expect(await rebuild()).toMatch(/search: 36 pages in 4 parts, 1 indexed/);
    expect((await search('quetzal')).links).toEqual([`${MOUNT}posts/post-7/`]);

    await writeFile(file, `${original}\nA xylophone paragraph.\n`);
    expect(await rebuild()).toMatch(/search: 36 pages in 4 parts, 1 indexed/);
    expect((await search('xylophone')).links).toEqual([`${MOUNT}posts/post-7/`]);
    expect(await search('quetzal')).toEqual({ status: 'No posts match “quetzal”.', links: [] });
    // The other parts were kept, and still answer.
    expect((await search('zebrafinch')).status).toMatch(new RegExp(`^${POSTS} posts match`));
  }, 120_000);
});
