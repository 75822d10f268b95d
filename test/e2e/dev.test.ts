/**
 * `npm run dev` in a real browser: edits show up in open tabs without anyone reloading,
 * errors appear over the page and go away when fixed, CSS changes apply without navigation.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { PROJECT } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';
import { launchBrowser } from './browser.ts';

const SHOTS = path.join(PROJECT, 'test/.tmp/screenshots');
let root: string;
let dev: DevServer;
let browser: Browser;
let page: Page;

const postFile = (name: string) => path.join(root, 'content/posts', name);
const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));

beforeAll(async () => {
  root = await copySite('shapes');
  // The site gets its own stylesheet, so the test can edit it without touching the project's.
  await mkdir(path.join(root, 'static'));
  await cp(path.join(PROJECT, 'static/style.css'), path.join(root, 'static/style.css'));
  await mkdir(SHOTS, { recursive: true });
  dev = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), log: () => undefined });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
});

/** Mark the window: the mark survives only as long as the page was not reloaded. */
const markWindow = (target: Page) => target.evaluate(() => ((window as unknown as { mark: number }).mark = 42));
const windowMark = (target: Page) => target.evaluate(() => (window as unknown as { mark?: number }).mark);

describe('npm run dev in a browser', () => {
  it('shows an edited post in the open tab, keeping the scroll position', async () => {
    const file = postFile('toml-post.md');
    await edit(file, (text) => text + '\n' + 'Filler paragraph to make the page scroll.\n\n'.repeat(80));
    await page.goto(`${dev.url}posts/toml-post/`);
    await page.getByText('Filler paragraph').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 900));
    await edit(file, (text) => text.replace('After the fold.', 'After the fold, edited live.'));
    await page.getByText('After the fold, edited live.').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => window.scrollY > 800, undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800);
    await page.close();
  });

  it('adds a new post to the open home page', async () => {
    await page.goto(dev.url);
    await writeFile(postFile('arrived.md'), '---\ntitle: Freshly arrived\ndate: 2026-01-02\n---\nHello.\n');
    await page.getByRole('link', { name: 'Freshly arrived' }).first().waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('answers 404 for a deleted post', async () => {
    await writeFile(postFile('short-lived.md'), '---\ntitle: Short lived\ndate: 2026-01-03\n---\nBye.\n');
    await expect.poll(async () => (await page.goto(`${dev.url}posts/short-lived/`))?.status(), { timeout: 10_000 }).toBe(200);
    await rm(postFile('short-lived.md'));
    await expect.poll(async () => (await page.goto(`${dev.url}posts/short-lived/`))?.status(), { timeout: 10_000 }).toBe(404);
    await page.close();
  });

  it('shows broken front matter over the page, naming the file, and recovers when it is fixed', async () => {
    const file = postFile('2024/yaml-post.md');
    const good = await readFile(file, 'utf8');
    await page.goto(`${dev.url}posts/yaml-post/`);
    await writeFile(file, good.replace('date: 2024-03-02T09:30:00-05:00', 'date: 2024-13-45'));
    const overlay = page.locator('#blog-dev-overlay');
    await overlay.waitFor({ timeout: 10_000 });
    const text = await overlay.innerText();
    expect(text).toContain('content/posts/2024/yaml-post.md:3:7');
    expect(text).toContain('Invalid date "2024-13-45"');
    await page.screenshot({ path: path.join(SHOTS, 'dev-error-overlay.png') });

    await writeFile(file, good.replace('More text.', 'More text, fixed.'));
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByText('More text, fixed.').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('shows the overlay to a tab opened while the error is there', async () => {
    const file = postFile('toml-post.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('title = "TOML post"', 'title = "TOML post'));
    await expect.poll(() => dev.session().files.some((f) => f.messages.some((m) => m.fatal)), { timeout: 10_000 }).toBe(true);
    await page.goto(dev.url);
    await page.locator('#blog-dev-overlay').waitFor({ timeout: 10_000 });
    expect(await page.locator('#blog-dev-overlay').innerText()).toContain('toml-post.md:2');
    await writeFile(file, good);
    await page.locator('#blog-dev-overlay').waitFor({ state: 'detached', timeout: 10_000 });
    await page.close();
  });

  it('applies a CSS change without navigating', async () => {
    await page.goto(`${dev.url}posts/toml-post/`);
    await markWindow(page);
    const css = path.join(root, 'static/style.css');
    await writeFile(css, (await readFile(css, 'utf8')) + '\nbody { outline: 7px solid rgb(255, 0, 0); }\n');
    await page.waitForFunction(() => getComputedStyle(document.body).outlineWidth === '7px', undefined, { timeout: 10_000 });
    expect(await windowMark(page)).toBe(42);
    await page.close();
  });

  it('serves the search page, which says the index comes from a build', async () => {
    await page.goto(`${dev.url}search/?q=toml`);
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toContain('its index is made when the site is built');
    expect(await page.locator('#search-query').inputValue()).toBe('toml');
    await page.close();
  });

  it('does not reload tabs whose page did not change', async () => {
    await page.goto(`${dev.url}tags/`);
    await markWindow(page);
    await edit(postFile('toml-post.md'), (text) => text.replace('After the fold', 'After the fold (again)'));
    await expect.poll(() => dev.session().output.get('posts/toml-post/index.html') ?? '', { timeout: 10_000 }).toContain('(again)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await windowMark(page)).toBe(42);
    await page.close();
  });
});
