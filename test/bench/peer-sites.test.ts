import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { parsePost, postTags, readCorpus, type PeerPost } from '../../scripts/peers/corpus.ts';
import { eleventyPostText, writeEleventySite } from '../../scripts/peers/eleventy-site.ts';
import { hugoPostText, writeHugoSite } from '../../scripts/peers/hugo-site.ts';
import { countOutput, eleventyCold } from '../../scripts/peers/run.ts';
import { tempDir } from '../helpers/cli.ts';

const SITE = { title: 'T', url: 'https://example.org/', css: 'body{}' };

describe('postTags', () => {
  it('reads tags, categories and CMS category objects, one tag per slug', () => {
    expect(postTags({ tags: ['Open Source', 'open-source', 'Go'] })).toEqual([{ slug: 'open-source', label: 'Open Source' }, { slug: 'go', label: 'Go' }]);
    expect(postTags({ categories: 'news, 日本語' })).toEqual([{ slug: 'news', label: 'news' }, { slug: '日本語', label: '日本語' }]);
    expect(postTags({ category: [{ value: 'category-1', label: 'Community' }] })).toEqual([{ slug: 'community', label: 'Community' }]);
    expect(postTags({})).toEqual([]);
  });
});

describe('the peers’ copies of a post', () => {
  const toml = '+++\ntitle = "Post 2"\ndate = 2001-02-03\ntags = ["rust", "Go"]\n+++\n\nBody.\n';
  const cms = '---\ntitle: "Post 1"\ncategory:\n  - value: category-1\n    label: news\n---\nBody.\n';

  it('parses YAML, Hugo’s TOML and no front matter', () => {
    expect(parsePost(toml)).toMatchObject({ style: 'toml', data: { title: 'Post 2', tags: ['rust', 'Go'] } });
    expect(parsePost(cms)).toMatchObject({ style: 'yaml', data: { title: 'Post 1' } });
    expect(parsePost('# Just a heading\n\nText.\n')).toEqual({ style: 'none', data: {} });
  });

  it('gives Eleventy TOML front matter as ---toml, and every post its tags as peerTags', () => {
    const tags = [{ slug: 'rust', label: 'rust' }];
    expect(eleventyPostText(toml, tags)).toBe('---toml\npeerTags = [{ slug = "rust", label = "rust" }]\ntitle = "Post 2"\ndate = 2001-02-03\ntags = ["rust", "Go"]\n---\n\nBody.\n');
    expect(eleventyPostText(cms, tags)).toBe(`---\npeerTags: [{"slug":"rust","label":"rust"}]\n${cms.slice(4)}`);
    expect(eleventyPostText('# Bare\n', [])).toBe('---\npeerTags: []\n---\n# Bare\n');
  });

  it('gives Hugo a tags line when a YAML post names its tags elsewhere', () => {
    const post = (text: string): PeerPost => ({ slug: 'p', text, ...parsePost(text), tags: postTags(parsePost(text).data) });
    expect(hugoPostText(post(cms))).toBe(`---\ntags: ["news"]\n${cms.slice(4)}`);
    expect(hugoPostText(post(toml))).toBe(toml);
  });
});

describe('a generated corpus written for the peers', () => {
  // The generator's shapes repeat every 20 posts: 40 is each twice.
  const COUNT = 40;
  let root = '';
  let corpus: PeerPost[] = [];
  beforeAll(async () => {
    root = await tempDir('bench-peers-');
    await generateSite(root, COUNT);
    // A post without front matter, which the generator does not write, must reach both peers too.
    await writeFile(path.join(root, 'content/posts', `post-${COUNT}.md`), '# Bare post\n\nNo front matter at all.\n');
    corpus = await readCorpus(root);
  });

  it('reads every post with its tags', () => {
    expect(corpus).toHaveLength(COUNT + 1);
    expect(corpus.filter((post) => post.style === 'toml')).toHaveLength(COUNT / 4);
    expect(corpus.filter((post) => post.style !== 'none').every((post) => post.tags.length > 0)).toBe(true);
  });

  it('gives Eleventy one file per post, its tags in its own front matter', async () => {
    const dir = path.join(root, 'eleventy');
    await writeEleventySite(dir, corpus, SITE);
    expect((await readdir(path.join(dir, 'posts'))).filter((name) => name.endsWith('.md')).sort()).toEqual(corpus.map((post) => `${post.slug}.md`).sort());
    for (const post of corpus) {
      const text = await readFile(path.join(dir, 'posts', `${post.slug}.md`), 'utf8');
      const toml = text.startsWith('---toml');
      const data = matter(text, { engines: { toml: (source: string) => parseToml(source) as object } }).data as { peerTags?: unknown };
      expect(data.peerTags, `${post.slug} (${toml ? 'TOML' : 'YAML'})`).toEqual(post.tags);
    }
    expect(await readFile(path.join(dir, 'eleventy.config.mjs'), 'utf8')).toContain('smol-toml');
  });

  it('builds with Eleventy into a page per post (the bare one too), tag pages, home pages and a feed', async () => {
    const dir = path.join(root, 'eleventy');
    await writeEleventySite(dir, corpus, SITE);
    await eleventyCold(dir);
    const perTag = new Map<string, number>();
    for (const tag of corpus.flatMap((post) => post.tags)) perTag.set(tag.slug, (perTag.get(tag.slug) ?? 0) + 1);
    const tagPages = [...perTag.values()].reduce((sum, count) => sum + Math.ceil(count / 10), 0);
    expect(countOutput(path.join(dir, '_site'))).toEqual({ posts: COUNT + 1, tagPages, homePages: Math.ceil((COUNT + 1) / 10), feeds: 1 });
    const toml = await readFile(path.join(dir, '_site/posts/post-2/index.html'), 'utf8');
    expect(toml).toContain('<h1>Post 2</h1>');
    expect(toml).toContain('href="/tags/');
  }, 60_000);

  it('gives Hugo one file per post, each with the tags ours reads', async () => {
    const dir = path.join(root, 'hugo');
    await mkdir(dir, { recursive: true });
    await writeHugoSite(dir, corpus, SITE);
    const names = await readdir(path.join(dir, 'content/posts'));
    expect(names).toHaveLength(COUNT + 1);
    for (const post of corpus.filter((post) => post.style !== 'none')) {
      const text = await readFile(path.join(dir, 'content/posts', `${post.slug}.md`), 'utf8');
      expect(postTags(parsePost(text).data).map((tag) => tag.slug), post.slug).toEqual(expect.arrayContaining(post.tags.map((tag) => tag.slug)));
      expect(parsePost(text).data.tags, post.slug).toBeDefined();
    }
  });
});
