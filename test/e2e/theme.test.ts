/**
 * The default theme in a real Chromium at a phone's width (375 px) and a desktop's (1280 px): no
 * sideways page scroll, a header that leaves room for the content on a phone, wide tables that
 * scroll in their own box (by keyboard too), embeds that keep their shape, the dark colours from
 * the system and from the toggle without a flash, and a site's custom.css winning over the theme.
 * Pages come from test/sites/theme (German, config nav, custom.css, a wide table and an iframe)
 * and from the sample blog, built and served from /blog/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/cli.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { serveSample, serveSite, type ServedSample } from './sample-site.ts';
import { vnu, vnuErrors } from './vnu.ts';

/** The most a phone's header may take, border included: title, search and toggle in one row, the nav in a second. */
const PHONE_HEADER_MAX = 110;
const PHONE = 375;
const DESKTOP = 1280;

let theme: ServedSample;
let sample: ServedSample;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  theme = await serveSite({ root: path.join(PROJECT, 'test/sites/theme') });
  sample = await serveSample();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await theme?.close();
  await sample?.close();
});

/** One page per width and colour scheme, reused: a new context per page costs more than the checks. */
const shared = new Map<string, Page>();

/**
 * `url` in a page of the given width and system colour scheme; `fresh` gives it a context of its own
 * (a test that clicks the toggle stores a choice that would follow the others).
 */
async function open(url: string, options: { width?: number; scheme?: 'light' | 'dark'; fresh?: boolean } = {}): Promise<Page> {
  const key = `${options.width ?? PHONE} ${options.scheme ?? 'light'}`;
  let page = options.fresh ? undefined : shared.get(key);
  if (!page) {
    const context = await browser.newContext({ viewport: { width: options.width ?? PHONE, height: 800 }, colorScheme: options.scheme ?? 'light' });
    contexts.push(context);
    page = await context.newPage();
    if (!options.fresh) shared.set(key, page);
  }
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(253, 253, 252)';
const DARK_BG = 'rgb(21, 23, 26)';

describe('on a phone (375 px)', () => {
  it('no page scrolls sideways', async () => {
    for (const [site, paths] of [
      [theme, ['', 'posts/wide/', 'posts/about/', 'tags/', 'archive/', 'search/', 'authors/', 'no-such-page/']],
      [sample, ['', 'posts/looking-back-at-fosdem-2026/', 'posts/fosdem-2014-unikernels/', 'tags/', 'archive/']],
    ] as const) {
      for (const relative of paths) {
        const page = await open(site.url(relative));
        expect(await sidewaysScroll(page), relative).toBeLessThanOrEqual(0);
      }
    }
  });

  it(`keeps the header within ${PHONE_HEADER_MAX} px, in two rows`, async () => {
    for (const site of [theme, sample]) {
      const page = await open(site.url(site === theme ? 'posts/about/' : 'posts/fosdem-2020/'));
      const box = await page.locator('.site-header').boundingBox();
      expect(box!.height, site.base).toBeLessThanOrEqual(PHONE_HEADER_MAX);
      // Title, search box and toggle share the first row.
      const tops = await Promise.all(['.site-title', '.site-header .search-form input', '.theme-toggle'].map(async (selector) => (await page.locator(selector).boundingBox())!.y));
      expect(Math.max(...tops) - Math.min(...tops), site.base).toBeLessThan(20);
      // The nav scrolls inside itself when it does not fit, never the page.
      expect(await page.locator('.site-nav ul').evaluate((ul) => getComputedStyle(ul).overflowX)).toBe('auto');
    }
  });

  it('keeps "N min read" on one line', async () => {
    const page = await open(theme.url('posts/wide/'));
    const reading = page.locator('.reading-time');
    expect(await reading.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    const { height } = (await reading.boundingBox())!;
    const line = await reading.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(height).toBeLessThan(line * 1.5);
  });

  it('scrolls a wide table inside its box, by keyboard too, with a shadow at the edge it can scroll to', async () => {
    const page = await open(theme.url('posts/wide/'));
    const box = page.locator('.table-scroll');
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('radial-gradient');
    await box.focus();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('table-scroll');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  it('keeps an iframe’s width:height of 560:315 at any width', async () => {
    for (const width of [PHONE, 320, DESKTOP]) {
      const page = await open(theme.url('posts/wide/'), { width });
      const frame = (await page.locator('.post-body iframe').boundingBox())!;
      const column = (await page.locator('.post-body').boundingBox())!;
      expect(frame.width, `${width}`).toBeLessThanOrEqual(column.width + 0.5);
      expect(frame.height / frame.width, `${width}`).toBeCloseTo(315 / 560, 2);
    }
  });
});

describe('at 1280 px', () => {
  it('no page scrolls sideways, and the tagline and search button show', async () => {
    for (const relative of ['', 'posts/wide/', 'tags/']) {
      const page = await open(theme.url(relative), { width: DESKTOP });
      expect(await sidewaysScroll(page), relative).toBeLessThanOrEqual(0);
    }
    const page = await open(sample.url(''), { width: DESKTOP });
    expect(await page.locator('.site-tagline').isVisible()).toBe(true);
    expect(await page.locator('.site-header .search-form button').isVisible()).toBe(true);
  });
});

describe('colours', () => {
  it('are dark when the system is dark, light when the reader chose light with the toggle, and back', async () => {
    const page = await open(theme.url('posts/about/'), { scheme: 'dark', fresh: true });
    expect(await background(page)).toBe(DARK_BG);
    await page.locator('.theme-toggle').click();
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
    await page.locator('.theme-toggle').click();
    expect(await background(page)).toBe(DARK_BG);
  });

  it('follow a stored choice from the first paint: the theme is set before the body exists', async () => {
    const context = await browser.newContext({ viewport: { width: PHONE, height: 800 }, colorScheme: 'light' });
    contexts.push(context);
    await context.addInitScript(() => {
      localStorage.setItem('theme', 'dark');
      // Runs before any script of the page: notes the theme when <body> is first added.
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(theme.url('posts/about/'), { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe('dark');
    expect(await background(page)).toBe(DARK_BG);
  });

  it('of the site’s custom.css win over the theme’s, in both schemes', async () => {
    const accent = (page: Page) => page.locator('.read-more a').first().evaluate((a) => getComputedStyle(a).color);
    expect(await accent(await open(theme.url(''), { scheme: 'light' }))).toBe('rgb(122, 31, 162)');
    expect(await accent(await open(theme.url(''), { scheme: 'dark' }))).toBe('rgb(224, 168, 255)');
    // The default theme's own accent, where no custom.css changes it.
    expect(await accent(await open(sample.url(''), { scheme: 'light' }))).toBe('rgb(11, 92, 173)');
  });
});

describe('accessibility and markup', () => {
  it('has no serious axe violation on the theme site, on a phone and a desktop, light and dark', async () => {
    for (const relative of ['', 'posts/wide/', 'search/?q=tabelle', 'tags/']) {
      for (const [width, scheme] of [[PHONE, 'light'], [DESKTOP, 'dark']] as const) {
        const page = await open(theme.url(relative), { width, scheme });
        const violations = await seriousViolations(page);
        expect(formatViolations(violations), `${relative} ${width} ${scheme}`).toBe('');
      }
    }
  });

  it('passes the W3C Nu HTML Checker on every page of the theme site', async () => {
    const errors = vnuErrors(await vnu(theme.out), theme.out);
    expect(errors.join('\n'), `${errors.length} HTML errors`).toBe('');
  });
});
