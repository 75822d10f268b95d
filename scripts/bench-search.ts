/**
 * Query latency of the search page in real Chromium: the time from typing a query to its first
 * result, on a built site (an index in one part or in several: src/search/parts.ts).
 *
 *   npx tsx scripts/bench-search.ts --dist /tmp/site4000/dist [--dist /tmp/other/dist] [--runs 9] [--query waffles] [--query …]
 *
 * Several `--dist` are measured in alternation (A B A B …), each run on each, so that a busy
 * moment of the shared machine falls on all of them alike.
 * The site is served at `/` (build it without `--base-url`). Each run opens a fresh browser context
 * (empty HTTP cache) on the search page and waits until its script has loaded the index (network
 * idle), then types the query: "typed" is from the input event to the first result in the list
 * (the page's 200 ms debounce included, as a reader feels it). "opened" is a fresh context opening
 * `search/?q=…`, from navigation start to the first result (index loading included).
 * Prints the median and spread of each, per query, and for "opened" the requests and bytes the
 * page fetched until the first result (these do not depend on the machine's load). Uses playwright-core with Debian's Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium), as the e2e tests do.
 */
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/browser.ts';
import { startStaticServer } from '../test/e2e/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', multiple: true },
    runs: { type: 'string', default: '9' },
    query: { type: 'string', multiple: true },
  },
});
if (!values.dist?.length) throw new Error('--dist <built site> is required');
const dists = values.dist;
const runs = Number(values.runs);
// Words of scripts/generate-site.ts's vocabulary: one in nearly every post, two together, and a post number (one post's title).
const queries = values.query ?? ['waffles', 'kubernetes governance', '2718'];

/** Milliseconds from the page's input event to the first result item, the page already loaded. */
async function typed(browser: Browser, origin: string, query: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
  const ms = await page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const list = document.getElementById('search-results')!;
        const input = document.getElementById('search-query') as HTMLInputElement;
        const start = performance.now();
        new MutationObserver((_, observer) => {
          if (!list.querySelector('li')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        }).observe(list, { childList: true });
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
  await context.close();
  return ms;
}

/** Milliseconds from navigation start of `search/?q=` to the first result item, and what was fetched until then. */
async function opened(browser: Browser, origin: string, query: string): Promise<{ ms: number; requests: number; bytes: number }> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  let requests = 0;
  let bytes = 0;
  let counting = true;
  page.on('response', (response) => {
    if (!counting) return;
    requests++;
    void response.body().then((body) => void (bytes += body.length), () => undefined);
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
  counting = false;
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return { ms, requests, bytes };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const summary = (list: number[]) => `${median(list).toFixed(0)} ms (min ${Math.min(...list).toFixed(0)}, max ${Math.max(...list).toFixed(0)})`;

const servers = await Promise.all(dists.map((dist) => startStaticServer('/', dist)));
const browser = await launchBrowser();
try {
  for (const query of queries) {
    const typedMs = dists.map((): number[] => []);
    const openedMs = dists.map((): number[] => []);
    const fetched = dists.map(() => '');
    for (let i = 0; i < runs; i++) {
      for (const [d, server] of servers.entries()) {
        typedMs[d]!.push(await typed(browser, server.origin, query));
        const open = await opened(browser, server.origin, query);
        openedMs[d]!.push(open.ms);
        fetched[d] = `${open.requests} requests, ${(open.bytes / 1024).toFixed(0)} KiB`;
      }
    }
    for (const [d, dist] of dists.entries()) {
      console.log(`${dist} ${JSON.stringify(query)}: typed → first result ${summary(typedMs[d]!)}; opened → first result ${summary(openedMs[d]!)} (${fetched[d]})`);
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
}
