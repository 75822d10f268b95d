/**
 * What a post links to, built into a real dist/: files next to posts (shared by two posts, scripts,
 * stylesheets) are copied beside every page that uses them; Zola's `@/` links lead to the posts;
 * links to paths the blog does not own are warnings summed up per prefix, unless `externalPaths`
 * names them; links under the blog's own paths that lead nowhere stay errors.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, runCli, type BuiltSite, type CliRun } from '../helpers/cli.ts';
import type { JsonMessage } from '../../src/report.ts';
import { byTag, parseHtml, text } from '../helpers/html.ts';
import { copySite } from '../helpers/site-copy.ts';

const ROOT = path.join(PROJECT, 'test/sites/links');
let site: BuiltSite;

/** The errors of a check of this site with one more post, c.md, full of links that lead nowhere. */
let errors: JsonMessage[];
/** Its broken-anchor errors. */
let anchors: JsonMessage[];

const BROKEN = `---
title: C
date: 2024-01-03
---

[From content/](@/b.md) and [nowhere](@/posts/nope.md), [no such heading](@/posts/b.md#nope).

The blog's own paths: [a post](/posts/nope/), [a tag](/tags/nope/), [a page](/page/9/), [a file](/posts/b/nope.png), [a source](/docs/intro.md).
`;

beforeAll(async () => {
  const root = await copySite('links');
  await writeFile(path.join(root, 'content/posts/c.md'), BROKEN);
  let broken: CliRun;
  [site, broken] = await Promise.all([buildSite(['--root', ROOT]), runCli(['check', '--root', root, '--format', 'json'])]);
  expect(broken.code).toBe(1);
  const messages = jsonMessages(broken).filter((message) => message.file.endsWith('c.md'));
  errors = messages.filter((message) => message.rule === 'broken-link');
  anchors = messages.filter((message) => message.rule === 'broken-anchor');
  for (const error of [...errors, ...anchors]) expect(error.severity).toBe('error');
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
    expect(errors.filter((message) => message.message.includes('@/'))).toEqual([
      expect.objectContaining({ line: 6, column: 1, message: 'Link to a post that does not exist or is not published: @/b.md (did you mean @/posts/b.md?)' }),
      expect.objectContaining({ line: 6, column: 29, message: 'Link to a post that does not exist or is not published: @/posts/nope.md' }),
    ]);
  });

  it("check their #fragment against the post's headings", () => {
    expect(anchors.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual(['6:57 Broken anchor #nope: no heading or element with that id on /blog/posts/b/']);
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

describe('links to paths the blog does not own', () => {
  const SUMMARY = 'test/sites/links/site.config.json';

  it('are warnings, at their place, and the build goes on', () => {
    expect(site.run.code).toBe(0);
    const foreign = jsonMessages(site.run).filter((message) => message.rule === 'broken-link' && message.file !== SUMMARY);
    expect(foreign.map(({ file, line, column, severity, message }) => `${path.basename(file)}:${line}:${column} ${severity} ${message}`)).toEqual([
      'a.md:16:34 warning Link to /docs/intro: not part of this blog, which has no page or file at /blog/docs/intro',
      'a.md:16:67 warning Link to /docs/guide/setup: not part of this blog, which has no page or file at /blog/docs/guide/setup',
      'a.md:17:1 warning Link to /docs/: not part of this blog, which has no page or file at /blog/docs/',
      'a.md:17:24 warning Link to /old.html: not part of this blog, which has no page or file at /blog/old.html',
      'b.md:12:10 warning Link to /docs/faq: not part of this blog, which has no page or file at /blog/docs/faq',
    ]);
  });

  it('are summed up in one line per first segment, on the config file where the fix goes, in JSON', () => {
    expect(jsonMessages(site.run).filter((message) => message.file === SUMMARY && message.rule === 'broken-link')).toEqual([
      { file: SUMMARY, line: 1, column: 1, severity: 'info', rule: 'broken-link', message: '4 links to /docs/… (not part of this blog): list "/docs/" in externalPaths if another part of this host serves it' },
      { file: SUMMARY, line: 1, column: 1, severity: 'info', rule: 'broken-link', message: '1 link to /old.html (not part of this blog): list "/old.html" in externalPaths if another part of this host serves it' },
    ]);
  });

  it('and in text, after the posts’ messages', async () => {
    const run = await runCli(['check', '--root', ROOT]);
    expect(run.code).toBe(0);
    const summary = run.stderr.indexOf('test/sites/links/site.config.json\n');
    expect(summary).toBeGreaterThan(run.stderr.indexOf('test/sites/links/content/posts/b.md\n'));
    expect(run.stderr.slice(summary)).toContain('4 links to /docs/… (not part of this blog)');
    expect(run.stderr.slice(summary)).toContain('1 link to /old.html (not part of this blog)');
  });

  it('get the base path like any root-relative link', async () => {
    expect(await urls('posts/a/index.html', 'a', 'href')).toContain('/blog/docs/intro');
  });

  it('fail the run under --strict, and are errors when the config makes broken-link one', async () => {
    expect((await runCli(['check', '--root', ROOT, '--strict'])).code).toBe(1);
    const root = await copySite('links');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ url: 'https://example.org/blog/', externalPaths: ['/api/'], rules: { 'broken-link': 'error' } }));
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(1);
    const severities = jsonMessages(run).filter((message) => message.message.startsWith('Link to /')).map((message) => message.severity);
    expect(severities).toEqual(['error', 'error', 'error', 'error', 'error']);
  });

  it("stay errors under the blog's own paths: posts, tags, pages, files beside posts, .md files", () => {
    expect(errors.filter((message) => !message.message.includes('@/')).map((message) => message.message)).toEqual([
      'Broken link /posts/nope/: the site has no page or file at /blog/posts/nope/',
      'Broken link /tags/nope/: the site has no page or file at /blog/tags/nope/',
      'Broken link /page/9/: the site has no page or file at /blog/page/9/',
      'Broken link /posts/b/nope.png: the site has no page or file at /blog/posts/b/nope.png',
      'Broken link /docs/intro.md: the site has no page or file at /blog/docs/intro.md',
    ]);
  });
});
