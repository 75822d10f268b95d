/**
 * What a post links to, built into a real dist/: files next to posts (shared by two posts, scripts,
 * stylesheets) are copied beside every page that uses them, and every URL leads where it should.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, type BuiltSite } from '../helpers/cli.ts';
import { byTag, parseHtml } from '../helpers/html.ts';

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
      expect.objectContaining({ file: 'test/sites/links/content/posts/a.md', line: 12, column: 1, severity: 'warning', message: expect.stringContaining('./gone.js') }),
    ]);
  });
});
