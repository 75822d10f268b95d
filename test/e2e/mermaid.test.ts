/**
 * Mermaid drawn by the machine's real Chromium at build time, and math typeset by KaTeX, on a site
 * served under /blog/: the drawings are SVG with nodes and labels, ids are unique on the page, the
 * page passes axe and the W3C checker, KaTeX's fonts load, and the second build draws from the cache.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOut, runCli, spawnCli, tempDir } from '../helpers/cli.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { vnu, vnuErrors } from './vnu.ts';

const POST = `---
title: Drawn at build time
date: 2025-01-02
---
Two diagrams and $e^{i\\pi} + 1 = 0$.

\`\`\`mermaid
graph TD
  A[Write a post] --> B{Has a diagram?}
  B -->|Yes| C[Draw it at build time]
  B -->|No| D[Publish]
\`\`\`

\`\`\`mermaid
sequenceDiagram
  accTitle: Reader and site
  Reader->>Site: GET /blog/
  Site-->>Reader: HTML with inline SVG
\`\`\`

$$
\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
$$
`;

let root = '';
let server: StaticServer;
let browser: Browser;
let html = '';

beforeAll(async () => {
  root = await tempDir('blog-mermaid-e2e-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/drawn.md'), POST);
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Diagrams', url: 'https://d.example/blog/', search: false }));
  // The compiled command in a process of its own, as a user runs it: playwright-core loads from node_modules.
  const run = await spawnCli(['build', '--root', root]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout + run.stderr).not.toContain('not drawn');
  html = await readOut(path.join(root, 'dist'), 'posts/drawn/index.html');
  server = await startStaticServer('/blog/', path.join(root, 'dist'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Mermaid in real Chromium', () => {
  it('draws each diagram as inline SVG with its nodes and labels', () => {
    expect(html.match(/<figure class="diagram"><svg role="img"/g)).toHaveLength(2);
    expect(html).not.toContain('data-lang="mermaid"');
    expect(html.match(/class="[^"]*\bnode\b[^"]*"/g)?.length).toBeGreaterThanOrEqual(4);
    // SVG text, a word per tspan: the label reads whole once the tags are gone.
    expect(html.replace(/<[^>]+>/g, '')).toContain('Draw it at build time');
    expect(html).toContain('aria-label="Diagram: Reader and site"');
  });

  it('shows the drawings and the math on the page, with unique ids, clean for axe', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme: 'dark' });
    const fonts: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fonts.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.origin}/blog/posts/drawn/`);
    await page.evaluate(() => document.fonts.ready);
    const shown = await page.evaluate(() => ({
      diagrams: [...document.querySelectorAll('figure.diagram svg')].map((svg) => svg.getBoundingClientRect().width),
      // Dark greys on their own white, whatever the page's colours.
      grounds: [...document.querySelectorAll('figure.diagram svg')].map((svg) => getComputedStyle(svg).backgroundColor),
      duplicateIds: [...document.querySelectorAll('[id]')].map((element) => element.id).filter((id, index, ids) => ids.indexOf(id) !== index),
      katex: document.querySelectorAll('.katex').length,
      widest: document.documentElement.scrollWidth,
    }));
    expect(shown.diagrams).toHaveLength(2);
    for (const width of shown.diagrams) expect(width).toBeGreaterThan(50);
    expect(shown.grounds).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
    expect(shown.duplicateIds).toEqual([]);
    expect(shown.katex).toBe(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((line) => line.startsWith('200 '))).toBe(true);
    const violations = await seriousViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });

  it('passes the W3C checker', async () => {
    const errors = vnuErrors(await vnu(path.join(root, 'dist/posts/drawn')), path.join(root, 'dist'));
    expect(errors.join('\n')).toBe('');
  });

  it('draws from the cache on the next build, with no Chromium at all', async () => {
    await writeFile(path.join(root, 'content/posts/drawn.md'), POST.replace('Two diagrams', 'Two cached diagrams'));
    const run = await runCli(['build', '--root', root], { CHROMIUM_PATH: path.join(root, 'no-chromium') });
    expect(run.code, run.stderr).toBe(0);
    const again = await readOut(path.join(root, 'dist'), 'posts/drawn/index.html');
    expect(again).toContain('Two cached diagrams');
    expect(again.match(/<figure class="diagram"><svg role="img"/g)).toHaveLength(2);
  });
});
