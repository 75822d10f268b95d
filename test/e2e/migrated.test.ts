/**
 * The blogs migrated from other generators (test/sites/migrate-*), built and served from their own
 * base paths in a real Chromium: every page passes the Nu HTML Checker, no internal link or asset
 * is broken (paths the config names in `externalPaths` live elsewhere; links to old pages that were
 * never posts are the content's, reported by the build), and the posts that hold
 * converted markup (callouts, tabs, figures, embeds) have no serious axe violation in light and dark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/cli.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { crawl } from './crawl.ts';
import { serveSite, type ServedSample } from './sample-site.ts';
import { vnu, vnuErrors } from './vnu.ts';

const GENERATORS = ['hugo', 'zola', 'jekyll', 'eleventy', 'docusaurus', 'astro'];

/** Markup that came from another generator's syntax: the pages worth an accessibility check. */
const CONVERTED = /class="(?:callout|tabs)[ "]|<figure|<iframe|<details/;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(GENERATORS)('the blog migrated from %s', (generator) => {
  const root = path.join(PROJECT, `test/sites/migrate-${generator}`);
  const config = JSON.parse(readFileSync(path.join(root, 'site.config.json'), 'utf8')) as { url: string; externalPaths?: string[] };
  const mount = new URL(config.url).pathname;
  let site: ServedSample;

  beforeAll(async () => {
    site = await serveSite({ root, mount });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('passes the Nu HTML Checker on every page', async () => {
    const errors = vnuErrors(await vnu(site.out), site.out);
    expect(errors.join('\n'), `${errors.length} HTML errors`).toBe('');
  });

  it('has no broken internal link, image, stylesheet or script', async () => {
    const result = await crawl(site.base);
    const elsewhere = (url: string) => (config.externalPaths ?? []).some((prefix) => new URL(url).pathname.startsWith(prefix));
    // Links to pages of the old site that were never posts (`/about/`) are the content's, and the build said so.
    const reported = (url: string) => site.messages.some((m) => m.rule === 'broken-link' && m.message.includes(new URL(url).pathname));
    const broken = result.broken.filter((ref) => !elsewhere(ref.url) && !(ref.element.startsWith('<a') && reported(ref.url))).map((ref) => `${new URL(ref.page).pathname}: ${ref.element} → ${new URL(ref.url).pathname} (${ref.status})`);
    expect(broken.join('\n'), `${broken.length} broken references`).toBe('');
  });

  it('has no serious axe violation on the posts with converted markup, light or dark', async () => {
    const pages: string[] = [];
    for (const file of site.files.filter((name) => name.endsWith('/index.html'))) {
      if (CONVERTED.test(readFileSync(path.join(site.out, file), 'utf8'))) pages.push(file.slice(0, -'index.html'.length));
    }
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      for (const relative of pages) {
        const page = await context.newPage();
        await page.goto(site.url(relative), { waitUntil: 'load' });
        const violations = await seriousViolations(page);
        if (violations.length > 0) found.push(`${relative} (${scheme}):\n${formatViolations(violations)}`);
        await page.close();
      }
      await context.close();
    }
    expect(found.join('\n')).toBe('');
  });
});

describe('callouts in a real browser', () => {
  let site: ServedSample;

  beforeAll(async () => {
    site = await serveSite({ root: path.join(PROJECT, 'test/sites/migrate-docusaurus'), mount: '/' });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('shows each kind in a colour of its own, in light and dark mode', async () => {
    const file = site.files.find((name) => name.endsWith('/index.html') && readFileSync(path.join(site.out, name), 'utf8').split('class="callout callout-').length > 3);
    expect(file, 'a post with three callouts or more').toBeDefined();
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url(file!.slice(0, -'index.html'.length)), { waitUntil: 'load' });
      const kinds = await page.locator('.callout').evaluateAll((elements) => elements.map((element) => element.className));
      const colours = await page.locator('.callout .callout-title').evaluateAll((elements) => elements.map((element) => getComputedStyle(element).color));
      await context.close();
      const byKind = new Map(kinds.map((kind, i) => [kind, colours[i]]));
      expect(new Set(byKind.values()).size, `${scheme}: ${[...byKind].join(', ')}`).toBe(byKind.size);
    }
  });
});
