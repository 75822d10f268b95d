/**
 * Search over a site indexed in several Pagefind indexes (src/search/pages-per-index.ts: big sites get
 * one index per 10,000 pages). The sample blog, split two pages to an index, in real Chromium:
 * the search page merges the parts and finds posts in each as one index finds them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveSample, type ServedSample } from './sample-site.ts';

let site: ServedSample;
let browser: Browser;

beforeAll(async () => {
  site = await serveSample({ BLOGSMITH_SEARCH_PAGES_PER_INDEX: '2' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The search page's status line and result links for `query`. */
async function search(query: string): Promise<{ status: string; links: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toMatch(/match/);
  const status = await page.locator('#search-status').innerText();
  const links = await page.locator('#search-results a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await context.close();
  expect(errors).toEqual([]);
  return { status, links };
}

describe('a search index in parts', () => {
  it('has three indexes for five posts, the others named in parts.json', async () => {
    expect(JSON.parse(await readFile(path.join(site.out, 'pagefind/parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/']);
    for (const part of ['pagefind/', 'pagefind/part-2/', 'pagefind/part-3/']) expect(site.files).toContain(`${part}pagefind-entry.json`);
  });

  it('finds a post of the first index and one of the last', async () => {
    expect(await search('unikernels')).toMatchObject({ links: ['/blog/posts/fosdem-2014-unikernels/'] });
    expect((await search('OpenInfra')).links).toContain('/blog/posts/openinfra-at-fosdem-2026/');
  });

  it('lists matches from every index together', async () => {
    const { status, links } = await search('fosdem');
    expect(new Set(links)).toEqual(
      new Set(['fosdem-2014-unikernels', 'fosdem-2020', 'fosdem-2025', 'looking-back-at-fosdem-2026', 'openinfra-at-fosdem-2026'].map((slug) => `/blog/posts/${slug}/`)),
    );
    expect(status).toMatch(/^5 posts match/);
  });
});
