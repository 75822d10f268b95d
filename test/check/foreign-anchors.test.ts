/**
 * Links written for another generator's heading ids (test/sites/foreign-anchors: posts moved from
 * Zola, Hugo and Jekyll) resolve to ours with an info message, in the pages and in the files under
 * `check --fix`; a fragment that would name two headings stays a broken anchor; and pages follow a
 * renamed heading through the markdown cache and in dev.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { jsonMessages, PROJECT, runCli, tempDir, type CliRun } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';
import { linesOf } from './helpers.ts';

const SITE = path.join(PROJECT, 'test/sites/foreign-anchors');
const ZOLA_NEXT = `Anchor #what-s-next is how Zola and Hugo (autoHeadingIDType "blackfriday") name the heading "What's next?"`;

let check: CliRun;
let out: string;
let built: CliRun;

beforeAll(async () => {
  out = path.join(await tempDir('blog-foreign-'), 'dist');
  [check, built] = await Promise.all([
    runCli(['check', '--root', SITE, '--format', 'json', '--no-cache']),
    runCli(['build', '--root', SITE, '--out', out, '--no-cache']),
  ]);
});

const page = (file: string) => readFile(path.join(out, file), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*#[^"]*)"/g)].map((match) => match[1]);

describe('a link to another generator\'s id for one heading', () => {
  it('passes the check, with an info message naming the generators, the heading and our id', () => {
    expect(check.code).toBe(0);
    expect(linesOf(jsonMessages(check), 'broken-anchor')).toEqual([]);
    expect(linesOf(jsonMessages(check), 'foreign-anchor')).toEqual([
      `from-hugo.md:7:38 info ${ZOLA_NEXT} on /blog/posts/from-zola/; here its id is #whats-next, and the link leads there (check --fix writes it into the file)`,
      `from-hugo.md:7:96 info ${ZOLA_NEXT} on /blog/posts/from-zola/; here its id is #whats-next, and the link leads there (check --fix writes it into the file)`,
      'from-hugo.md:8:34 info Anchor #recap is how kramdown names the heading "2024 recap" on /blog/posts/from-jekyll/; here its id is #2024-recap, and the link leads there (check --fix writes it into the file)',
      `from-zola.md:7:47 info ${ZOLA_NEXT} on this page; here its id is #whats-next, and the link leads there (check --fix writes it into the file)`,
      'from-zola.md:7:73 info Anchor #uber-uns is how Zola and Hugo (autoHeadingIDType "github-ascii") name the heading "Über uns" on this page; here its id is #über-uns, and the link leads there (check --fix writes it into the file)',
    ]);
  });

  it('carries the fix for tools: the fragment\'s range and our id', () => {
    const fixes = jsonMessages(check).filter((message) => message.rule === 'foreign-anchor').map((message) => message.fix?.text);
    expect(fixes).toEqual(['whats-next', 'whats-next', '2024-recap', 'whats-next', 'über-uns']);
  });

  it('leads to our id on the built pages: in-page, to another post, in raw HTML', async () => {
    expect(built.code).toBe(0);
    expect(await page('posts/from-zola/index.html')).toContain(
      '<p>Contents: <a href="#intro">intro</a>, <a href="#whats-next">what comes next</a>, <a href="#über-uns">about us</a>.</p>',
    );
    expect(hrefs(await page('posts/from-hugo/index.html'))).toEqual([
      '/blog/posts/from-zola/#whats-next',
      '/blog/posts/from-zola/#whats-next',
      '/blog/posts/from-jekyll/#2024-recap',
    ]);
  });

  it('leads there from excerpts and feeds too, and nothing links to the foreign ids any more', async () => {
    expect(hrefs(await page('index.html'))).toContain('/blog/posts/from-zola/#whats-next');
    for (const file of ['index.html', 'rss.xml', 'atom.xml', 'feed.json', 'posts/from-zola/index.html', 'posts/from-hugo/index.html']) {
      expect(await page(file), file).not.toMatch(/#(?:what-s-next|uber-uns|recap)\b/);
    }
  });
});

describe('check --fix', () => {
  let root: string;
  let fixed: CliRun;
  let again: CliRun;

  beforeAll(async () => {
    root = await copySite('foreign-anchors');
    fixed = await runCli(['check', '--root', root, '--fix']);
    again = await runCli(['check', '--root', root, '--format', 'json']);
  });

  const source = (name: string) => readFile(path.join(root, 'content/posts', name), 'utf8');

  it('writes our ids into the files, and nothing else', async () => {
    expect(fixed.code).toBe(0);
    const original = (name: string) => readFile(path.join(SITE, 'content/posts', name), 'utf8');
    expect(await source('from-zola.md')).toBe((await original('from-zola.md')).replace('(#what-s-next)', '(#whats-next)').replace('(#uber-uns)', '(#über-uns)'));
    expect(await source('from-hugo.md')).toBe(
      (await original('from-hugo.md'))
        .replace('./from-zola.md#what-s-next', './from-zola.md#whats-next')
        .replace('/posts/from-zola/#what-s-next', '/posts/from-zola/#whats-next')
        .replace('/posts/from-jekyll/#recap', '/posts/from-jekyll/#2024-recap'),
    );
    expect(await source('from-jekyll.md')).toBe(await original('from-jekyll.md'));
  });

  it('leaves nothing to report', () => {
    expect(again.code).toBe(0);
    expect(jsonMessages(again).filter((message) => message.rule?.endsWith('-anchor'))).toEqual([]);
  });
});

describe('a fragment that other generators give two headings', () => {
  it('stays a broken anchor, naming both', async () => {
    const root = await copySite('foreign-anchors');
    await writeFile(
      path.join(root, 'content/posts/two.md'),
      '---\ntitle: Two\ndate: 2024-03-04\ndescription: Two.\n---\n\nSee [us](#uber-uns).\n\n## Über uns\n\n## Uber & uns\n',
    );
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(linesOf(jsonMessages(run), 'broken-anchor')).toEqual([
      'two.md:7:5 error Broken anchor #uber-uns: no heading or element with that id on this page (other generators give that id to several headings: #über-uns, #uber--uns)',
    ]);
    expect(linesOf(jsonMessages(run), 'foreign-anchor').filter((line) => line.startsWith('two.md'))).toEqual([]);
  });
});

describe('a renamed heading', () => {
  const rename = async (root: string, heading: string) => {
    const file = path.join(root, 'content/posts/from-zola.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace("## What's next?", `## ${heading}`));
  };

  it('is followed by the pages linking to it, though their markdown comes from the cache', async () => {
    const root = await copySite('foreign-anchors');
    const dist = path.join(root, 'dist');
    const linking = async () => hrefs(await readFile(path.join(dist, 'posts/from-hugo/index.html'), 'utf8'))[0];
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    expect(await linking()).toBe('/blog/posts/from-zola/#whats-next');
    // Now our own id is what the link says: it goes as written.
    await rename(root, 'What-s next');
    const second = await runCli(['build', '--root', root]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('markdown: 1 rendered, 2 cached');
    expect(await linking()).toBe('/blog/posts/from-zola/#what-s-next');
  });

  it('renders the linking post again in dev', async () => {
    const root = await copySite('foreign-anchors');
    const config = { ...(await loadConfig(root, {}, PROJECT)), search: false };
    const session = new SiteSession(root, config, () => new Date('2026-01-01T00:00:00Z'), PROJECT);
    await session.start();
    const linking = () => hrefs(session.output.get('posts/from-hugo/index.html')!);
    expect(linking()[0]).toBe('/blog/posts/from-zola/#whats-next');
    await rename(root, 'Coming up');
    const result = await session.update({ posts: new Set([path.join(root, 'content/posts/from-zola.md')]), registries: false });
    expect(result.changed).toContain('posts/from-hugo/index.html');
    // No heading matches any more: the link stays as written, and the check says it is broken.
    expect(linking()[0]).toBe('/blog/posts/from-zola/#what-s-next');
    const messages = session.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'broken-anchor').map((message) => path.basename(file.path)));
    expect(messages).toEqual(['from-hugo.md', 'from-hugo.md', 'from-zola.md']);
  });
});
