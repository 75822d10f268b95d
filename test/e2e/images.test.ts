/**
 * Responsive images in a real Chromium: the images fixture site (an 820 px photo in the body, a
 * 520 px hero) built and served from /blog/. On a phone and on a desktop the browser takes the AVIF
 * copy that fits the column, the boxes are reserved before the files arrive (cumulative layout
 * shift 0) and nothing scrolls sideways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../helpers/site-copy.ts';
import { launchBrowser } from './browser.ts';
import { serveSite, type ServedSample } from './sample-site.ts';

let site: ServedSample;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ root: await copySite('images') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('responsive images in the browser', () => {
  it.each([
    [375, '480'],
    [1280, '800'],
  ])('at %i px: the AVIF copy %s px wide, no layout shift, no sideways scroll', async (width, chosen) => {
    const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    // Layout shifts from the first paint on, buffered so none is missed before the page script runs.
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url('posts/holiday/'), { waitUntil: 'load' });
    await page.locator('.post-body picture img').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('picture img')].every((img) => (img as HTMLImageElement).complete));
    const facts = await page.evaluate(() => {
      const body = document.querySelector('.post-body picture img') as HTMLImageElement;
      const hero = document.querySelector('.post-hero img') as HTMLImageElement;
      return {
        body: body.currentSrc.replace(/^.*\//, ''),
        hero: hero.currentSrc.replace(/^.*\//, ''),
        ratio: body.getBoundingClientRect().height / body.getBoundingClientRect().width,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        cls: (window as unknown as { cls: number }).cls,
      };
    });
    expect(facts.body).toMatch(new RegExp(`^beach-${chosen}\\.[0-9a-f]{10}\\.avif$`));
    expect(facts.hero).toMatch(/^hero-480\.[0-9a-f]{10}\.avif$/);
    expect(facts.ratio).toBeCloseTo(546 / 820, 2);
    expect(facts.overflow).toBe(0);
    expect(facts.cls).toBe(0);
    await page.close();
  });
});
