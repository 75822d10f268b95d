/**
 * What a reader sees in a search result, from the real Pagefind index of a real build, searched by
 * Pagefind's own `pagefind.js` (in this process: its files are read from the output instead of
 * fetched, and without a browser it searches on the main thread, as it does where workers fail).
 * The code block's language label must not run into the code ("TypeScriptexport"), and the
 * excerpt must not repeat the title the result already shows, while the title is still searched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import type { BuildOptions } from '../../src/types.ts';
import { tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

const POST = `---
title: Typed exports in modules
date: 2025-03-01
---
Bundlers read modules ahead of time. Every export statement names what another module may import.

\`\`\`ts
export const answer = 42;
\`\`\`

Tools differ in how they treat side effects and dynamic imports. Tree shaking drops an export nobody imports.
`;

const PAGE = `---
title: Colophon of the blog
---
This blog is set in system fonts and written in Markdown.
`;

/** One result as `static/search.js` reads it. */
interface Result {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<Result> }> }>;
  destroy?(): Promise<void>;
}

let pagefind: PagefindModule;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  const root = await copySite('shapes');
  await writeFile(path.join(root, 'content/posts/typed-exports.md'), POST);
  await import('node:fs/promises').then(({ mkdir }) => mkdir(path.join(root, 'content/pages'), { recursive: true }));
  await writeFile(path.join(root, 'content/pages/colophon.md'), PAGE);
  const out = path.join(await tempDir(), 'dist');
  const options: BuildOptions = { root, out, drafts: false, future: false, strict: false, dryRun: false, now: new Date('2025-06-01'), threads: 1, cache: false, cwd: process.cwd() };
  const result = await build(options, await loadConfig(root, {}, process.cwd()));
  expect(result.exitCode).toBe(0);
  // pagefind.js fetches its index next to itself: here that is a file URL, which Node's fetch does not read.
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'file:') return realFetch(input);
    const bytes = await readFile(fileURLToPath(url));
    return new Response(bytes, { headers: url.pathname.endsWith('.pagefind') ? { 'content-type': 'application/wasm' } : {} });
  }) as typeof fetch;
  pagefind = (await import(pathToFileURL(path.join(out, 'pagefind/pagefind.js')).href)) as PagefindModule;
  // As the search page asks (static/search.js).
  await pagefind.options({ baseUrl: '/blog/', excerptLength: 24, excerptEllipsis: '…' });
}, 120_000);

afterAll(async () => {
  await pagefind?.destroy?.();
  globalThis.fetch = realFetch;
});

/** The results of a query, as the search page gets them. */
async function search(query: string): Promise<Result[]> {
  const found = await pagefind.search(query);
  return Promise.all(found.results.map((result) => result.data()));
}

/** An excerpt as a reader sees it: Pagefind marks matches with `<mark>`. */
const shown = (excerpt: string) => excerpt.replace(/<\/?mark>/g, '');

describe('search excerpts', () => {
  it('keep the code block’s language label out: no "TypeScriptexport"', async () => {
    const results = await search('export');
    const typed = results.find((result) => result.url === '/blog/posts/typed-exports/');
    expect(typed, JSON.stringify(results)).toBeDefined();
    expect(shown(typed!.excerpt)).toContain('export const answer');
    expect(shown(typed!.excerpt)).not.toMatch(/TypeScript/);
  });

  it('do not repeat the title, which is the result’s meta title and still found', async () => {
    // "Typed" is in the title alone: Pagefind searches the title meta (1.5 and later).
    const [typed] = await search('typed');
    expect(typed?.meta.title).toBe('Typed exports in modules');
    expect(shown(typed!.excerpt)).not.toContain('Typed exports in modules');
    const [bundlers] = await search('bundlers');
    expect(bundlers?.url).toBe('/blog/posts/typed-exports/');
    expect(shown(bundlers!.excerpt).startsWith('Bundlers read modules ahead of time.')).toBe(true);
  });

  it('start at the text’s start when the match is there, and say so with "…" when Pagefind cuts into a sentence', async () => {
    const [start] = await search('ahead');
    expect(shown(start!.excerpt)).toMatch(/^Bundlers read modules ahead of time\. .* …$/);
    // Near the end of the post: Pagefind's window of 24 words starts mid-sentence (its own choice, by match density).
    const [end] = await search('shaking');
    expect(shown(end!.excerpt)).toMatch(/^… .*Tree shaking drops an export nobody imports\.$/);
  });

  it('find standalone pages, titled by their own title', async () => {
    const [colophon] = await search('fonts');
    expect(colophon?.url).toBe('/blog/colophon/');
    expect(colophon?.meta.title).toBe('Colophon of the blog');
    expect(shown(colophon!.excerpt)).toBe('This blog is set in system fonts and written in Markdown.');
  });
});
