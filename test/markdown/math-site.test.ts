/**
 * Math across a built site under a sub-path: KaTeX's stylesheet (fonts as WOFF2 alone) in the
 * output and linked from the pages with math only; feeds carry MathML; a site without math gets
 * none of KaTeX's files.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkHref, parseHtml } from '../helpers/html.ts';
import { listFiles, readOut, runCli, tempDir } from '../helpers/cli.ts';

const WITH_MATH = `---
title: With math
date: 2025-01-03
---
The area is $\\pi r^2$.

$$
\\int_0^1 x\\,dx = \\frac{1}{2}
$$
`;

const WITHOUT = `---
title: Without math
date: 2025-01-02
---
It costs $5 and $10.
`;

async function buildSite(posts: Record<string, string>): Promise<string> {
  const root = await tempDir('blog-math-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  for (const [name, text] of Object.entries(posts)) await writeFile(path.join(root, 'content/posts', name), text);
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'M', url: 'https://m.example/blog/', search: false }));
  const run = await runCli(['build', '--root', root, '--out', path.join(root, 'dist')]);
  expect(run.code, run.stderr).toBe(0);
  return path.join(root, 'dist');
}

const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]!);

describe('a site with math', () => {
  let dist = '';
  let files: string[] = [];
  beforeAll(async () => {
    dist = await buildSite({ 'with-math.md': WITH_MATH, 'without.md': WITHOUT });
    files = await listFiles(dist);
  }, 60_000);

  it("links KaTeX's stylesheet, under the base path, from the pages with math only", async () => {
    const katex = stylesheets(await readOut(dist, 'posts/with-math/index.html')).filter((href) => href.includes('katex'));
    expect(katex).toEqual([expect.stringMatching(/^\/blog\/assets\/katex-\d+\.\d+\.\d+\/katex\.min\.css$/)]);
    expect(files).toContain(katex[0]!.slice('/blog/'.length));
    for (const page of ['posts/without/index.html', 'index.html', 'archive/index.html']) {
      expect(stylesheets(await readOut(dist, page)).some((href) => href.includes('katex')), page).toBe(false);
    }
  });

  it('ships the stylesheet with WOFF2 fonts alone, every one it names', async () => {
    const css = files.find((file) => file.endsWith('katex.min.css'))!;
    const text = await readOut(dist, css);
    const fonts = [...text.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) {
      expect(font).toMatch(/^fonts\/KaTeX_[\w-]+\.woff2$/);
      expect(existsSync(path.join(dist, path.dirname(css), font)), font).toBe(true);
    }
    expect(files.filter((file) => /\.(?:woff|ttf)$/.test(file))).toEqual([]);
  });

  it('puts MathML alone in feeds, and keeps prices as text', async () => {
    const rss = await readOut(dist, 'rss.xml');
    expect(rss).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
    expect(rss).not.toContain('katex-html');
    expect(rss).toContain('It costs $5 and $10.');
    // The list page shows the excerpt's math as MathML, without the stylesheet.
    const home = await readOut(dist, 'index.html');
    expect(home).toContain('<math');
    expect(home).not.toContain('katex-html');
    expect(linkHref(parseHtml(home), 'canonical')).toBe('https://m.example/blog/');
  });
});

describe('a site without math', () => {
  it("has none of KaTeX's files", async () => {
    const dist = await buildSite({ 'without.md': WITHOUT });
    expect((await listFiles(dist)).filter((file) => file.includes('katex'))).toEqual([]);
  }, 60_000);
});
