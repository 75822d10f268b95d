/**
 * A site that uses every front matter shape SPEC accepts: TOML, BOM + CRLF, no front matter,
 * author keys/aliases/names/objects, tag aliases and objects, permalinks, drafts, future posts,
 * in a UTC+14 timezone where a shifted date-only value would show the wrong day.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, readOut, runCli, tempDir, type CliRun } from '../helpers/cli.ts';
import { byTag, findAll, jsonLd, parseHtml, text } from '../helpers/html.ts';

const ROOT = path.join(PROJECT, 'test/sites/shapes');
let out: string;
let run: CliRun;
let files: string[];

beforeAll(async () => {
  ({ out, run, files } = await buildSite(['--root', ROOT]));
});

const page = async (file: string) => parseHtml(await readOut(out, file));
const hasClass = (element: Element, name: string) => String(element.properties.className ?? '').split(/[\s,]+/).includes(name);
/** Titles of the posts a list page shows: summaries (home, tags) or a plain list (authors, archive). */
const postTitles = async (file: string) =>
  findAll(await page(file), (e) => hasClass(e, 'post-summary') || (e.tagName === 'ul' && hasClass(e, 'post-list'))).flatMap((list) =>
    list.tagName === 'ul'
      ? byTag({ type: 'root', children: [list] }, 'a').map((a) => text(a))
      : [text(byTag({ type: 'root', children: [list] }, 'h2')[0]!)],
  );

describe('front matter shapes', () => {
  it('builds without errors', () => {
    expect(run.code).toBe(0);
    expect(jsonMessages(run).filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('keeps a date-only value on its calendar day in a UTC+14 timezone', async () => {
    const tree = await page('posts/toml-post/index.html');
    const time = byTag(tree, 'time')[0]!;
    expect(time.properties.dateTime).toBe('2024-03-01T00:00:00+14:00');
    expect(text(time)).toBe('March 1, 2024');
  });

  it('shows an instant on its day in the site timezone, and keeps its own offset in JSON-LD', async () => {
    const tree = await page('posts/yaml-post/index.html');
    expect(text(byTag(tree, 'time')[0]!)).toBe('March 3, 2024'); // 09:30 -05:00 is the next morning at UTC+14
    expect(jsonLd(tree)[0]).toMatchObject({ datePublished: '2024-03-02T09:30:00-05:00', dateModified: '2024-03-05T00:00:00+14:00' });
  });

  it('reads YAML with a BOM and CRLF line ends, and an author object', async () => {
    const tree = await page('posts/yaml-post/index.html');
    expect(text(byTag(tree, 'h1')[0]!)).toBe('YAML post');
    expect(jsonLd(tree)[0]).toMatchObject({ author: [{ '@type': 'Person', name: 'Jane Doe', url: 'https://jane.example' }] });
  });

  it('takes the title from the first heading (removed from the body) and the date from the file name', async () => {
    const tree = await page('posts/leap-day/index.html');
    expect(byTag(tree, 'h1').map((h) => text(h))).toEqual(['Leap day notes']);
    expect(byTag(tree, 'time')[0]!.properties.dateTime).toBe('2024-02-29T00:00:00+14:00');
  });

  it('uses the config author for posts that name none', async () => {
    expect(jsonLd(await page('posts/leap-day/index.html'))[0]).toMatchObject({ author: [{ name: 'The Editor' }] });
  });

  it('names the config’s default author by its authors.yml name in the feeds', async () => {
    const feed = JSON.parse(await readOut(out, 'feed.json')) as { authors: Array<{ name: string }> };
    expect(feed.authors).toEqual([{ name: 'The Editor' }]);
    expect(await readOut(out, 'atom.xml')).toMatch(/<feed[^>]*>[\s\S]*?<author>\s*<name>The Editor<\/name>/);
  });

  it('resolves author keys, aliases and names to one author each', async () => {
    expect(await postTitles('authors/gerrit/index.html')).toEqual(expect.arrayContaining(['TOML post', 'Nested']));
    expect(await postTitles('authors/jane-doe/index.html')).toEqual(expect.arrayContaining(['YAML post', 'Nested']));
    expect(files.filter((file) => file.startsWith('authors/') && file.endsWith('index.html')).sort()).toEqual([
      'authors/editor/index.html',
      'authors/gerrit/index.html',
      'authors/index.html',
      'authors/jane-doe/index.html',
    ]);
  });

  it('shows a Docusaurus authors.yml entry’s image_url as the avatar and its title as the bio', async () => {
    const tree = await page('posts/toml-post/index.html');
    const avatar = findAll(tree, (node) => node.tagName === 'img' && hasClass(node, 'avatar'));
    expect(avatar.map((node) => node.properties.src)).toEqual(['https://example.org/gerrit.png']);
    expect(findAll(tree, (node) => hasClass(node, 'author-bio')).map(text)).toEqual(['Maintainer']);
  });

  it('merges tag spellings, aliases and CMS objects into one tag with the tags.yml label', async () => {
    const tags = files.filter((file) => /^tags\/[^/]+\/index\.html$/.test(file)).sort();
    expect(tags).toEqual(['tags/open-source/index.html', 'tags/rust/index.html', 'tags/日本語/index.html']);
    const tree = await page('tags/open-source/index.html');
    expect(text(byTag(tree, 'h1')[0]!)).toContain('Open Source');
    // postsPerPage 2: three posts make two pages.
    const titles = [...(await postTitles('tags/open-source/index.html')), ...(await postTitles('tags/open-source/page/2/index.html'))];
    expect(titles.sort()).toEqual(['Nested', 'TOML post', 'YAML post']);
  });

  it('resolves links to other posts’ .md files and copies images beside the page', async () => {
    const hrefs = byTag(await page('posts/toml-post/index.html'), 'a').map((a) => a.properties.href);
    expect(hrefs).toContain('/blog/posts/yaml-post/#details');
    const srcs = byTag(await page('posts/yaml-post/index.html'), 'img').map((img) => img.properties.src);
    expect(srcs).toContain('/blog/posts/yaml-post/pixel.png');
    expect(files).toContain('posts/yaml-post/pixel.png');
  });

  it('honours permalink and a folder post’s index.md', () => {
    expect(files).toContain('2024/nested/index.html');
  });

  it('cuts the excerpt at <!-- more -->', async () => {
    const home = text(await page('index.html'));
    expect(home).toContain('Links to the YAML post');
    expect(home).not.toContain('After the fold');
  });

  it('leaves drafts and future posts out of every output of a production build', async () => {
    for (const file of files) {
      if (file.endsWith('.png')) continue;
      const content = await readOut(out, file);
      expect(content, file).not.toContain('Not yet');
      expect(content, file).not.toContain('From the future');
      expect(content, file).not.toContain('/posts/draft-post/');
    }
  });

  it('does not turn a link to a draft into its URL, and warns instead', async () => {
    const hrefs = byTag(await page('posts/toml-post/index.html'), 'a').map((a) => a.properties.href);
    expect(hrefs).toContain('./draft-post.md');
    expect(jsonMessages(run)).toContainEqual(expect.objectContaining({ rule: 'broken-link', file: 'test/sites/shapes/content/posts/toml-post.md' }));
  });

  it('includes drafts and future posts with --drafts --future', async () => {
    const preview = await tempDir();
    const result = await runCli(['build', '--root', ROOT, '--out', preview, '--drafts', '--future']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(preview, 'posts/draft-post/index.html'))).toBe(true);
    expect(existsSync(path.join(preview, 'posts/future-post/index.html'))).toBe(true);
  });
});
