/**
 * Issue 17's site: one-line custom.css, a config nav, an About page, a head hook and `language: de`,
 * and a post holding what real posts hold (a 2,400 px photo, math, a Mermaid diagram, a YouTube
 * embed, a 12-column table). In Chromium at 375 and 1280 px, light and dark: no sideways scroll, no
 * layout shift (CLS measured in the page: 0), math typeset in KaTeX's fonts, the diagram drawn;
 * the W3C checker and axe clean on every page type. Screenshots go to test-results/screenshots/.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, runCli, tempDir } from '../helpers/cli.ts';
import { photoJpeg } from '../media/images-photo.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { SCREENSHOTS, serveSite, type ServedSample } from './sample-site.ts';
import { vnu, vnuErrors } from './vnu.ts';

let site: ServedSample;
let browser: Browser;
let root: string;

beforeAll(async () => {
  root = await tempDir('showcase-');
  await cp(path.join(PROJECT, 'test/sites/showcase'), root, { recursive: true });
  await writeFile(path.join(root, 'content/posts/alles-drin/photo.jpg'), await photoJpeg(2400, 1600));
  site = await serveSite({ root, mount: '/' });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The page at `relative`, with layout shifts summed from the first paint on (as CLS counts them, without input). */
async function open(relative: string, width: number, scheme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(site.url(relative), { waitUntil: 'load' });
  return page;
}

describe('the showcase post', () => {
  describe.each([375, 1280])('at %i px', (width) => {
    it.each(['light', 'dark'] as const)('in %s: no sideways scroll, no layout shift, math and diagram drawn', async (scheme) => {
      const page = await open('posts/alles-drin/', width, scheme);
      // Every lazy image and the embed come into view, as a reader scrolling down would see them.
      await page.evaluate(async () => {
        for (let y = 0; y <= document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        }
        await Promise.all([...document.images].map((image) => (image.complete ? undefined : new Promise((resolve) => image.addEventListener('load', resolve, { once: true })))));
        window.scrollTo(0, 0);
      });
      await page.screenshot({ path: path.join(SCREENSHOTS, `showcase-${width}-${scheme}.png`), fullPage: true });
      const facts = await page.evaluate(async () => {
        await document.fonts.ready;
        const images = [...document.querySelectorAll('.post img')] as HTMLImageElement[];
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          cls: (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0),
          unsized: images.filter((image) => !image.getAttribute('width') || !image.getAttribute('height')).map((image) => image.src),
          photoWidth: images.map((image) => image.currentSrc).find((src) => /photo/.test(src)),
          formulas: document.querySelectorAll('.katex').length,
          katexFont: document.fonts.check('16px KaTeX_Main'),
          diagramNodes: document.querySelectorAll('.post svg .node').length,
          iframeRatio: (() => {
            const frame = document.querySelector('.post iframe')!.getBoundingClientRect();
            return frame.width / frame.height;
          })(),
          hook: document.querySelector('meta[name="showcase-hook"]') !== null,
          accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
        };
      });
      expect(facts.scrollWidth, 'sideways scroll').toBeLessThanOrEqual(facts.clientWidth);
      expect(facts.cls).toBe(0);
      expect(facts.unsized).toEqual([]);
      // A responsive copy, not the 2,400 px original.
      expect(facts.photoWidth).toMatch(/\.(webp|avif)$/);
      expect(facts.formulas).toBeGreaterThanOrEqual(3);
      expect(facts.katexFont).toBe(true);
      expect(facts.diagramNodes).toBeGreaterThanOrEqual(4);
      expect(facts.iframeRatio).toBeCloseTo(560 / 315, 1);
      expect(facts.hook).toBe(true);
      expect(facts.accent).toMatch(/7a1fa2|e2b8ff|122, 31, 162|226, 184, 255/i);
      await page.context().close();
    });
  });
});

describe('the showcase site', () => {
  it('re-encodes no image and starts no browser on a warm build', async () => {
    const out = path.join(await tempDir('showcase-warm-'), 'site');
    const build = (env: Record<string, string> = {}) => runCli(['build', '--root', root, '--out', out, '--base-url', 'https://example.org/'], env);
    const cold = await build();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).toMatch(/images: [1-9]\d* encoded, 0 cached/);
    // Edited text, so the build is not skipped as "nothing changed"; a browser that is not there, so
    // the diagram can only come from the cache.
    const post = path.join(root, 'content/posts/zweiter.md');
    await writeFile(post, `${await readFile(post, 'utf8')}\nNoch ein Satz.\n`);
    const warm = await build({ CHROMIUM_PATH: path.join(root, 'no-chromium-here') });
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stderr).toMatch(/images: 0 encoded, [1-9]\d* cached/);
    expect(warm.stderr).not.toContain('mermaid-not-drawn');
    expect(await readFile(path.join(out, 'posts/alles-drin/index.html'), 'utf8')).toMatch(/<figure class="diagram"[^>]*>\s*<svg/);
  }, 120_000);

  it('speaks German, links the About page from its nav', async () => {
    const page = await open('', 1280, 'light');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => page.locator('.site-nav a', { hasText: 'Über' }).getAttribute('href')).toBe('/about/');
    expect(await page.locator('main').textContent()).toContain('Weiterlesen');
    // List excerpts are text: the photo is not in them.
    expect(await page.locator('.excerpt img').count()).toBe(0);
    await page.goto(site.url('about/'));
    expect(await page.locator('h1').textContent()).toBe('Über dieses Blog');
    await page.context().close();
  });

  it('passes the W3C checker on every page', async () => {
    const errors = vnuErrors(await vnu(site.out), site.out);
    expect(errors.join('\n')).toBe('');
  }, 120_000);

  describe.each(['light', 'dark'] as const)('axe-core in %s mode', (scheme) => {
    it.each(['', 'posts/alles-drin/', 'about/', 'tags/', 'tags/medien/', 'archive/', 'authors/', 'search/', 'no-such-page/'])('finds nothing serious on /%s', async (relative) => {
      const page = await open(relative, 1280, scheme);
      const violations = await seriousViolations(page);
      await page.context().close();
      expect(formatViolations(violations)).toBe('');
    });
  });
});
