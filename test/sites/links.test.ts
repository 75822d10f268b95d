/**
 * What a post links to, built into a real dist/: files next to posts (shared by two posts, scripts,
 * stylesheets) are copied beside every page that uses them, and every URL leads where it should.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, runCli, type BuiltSite } from '../helpers/cli.ts';
import { byTag, parseHtml, text } from '../helpers/html.ts';
import { copySite } from '../helpers/site-copy.ts';

const ROOT = path.join(PROJECT, 'test/sites/links');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(['--root', ROOT]);
});

/** The `attribute` of every `tag` of a built page. */
const urls = async (file: string, tag: string, attribute: string) => byTag(parseHtml(await site.read(file)), tag).map((element) => String(element.properties[attribute]));

/** The output file a root-relative URL of this site (at /blog/) is served from. */
const served = (url: string) => path.join(site.out, decodeURIComponent(url.replace(/^\/blog\//, '')));

describe('files next to posts', () => {
  it('builds', () => {
    expect(site.run.code, site.run.stderr).toBe(0);
  });

  it('copies a file two posts of one folder use beside both pages, and each page finds it', async () => {
    for (const post of ['a', 'b']) {
      const [src] = await urls(`posts/${post}/index.html`, 'img', 'src');
      expect(src).toBe(`/blog/posts/${post}/shared.png`);
      expect(existsSync(served(src!)), src).toBe(true);
    }
    expect(jsonMessages(site.run).filter((message) => message.message.includes('shared.png'))).toEqual([]);
  });

  it('copies a script and a stylesheet next to a post, and links them where they are copied', async () => {
    const [script] = await urls('posts/a/index.html', 'script', 'src').then((srcs) => srcs.filter((src) => src.includes('chart')));
    expect(script).toBe('/blog/posts/a/chart.js');
    expect(existsSync(served(script!))).toBe(true);
    const stylesheets = await urls('posts/a/index.html', 'link', 'href').then((hrefs) => hrefs.filter((href) => href.includes('chart')));
    expect(stylesheets).toEqual(['/blog/posts/a/chart.css']);
    expect(existsSync(served(stylesheets[0]!))).toBe(true);
  });

  it('warns, positioned, about a script that is not there', () => {
    expect(jsonMessages(site.run).filter((message) => message.rule === 'missing-asset')).toEqual([
      expect.objectContaining({ file: 'test/sites/links/content/posts/a.md', line: 14, column: 1, severity: 'warning', message: expect.stringContaining('./gone.js') }),
    ]);
  });
});

describe("Zola's internal links", () => {
  it('lead to the post, and to its heading, under the base path', async () => {
    const tree = parseHtml(await site.read('posts/a/index.html'));
    const links = byTag(tree, 'a').filter((a) => ['the second post', 'its part'].includes(text(a)));
    expect(links.map((a) => a.properties.href)).toEqual(['/blog/posts/b/', '/blog/posts/b/#part']);
    expect(await site.read('posts/b/index.html')).toContain('id="part"');
  });

  it('are broken links when they name no post, with the path this blog keeps posts under', async () => {
    const root = await copySite('links');
    await writeFile(path.join(root, 'content/posts/c.md'), '---\ntitle: C\ndate: 2024-01-03\n---\n\n[From content/](@/b.md) and [nowhere](@/posts/nope.md).\n');
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(jsonMessages(run).filter((message) => message.file.endsWith('c.md'))).toEqual([
      expect.objectContaining({ line: 6, column: 1, severity: 'error', rule: 'broken-link', message: 'Link to a post that does not exist or is not published: @/b.md (did you mean @/posts/b.md?)' }),
      expect.objectContaining({ line: 6, column: 29, severity: 'error', rule: 'broken-link', message: 'Link to a post that does not exist or is not published: @/posts/nope.md' }),
    ]);
  });
});

describe('externalPaths', () => {
  it('leaves links under them as written: no base path, since another part of the host serves them', async () => {
    expect(await urls('posts/b/index.html', 'a', 'href')).toContain('/api/v1/users');
    expect(jsonMessages(site.run).filter((message) => message.message.includes('/api/'))).toEqual([]);
  });

  it('does not check them on a site at the root of its host either', async () => {
    const run = await runCli(['check', '--root', ROOT, '--base-url', 'https://example.org/', '--format', 'json']);
    expect(jsonMessages(run).filter((message) => message.message.includes('/api/'))).toEqual([]);
  });
});
