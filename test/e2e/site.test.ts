/**
 * The built sample blog in a real Chromium, served from a sub-path (`/blog/`) by a real HTTP
 * server: no broken internal link or asset, no serious accessibility violation in light and dark
 * mode, search finds a post through the Pagefind index of the build, and screenshots of the main
 * pages (saved to test-results/screenshots/) show their heading, with no sideways scrolling on a phone.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { crawl } from './crawl.ts';
import { SCREENSHOTS, serveSample, type ServedSample } from './sample-site.ts';

let site: ServedSample;
let browser: Browser;

/** The kinds of pages a reader meets, as site-relative paths of the sample blog. */
let pages: Record<'home' | 'post' | 'tag' | 'author' | 'archive' | 'search' | 'notFound', string>;

beforeAll(async () => {
  site = await serveSample();
  const first = (prefix: string) => {
    const file = site.files.find((name) => name.startsWith(prefix) && name.endsWith('/index.html') && name.split('/').length === 3);
    if (!file) throw new Error(`The sample blog has no ${prefix}*/index.html`);
    return file.slice(0, -'index.html'.length);
  };
  pages = {
    home: '',
    post: 'posts/looking-back-at-fosdem-2026/',
    tag: first('tags/'),
    author: first('authors/'),
    archive: 'archive/',
    search: 'search/?q=fosdem',
    notFound: 'no-such-page/',
  };
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page in a fresh context: `scheme` emulates `prefers-color-scheme`. */
async function open(relative: string, options: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ context: BrowserContext; page: Page; status: number }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.scheme ?? 'light' });
  const page = await context.newPage();
  const response = await page.goto(site.url(relative), { waitUntil: 'load' });
  return { context, page, status: response?.status() ?? 0 };
}

describe('the sample blog served from /blog/', () => {
  it('has no broken internal link, image, stylesheet or script', async () => {
    const result = await crawl(site.base);
    // Every page of the build is reachable (404.html is what the server answers for unknown paths).
    const built = site.files.filter((file) => file.endsWith('index.html')).map((file) => site.url(file.slice(0, -'index.html'.length)));
    expect(built.filter((url) => !result.pages.includes(url)).join('\n'), 'pages no link leads to').toBe('');
    // The sample posts name images that are not there, on purpose; the build reports each as `missing-asset`.
    // Those are the content's problems, already reported to the author; anything else is the generator's.
    const missing = site.messages.filter((message) => message.rule === 'missing-asset').map((message) => message.message);
    const reported = (url: string) => missing.some((message) => message.includes(path.posix.basename(new URL(url).pathname)));
    expect(missing.length).toBeGreaterThan(0);
    const broken = result.broken
      .filter((ref) => !(ref.element.startsWith('<img') && reported(ref.url)))
      .map((ref) => `${new URL(ref.page).pathname}: ${ref.element} → ${new URL(ref.url).pathname} (${ref.status})`);
    expect(broken.join('\n'), `${broken.length} broken references`).toBe('');
  });

  describe.each(['light', 'dark'] as const)('axe-core in %s mode', (scheme) => {
    it.each(['home', 'post', 'tag', 'author', 'archive', 'search', 'notFound'] as const)('finds no serious or critical violation on the %s page', async (kind) => {
      const { context, page, status } = await open(pages[kind], { scheme });
      expect(status).toBe(kind === 'notFound' ? 404 : 200);
      if (kind === 'search') await page.locator('#search-results li').first().waitFor({ timeout: 10_000 });
      const violations = await seriousViolations(page);
      await context.close();
      expect(formatViolations(violations), `${pages[kind]} (${scheme})`).toBe('');
    });
  });
});

describe('search', () => {
  it('shows the expected post for a query typed into the search box', async () => {
    const { context, page } = await open(pages.home);
    const box = page.getByRole('search').first().getByRole('searchbox');
    await box.fill('unikernels');
    await box.press('Enter');
    await page.waitForURL(/\/blog\/search\/\?q=unikernels$/);
    const result = page.locator('#search-results').getByRole('link').first();
    await result.waitFor({ timeout: 10_000 });
    expect(new URL(await result.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe('/blog/posts/fosdem-2014-unikernels/');
    await expect.poll(() => page.locator('#search-status').innerText()).toMatch(/1 post matches “unikernels”/);
    // The excerpt marks the match.
    expect(await page.locator('#search-results mark').first().innerText()).toMatch(/unikernels/i);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png'), fullPage: true });
    await context.close();
  });

  it('searches as the reader types on the search page, and leads to the post', async () => {
    const { context, page } = await open('search/');
    const input = page.locator('#search-query');
    await input.pressSequentially('Mailpile', { delay: 20 });
    const result = page.locator('#search-results').getByRole('link').first();
    await result.waitFor({ timeout: 10_000 });
    expect(page.url()).toBe(site.url('search/?q=Mailpile'));
    await result.click();
    await page.waitForURL(site.url('posts/fosdem-2014-unikernels/'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { context, page } = await open('search/?q=zzxqjv');
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toContain('No posts match');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await context.close();
  });
});

describe('screenshots', () => {
  const shots = [
    { name: 'home', kind: 'home' },
    { name: 'post', kind: 'post' },
    { name: 'tag', kind: 'tag' },
    { name: 'home-dark', kind: 'home', scheme: 'dark' },
    { name: 'post-dark', kind: 'post', scheme: 'dark' },
    { name: 'home-phone', kind: 'home', width: 390 },
    { name: 'post-phone', kind: 'post', width: 390 },
  ] as const;

  it.each(shots)('$name: the page heading is visible and nothing scrolls sideways', async (shot) => {
    const { context, page } = await open(pages[shot.kind], { scheme: 'scheme' in shot ? shot.scheme : 'light', width: 'width' in shot ? shot.width : 1280 });
    const heading = page.getByRole('heading', { level: 1 }).first();
    expect(await heading.isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${shot.name}.png`), fullPage: true });
    const overflow = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
    await context.close();
    expect(overflow.scroll, `${shot.name}: page is ${overflow.scroll}px wide in a ${overflow.inner}px window`).toBeLessThanOrEqual(overflow.inner);
  });

  it('dark mode changes the page colours', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const { context, page } = await open(pages.home, { scheme });
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await context.close();
      return colour;
    };
    expect(await background('dark')).not.toBe(await background('light'));
  });

  it('no page of the phone layout scrolls sideways at 390 px', async () => {
    const wide: string[] = [];
    for (const relative of [pages.tag, pages.author, pages.archive, 'search/', 'tags/', 'authors/', ...site.files.filter((f) => f.startsWith('posts/') && f.endsWith('/index.html')).map((f) => f.slice(0, -10))]) {
      const { context, page } = await open(relative, { width: 390 });
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
      if (scroll > inner) wide.push(`${relative}: ${scroll}px`);
      await context.close();
    }
    expect(wide.join('\n')).toBe('');
  });
});
