/**
 * `.mdx` posts (Astro, Docusaurus) are posts like `.md` ones: read, given their URL, listed, linked
 * to by `./x.mdx`, in the feeds and the sitemap, with their components as static HTML.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOut, runCli, tempDir } from '../helpers/cli.ts';

const MDX_POST = `---
title: Tabs in MDX
pubDate: 2025-03-01
tags: [mdx]
---
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

An Astro or Docusaurus post with tabs.{' '}

{/* truncate */}

## Install {#install}

<Tabs>
  <TabItem value="npm" label="npm">
    Run npm.
  </TabItem>
  <TabItem value="yarn" label="Yarn">
    Run Yarn.
  </TabItem>
</Tabs>
`;

const MD_POST = `---
title: Plain post
date: 2025-02-01
---
See [the MDX post](./2025-03-01-tabs.mdx#install).
`;

describe('an .mdx post in a site', () => {
  let out = '';
  let stderr = '';
  beforeAll(async () => {
    const root = await tempDir('blog-mdx-');
    await mkdir(path.join(root, 'content/posts'), { recursive: true });
    await writeFile(path.join(root, 'content/posts/2025-03-01-tabs.mdx'), MDX_POST);
    await writeFile(path.join(root, 'content/posts/plain.md'), MD_POST);
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'S', url: 'https://s.example/' }));
    out = path.join(root, 'dist');
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    stderr = run.stderr;
  }, 60_000);

  it('is built at the URL its file name gives, with its components as HTML', async () => {
    const page = await readOut(out, 'posts/tabs/index.html');
    expect(page).toContain('<h1');
    expect(page).toContain('Tabs in MDX');
    expect(page).toContain('<div class="tabs"><details class="tab" open><summary>npm</summary>');
    expect(page).toContain('id="install"');
    expect(page).not.toMatch(/import Tabs|\{' '\}|\{\/\*|<TabItem/);
  });

  it('is listed on the home page, its tag page and in the feed, with its excerpt', async () => {
    const home = await readOut(out, 'index.html');
    expect(home).toContain('href="/posts/tabs/"');
    expect(home).toContain('An Astro or Docusaurus post with tabs.');
    expect(home).not.toContain('Run npm.');
    expect(await readOut(out, 'tags/mdx/index.html')).toContain('href="/posts/tabs/"');
    expect(await readOut(out, 'rss.xml')).toContain('https://s.example/posts/tabs/');
    expect(await readOut(out, 'sitemap.xml')).toContain('https://s.example/posts/tabs/');
  });

  it('is what a link to its .mdx file leads to', async () => {
    expect(await readOut(out, 'posts/plain/index.html')).toContain('href="/posts/tabs/#install"');
    expect(stderr).not.toMatch(/\b(?:broken-link|broken-anchor|mdx-expression|mdx-syntax|unknown-component)\b/);
  });
});
