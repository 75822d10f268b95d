/**
 * Standalone pages and list thumbnails (test/sites/pages) in the checks every page type passes: the
 * W3C Nu HTML Checker finds no error on any page, and axe no serious or critical violation on a
 * page (about/, team/ with its date) or a list with a thumbnail (the home and tag pages), in real Chromium.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/cli.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { serveSite, type ServedSample } from './sample-site.ts';
import { vnu, vnuErrors } from './vnu.ts';

let site: ServedSample;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ root: path.join(PROJECT, 'test/sites/pages') });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('standalone pages and list thumbnails', () => {
  it('pass the W3C Nu HTML Checker', async () => {
    expect(site.files).toEqual(expect.arrayContaining(['about/index.html', 'team/index.html']));
    const errors = vnuErrors(await vnu(site.out), site.out);
    expect(errors.join('\n'), `${errors.length} HTML errors`).toBe('');
  });

  it.each(['about/', 'team/', '', 'tags/intro/'])('pass axe at /%s', async (relative) => {
    const page = await browser.newPage();
    // The thumbnail's image is on another host: the check is about the markup, not the picture.
    await page.route((url) => !url.href.startsWith(site.base), (route) => route.abort());
    await page.goto(site.url(relative));
    expect(formatViolations(await seriousViolations(page))).toBe('');
    await page.close();
  });
});
