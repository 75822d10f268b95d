import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import Parser from 'rss-parser';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT, renderFeeds } from '../../src/render/feeds.ts';
import type { OutputFile } from '../../src/render/output-file.ts';
import type { RenderedPost, Site } from '../../src/types.ts';
import { BASE_URL, HOSTILE_TITLE, makeSite, postDate } from './site-fixture.ts';

const site = makeSite();
const files = renderFeeds(site);

function file(path: string, from: OutputFile[] = files): string {
  const found = from.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path} in ${from.map((f) => f.path).join(', ')}`);
  return found.contents;
}

const rssParser = new Parser<Record<string, never>, { creators: string[]; 'content:encoded': string }>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] },
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['item', 'entry', 'author', 'category', 'dc:creator', 'link'].includes(name),
});

/** Plain text out of an HTML string (`type="html"` Atom fields). */
function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every URL-bearing attribute value in an HTML fragment, srcset split into its URLs. */
function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    for (const name of ['href', 'src', 'poster', 'cite']) {
      const value = node.properties[name];
      if (typeof value === 'string') urls.push(value);
    }
    const srcset = node.properties.srcSet;
    if (typeof srcset === 'string') urls.push(...srcset.split(/,\s+/).map((candidate) => candidate.split(/\s+/)[0]!));
  });
  return urls;
}

function expectAbsoluteContent(html: string): void {
  for (const url of urlsInHtml(html)) {
    if (url.startsWith('#')) continue;
    expect(url, `"${url}" in content`).toMatch(/^(https:|mailto:)/);
    if (new URL(url).host === 'example.org') expect(url.startsWith(BASE_URL), `"${url}" keeps the base path`).toBe(true);
  }
}

const EXPECTED_CONTENT_URLS = [
  'https://example.org/blog/posts/hostile/',
  'https://cdn.example/lib.js',
  'https://example.org/blog/posts/hello-world/photo.jpg',
  'https://example.org/blog/img/photo@2x.jpg',
  'https://example.org/blog/posts/hello-world/photo-wide.webp',
  'https://example.org/blog/img/fallback.png',
  'https://example.org/blog/posts/hello-world/poster.jpg',
  'https://example.org/blog/media/clip.mp4',
];

function siteWith(posts: RenderedPost[]): Site {
  return { ...site, posts, tags: [], authors: [] };
}

describe('renderFeeds', () => {
  it('writes the three main feeds and one RSS feed per tag', () => {
    expect(files.map((f) => f.path)).toEqual([
      'rss.xml',
      'atom.xml',
      'feed.json',
      'tags/open-source/rss.xml',
      'tags/fosdem/rss.xml',
      'tags/rust-love/rss.xml',
    ]);
  });

  it('is byte-identical for identical input', () => {
    expect(renderFeeds(makeSite())).toEqual(files);
  });

  it('writes well-formed XML without characters XML forbids', () => {
    for (const f of files.filter((candidate) => candidate.path.endsWith('.xml'))) {
      expect(XMLValidator.validate(f.contents), f.path).toBe(true);
      expect(f.contents, f.path).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
  });
});

describe('rss.xml', () => {
  const rss = file('rss.xml');

  it('parses back as RSS 2.0 with the posts newest first and the hostile title intact', async () => {
    const feed = await rssParser.parseString(rss);
    expect(feed.title).toBe('Notes & "Things"');
    expect(feed.link).toBe(BASE_URL);
    expect(feed.feedUrl).toBe('https://example.org/blog/rss.xml');
    expect(feed.items.map((item) => item.title)).toEqual(['Hello, world', HOSTILE_TITLE, 'Third post']);
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.org/blog/posts/hello-world/',
      'https://example.org/blog/posts/hostile/',
      'https://example.org/blog/posts/third/',
    ]);
    expect(feed.items.map((item) => item.guid)).toEqual(feed.items.map((item) => item.link));
    expect(feed.items[0]?.categories).toEqual(['Open Source', 'FOSDEM']);
    expect(feed.items[1]?.categories).toEqual(['FOSDEM', 'I <3 Rust & "C"']);
  });

  it('dates items by publication and the channel by the newest change, not the clock', async () => {
    const feed = await rssParser.parseString(rss);
    expect(feed.items[0]?.pubDate).toBe('Sat, 01 Feb 2025 09:00:00 GMT');
    expect(rss).toContain('<lastBuildDate>Wed, 05 Feb 2025 07:30:00 GMT</lastBuildDate>');
    expect(rss).toContain('<generator>blogsmith</generator>');
  });

  it('names every author in dc:creator and never writes a name-only <author>', async () => {
    const feed = await rssParser.parseString(rss);
    expect(feed.items.map((item) => item.creators)).toEqual([
      ['Gerrit Jansen', 'Ana <Ops> & Co'],
      ['Gerrit Jansen'],
      ['Ana <Ops> & Co'],
    ]);
    expect(rss).toMatch(/<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
    expect(rss).not.toMatch(/<author[\s>]/);
  });

  it('carries the body with absolute URLs and the summary as escaped HTML', async () => {
    const feed = await rssParser.parseString(rss);
    const content = feed.items[0]!['content:encoded'];
    for (const url of EXPECTED_CONTENT_URLS) expect(content).toContain(url);
    expect(content).toContain('href="#fn-1"');
    expect(content).toContain('href="mailto:me@example.org"');
    expectAbsoluteContent(content);
    expect(decodeHtml(feed.items[0]!.content!)).toBe('Two authors write about <b>FOSDEM</b> & friends.');
  });

  it('keeps any number of "]]>" inside CDATA and drops control characters', async () => {
    const feed = await rssParser.parseString(rss);
    expect(feed.items[1]!['content:encoded']).toBe('<p>one ]]> two ]]> three</p>\n<pre><code>bell: nul-free</code></pre>');
    expect(decodeHtml(feed.items[1]!.content!)).toBe('Summary with ]]> and </script> inside.');
  });

  it('declares xmlns:dc even when no item has content', () => {
    const post = { ...site.posts[0]!, html: '' };
    const out = file('rss.xml', renderFeeds(siteWith([post])));
    expect(out).toContain('<dc:creator>');
    expect(out).toMatch(/<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
  });
});

describe('atom.xml', () => {
  const atom = file('atom.xml');
  const parsed = xml.parse(atom) as {
    feed: {
      '@_xml:lang': string;
      id: string;
      updated: string;
      link: Array<{ '@_rel': string; '@_href': string }>;
      entry: Array<{
        id: string;
        title: { '#text': string };
        link: Array<{ '@_href': string }>;
        author: Array<{ name: string; uri?: string; email?: string }>;
        category: Array<{ '@_term': string }>;
      }>;
    };
  };

  it('parses back as Atom with absolute ids and links', async () => {
    const feed = await rssParser.parseString(atom);
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.org/blog/posts/hello-world/',
      'https://example.org/blog/posts/hostile/',
      'https://example.org/blog/posts/third/',
    ]);
    expect(parsed.feed.entry.map((entry) => entry.id)).toEqual(feed.items.map((item) => item.link));
    expect(parsed.feed.id).toBe(BASE_URL);
    expect(parsed.feed.link).toEqual([
      { '@_rel': 'alternate', '@_href': BASE_URL },
      { '@_rel': 'self', '@_href': 'https://example.org/blog/atom.xml' },
    ]);
    expect(parsed.feed['@_xml:lang']).toBe('en-GB');
    expect(parsed.feed.updated).toBe('2025-02-05T07:30:00.000Z');
  });

  it('writes titles as escaped HTML (type="html"), so the hostile title reads back exactly', async () => {
    const feed = await rssParser.parseString(atom);
    expect(feed.items.map((item) => decodeHtml(item.title!))).toEqual(['Hello, world', HOSTILE_TITLE, 'Third post']);
    expect(atom).not.toContain('<script>');
  });

  it('gives every entry its real authors and its tag labels', () => {
    expect(parsed.feed.entry[0]?.author).toEqual([
      { name: 'Gerrit Jansen', uri: 'https://gerrit.example/' },
      { name: 'Ana <Ops> & Co', email: 'ana@example.org' },
    ]);
    expect(parsed.feed.entry[1]?.category.map((category) => category['@_term'])).toEqual(['FOSDEM', 'I <3 Rust & "C"']);
  });

  it('carries the body with absolute URLs', async () => {
    const feed = await rssParser.parseString(atom);
    for (const url of EXPECTED_CONTENT_URLS) expect(feed.items[0]!.content).toContain(url);
    for (const item of feed.items) expectAbsoluteContent(item.content!);
  });
});

describe('feed.json', () => {
  const json = JSON.parse(file('feed.json')) as {
    version: string;
    home_page_url: string;
    feed_url: string;
    language: string;
    authors: unknown[];
    author?: unknown;
    items: Array<{
      id: string;
      url: string;
      title: string;
      content_html: string;
      summary: string;
      image?: string;
      tags: string[];
      authors: Array<{ name: string; url?: string; avatar?: string }>;
      author?: unknown;
      date_published: string;
      date_modified: string;
    }>;
  };

  it('is JSON Feed 1.1 with language and authors arrays', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe('en-GB');
    expect(json.home_page_url).toBe(BASE_URL);
    expect(json.feed_url).toBe('https://example.org/blog/feed.json');
    expect(json.authors).toEqual([{ name: 'Notes & "Things"', url: BASE_URL }]);
    expect(json).not.toHaveProperty('author');
    expect(json.items[0]?.authors).toEqual([
      { name: 'Gerrit Jansen', url: 'https://gerrit.example/' },
      { name: 'Ana <Ops> & Co', url: 'mailto:ana@example.org', avatar: 'https://example.org/blog/img/ana.png' },
    ]);
    for (const item of json.items) expect(item).not.toHaveProperty('author');
  });

  it('lists the posts newest first with absolute URLs, exact titles and dates', () => {
    expect(json.items.map((item) => item.title)).toEqual(['Hello, world', HOSTILE_TITLE, 'Third post']);
    expect(json.items.map((item) => item.url)).toEqual(json.items.map((item) => item.id));
    for (const item of json.items) expect(item.url.startsWith(BASE_URL)).toBe(true);
    expect(json.items[0]).toMatchObject({
      summary: 'Two authors write about <b>FOSDEM</b> & friends.',
      image: 'https://example.org/blog/posts/hello-world/cover.png',
      tags: ['Open Source', 'FOSDEM'],
      date_published: '2025-02-01T09:00:00.000Z',
      date_modified: '2025-02-05T07:30:00.000Z',
    });
    for (const url of EXPECTED_CONTENT_URLS) expect(json.items[0]!.content_html).toContain(url);
    for (const item of json.items) expectAbsoluteContent(item.content_html);
  });
});

describe('tags/<slug>/rss.xml', () => {
  it.each([
    ['open-source', 'Open Source', ['Hello, world']],
    ['fosdem', 'FOSDEM', ['Hello, world', HOSTILE_TITLE]],
    ['rust-love', 'I <3 Rust & "C"', [HOSTILE_TITLE, 'Third post']],
  ])('%s holds only that tag’s posts', async (slug, label, titles) => {
    const feed = await rssParser.parseString(file(`tags/${slug}/rss.xml`));
    expect(feed.items.map((item) => item.title)).toEqual(titles);
    for (const item of feed.items) expect(item.categories).toContain(label);
    expect(feed.link).toBe(`https://example.org/blog/tags/${slug}/`);
    expect(feed.feedUrl).toBe(`https://example.org/blog/tags/${slug}/rss.xml`);
    expect(feed.title).toBe(`Notes & "Things": ${label}`);
  });
});

describe('feed limits and edge cases', () => {
  it(`keeps only the newest ${FEED_ITEM_LIMIT} posts, newest first`, async () => {
    const template = site.posts[2]!;
    const posts = Array.from({ length: FEED_ITEM_LIMIT + 5 }, (_, i) => ({
      ...template,
      title: `Post ${i}`,
      path: `posts/p${i}/`,
      published: postDate(`2024-01-${String(i + 1).padStart(2, '0')}T12:00:00+00:00`),
    }));
    const out = renderFeeds(siteWith(posts));
    const rssTitles = (await rssParser.parseString(file('rss.xml', out))).items.map((item) => item.title);
    const expected = Array.from({ length: FEED_ITEM_LIMIT }, (_, i) => `Post ${FEED_ITEM_LIMIT + 4 - i}`);
    expect(rssTitles).toEqual(expected);
    expect((await rssParser.parseString(file('atom.xml', out))).items).toHaveLength(FEED_ITEM_LIMIT);
    expect((JSON.parse(file('feed.json', out)) as { items: unknown[] }).items).toHaveLength(FEED_ITEM_LIMIT);
  });

  it('dates an empty feed with the build time', async () => {
    const out = renderFeeds(siteWith([]));
    for (const f of out.filter((candidate) => candidate.path.endsWith('.xml'))) expect(XMLValidator.validate(f.contents)).toBe(true);
    expect(file('rss.xml', out)).toContain(`<lastBuildDate>${site.now.toUTCString()}</lastBuildDate>`);
    expect(file('atom.xml', out)).toContain(`<updated>${site.now.toISOString()}</updated>`);
    expect((await rssParser.parseString(file('rss.xml', out))).items).toEqual([]);
  });
});
