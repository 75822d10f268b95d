import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/pages.ts';
import type { OutputFile } from '../../src/render/output-file.ts';
import { HOSTILE_TAG, HOSTILE_TITLE, makeSite } from './fixture.ts';
import { all, byTag, hasClass, links, meta, one, parse, prop, text, type ParsedPage } from './html.ts';

/** The inline head script that applies a stored theme choice before the first paint. */
const THEME_BOOT = 'try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const ORIGIN = 'https://example.org';

let files: Map<string, string>;
let pagePaths: string[];
const parsed = new Map<string, ParsedPage>();

/** The parsed page at an output path; fails the test when the file was not produced. */
function page(file: string): ParsedPage['tree'] {
  const cached = parsed.get(file);
  if (cached) return cached.tree;
  const contents = files.get(file);
  if (contents === undefined) throw new Error(`No output file ${file}`);
  const result = parse(contents);
  parsed.set(file, result);
  return result.tree;
}

const postTitles = (file: string) =>
  all(page(file), (el) => el.tagName === 'article' && hasClass(el, 'post-summary')).map((article) =>
    text(one(article, byTag('h2'), 'h2')),
  );

const EXPECTED_PAGES: Record<string, string> = {
  '': 'index.html',
  'page/2/': 'page/2/index.html',
  'page/3/': 'page/3/index.html',
  'posts/script/': 'posts/script/index.html',
  'posts/fourth/': 'posts/fourth/index.html',
  'posts/third/': 'posts/third/index.html',
  '2024/second/': '2024/second/index.html',
  'posts/first.html': 'posts/first.html',
  'tags/': 'tags/index.html',
  'tags/b-x/': 'tags/b-x/index.html',
  'tags/javascript/': 'tags/javascript/index.html',
  'tags/javascript/page/2/': 'tags/javascript/page/2/index.html',
  'tags/notes/': 'tags/notes/index.html',
  'authors/': 'authors/index.html',
  'authors/alice/': 'authors/alice/index.html',
  'authors/bob/': 'authors/bob/index.html',
  'archive/': 'archive/index.html',
};

beforeAll(async () => {
  const result = await renderPages(makeSite(), [TEMPLATES]);
  files = new Map(result.files.map((file: OutputFile) => [file.path, file.contents]));
  pagePaths = result.pagePaths;
});

describe('output paths', () => {
  it('writes every page of the SPEC table, and nothing else', () => {
    // The search page is not in the sitemap: it has nothing of its own to find.
    expect([...files.keys()].sort()).toEqual([...Object.values(EXPECTED_PAGES), 'search/index.html', '404.html'].sort());
  });

  it('lists every page but 404 for the sitemap', () => {
    expect([...pagePaths].sort()).toEqual(Object.keys(EXPECTED_PAGES).sort());
  });
});

describe('every page', () => {
  it('is well-formed HTML5 with one h1, a main landmark, lang and alt text', () => {
    for (const file of files.keys()) {
      const tree = page(file);
      expect(parsed.get(file)?.errors, file).toEqual([]);
      expect(all(tree, byTag('h1')), file).toHaveLength(1);
      expect(prop(one(tree, byTag('main')), 'id'), file).toBe('main');
      expect(all(tree, byTag('header')).length, file).toBeGreaterThan(0);
      expect(all(tree, byTag('footer')).length, file).toBeGreaterThan(0);
      expect(prop(one(tree, byTag('html')), 'lang'), file).toMatch(/^[a-z]{2}/);
      for (const img of all(tree, byTag('img'))) expect(prop(img, 'alt'), `${file} img alt`).toBeDefined();
      // the skip link targets the main landmark
      expect(all(tree, (el) => el.tagName === 'a' && prop(el, 'href') === '#main')).toHaveLength(1);
    }
  });

  it('links internal pages and assets only under the base path /blog/', () => {
    for (const file of files.keys()) {
      for (const el of all(page(file), (e) => prop(e, 'href') !== undefined || prop(e, 'src') !== undefined)) {
        const url = prop(el, 'href') ?? prop(el, 'src')!;
        if (url.startsWith('#')) continue;
        if (/^[a-z]+:/.test(url)) {
          if (url.startsWith(ORIGIN)) expect(url, `${file}: ${url}`).toMatch(/^https:\/\/example\.org\/blog\//);
          else expect(url, `${file}: ${url}`).toBe('https://alice.example/');
          continue;
        }
        expect(url, `${file}: ${url}`).toMatch(/^\/blog\//);
      }
    }
  });

  it('has an absolute canonical link, Open Graph and Twitter meta, feeds and the stylesheet', () => {
    for (const [sitePath, file] of Object.entries(EXPECTED_PAGES)) {
      const tree = page(file);
      const canonical = links(tree, 'canonical').map((el) => prop(el, 'href'));
      expect(canonical, file).toEqual([`${ORIGIN}/blog/${sitePath}`]);
      expect(meta(tree, 'og:url'), file).toBe(canonical[0]);
      expect(meta(tree, 'og:site_name'), file).toBe('Blog');
      expect(meta(tree, 'og:title'), file).toBeTruthy();
      expect(meta(tree, 'og:type'), file).toBe(file.startsWith('posts/') || file.startsWith('2024/') ? 'article' : 'website');
      expect(meta(tree, 'twitter:card'), file).toMatch(/^summary(_large_image)?$/);
      const alternates = links(tree, 'alternate').map((el) => [prop(el, 'type'), prop(el, 'href')]);
      expect(alternates, file).toEqual(
        expect.arrayContaining([
          ['application/rss+xml', '/blog/rss.xml'],
          ['application/atom+xml', '/blog/atom.xml'],
          ['application/feed+json', '/blog/feed.json'],
        ]),
      );
      expect(links(tree, 'stylesheet').map((el) => prop(el, 'href')), file).toEqual(['/blog/style.css']);
    }
  });

  it('escapes front matter text: only JSON-LD and the theme’s own scripts, hostile text round-trips', () => {
    for (const file of files.keys()) {
      const tree = page(file);
      for (const script of all(tree, byTag('script'))) {
        const src = prop(script, 'src');
        if (src) expect([src, prop(script, 'defer')], file).toEqual([expect.stringMatching(/^\/blog\/(theme|search)\.js$/), 'true']);
        else if (prop(script, 'type') !== 'application/ld+json') expect(text(script), file).toBe(THEME_BOOT);
      }
      expect(all(tree, byTag('b')), file).toEqual([]);
    }
    const post = page('posts/script/index.html');
    expect(text(one(post, byTag('h1')))).toBe(HOSTILE_TITLE);
    expect(text(one(post, byTag('title')))).toBe(`${HOSTILE_TITLE} – Blog`);
    expect(meta(post, 'og:title')).toBe(HOSTILE_TITLE);
    const tagLinks = all(post, (el) => el.tagName === 'a' && prop(el, 'href') === '/blog/tags/b-x/');
    expect(tagLinks.map((el) => text(el))).toEqual([HOSTILE_TAG]);
    expect(postTitles('index.html')[0]).toBe(HOSTILE_TITLE);
  });
});

describe('home pagination', () => {
  it('shows postsPerPage posts per page, newest first', () => {
    expect(postTitles('index.html')).toEqual([HOSTILE_TITLE, 'Fourth post']);
    expect(postTitles('page/2/index.html')).toEqual(['Third post', 'Zweiter Beitrag']);
    expect(postTitles('page/3/index.html')).toEqual(['First post']);
  });

  it('links neighbouring pages with rel=prev/next, in the head and in the page', () => {
    const rels = (file: string, rel: string) =>
      all(page(file), (el) => (el.tagName === 'link' || el.tagName === 'a') && (prop(el, 'rel') ?? '').split(' ').includes(rel)).map(
        (el) => `${el.tagName} ${prop(el, 'href')}`,
      );
    expect(rels('index.html', 'prev')).toEqual([]);
    expect(rels('index.html', 'next')).toEqual(['link /blog/page/2/', 'a /blog/page/2/']);
    expect(rels('page/2/index.html', 'prev')).toEqual(['link /blog/', 'a /blog/']);
    expect(rels('page/2/index.html', 'next')).toEqual(['link /blog/page/3/', 'a /blog/page/3/']);
    expect(rels('page/3/index.html', 'prev')).toEqual(['link /blog/page/2/', 'a /blog/page/2/']);
    expect(rels('page/3/index.html', 'next')).toEqual([]);
    const current = all(page('page/2/index.html'), (el) => el.tagName === 'a' && prop(el, 'ariaCurrent') === 'page' && text(el) === '2');
    expect(current.map((el) => prop(el, 'href'))).toEqual(['/blog/page/2/']);
  });

  it('shows excerpts, with a read-more link only when the post goes on', () => {
    const home = page('index.html');
    const article = all(home, (el) => el.tagName === 'article')[0]!;
    expect(all(article, (el) => hasClass(el, 'raw-check'))).toHaveLength(1); // excerpt HTML is raw
    // but only the excerpt, with no body image: the post's `image` is the one picture, a decorative thumbnail
    expect(all(article, (el) => el.tagName === 'img').map((img) => [prop(img, 'className'), prop(img, 'alt')])).toEqual([['post-thumb', '']]);
    const readMore = all(home, (el) => el.tagName === 'p' && hasClass(el, 'read-more'));
    expect(readMore.map((p) => prop(one(p, byTag('a')), 'href'))).toEqual(['/blog/posts/script/']);
  });
});

describe('post page', () => {
  const file = 'posts/script/index.html';

  it('carries the ISO value in <time datetime> and the day in words', () => {
    const metaTimes = (f: string) => all(one(page(f), (el) => hasClass(el, 'post-meta')), byTag('time'));
    const times = metaTimes(file).map((el) => [prop(el, 'dateTime'), text(el)]);
    expect(times).toEqual([
      ['2025-03-10T09:30:00-07:00', '10 March 2025'],
      ['2025-03-12T18:00:00-07:00', '12 March 2025'],
    ]);
    // the calendar day in the site zone, although the instant is 1 January in UTC
    expect(metaTimes('posts/third/index.html').map((el) => [prop(el, 'dateTime'), text(el)])).toEqual([
      ['2024-12-31T20:00:00-08:00', '31 December 2024'],
    ]);
    // a date-only value keeps its day
    expect(metaTimes('posts/first.html').map((el) => [prop(el, 'dateTime'), text(el)])).toEqual([
      ['2023-02-03T00:00:00-08:00', '3 February 2023'],
    ]);
  });

  it('renders the body HTML raw, inside the article', () => {
    const article = one(page(file), byTag('article'));
    expect(text(one(article, (el) => hasClass(el, 'raw-check')))).toBe('bold');
    const body = one(article, (el) => hasClass(el, 'post-body'), 'post body');
    expect(prop(one(body, byTag('img')), 'src')).toBe('/blog/posts/script/pic.png');
  });

  it('links authors and tags to their pages', () => {
    const article = one(page('posts/fourth/index.html'), byTag('article'));
    const hrefs = all(article, (el) => el.tagName === 'a' && !(prop(el, 'href') ?? '').startsWith('#')).map((el) => [prop(el, 'href'), text(el)]);
    expect(hrefs).toEqual([
      ['/blog/authors/alice/', 'Alice Example'],
      ['/blog/authors/bob/', 'Bob'],
      ['/blog/tags/javascript/', 'JavaScript'],
      ['/blog/tags/notes/', 'Notes'],
      // Alice's card (she has a bio and an avatar); Bob has neither, so no card repeats his name
      ['/blog/authors/alice/', 'Alice Example'],
    ]);
  });

  it('embeds a parseable BlogPosting JSON-LD', () => {
    const script = one(page(file), (el) => el.tagName === 'script' && prop(el, 'type') === 'application/ld+json', 'JSON-LD script');
    const data = JSON.parse(text(script)) as Record<string, unknown>;
    expect(data['@type']).toBe('BlogPosting');
    expect(data.headline).toBe(HOSTILE_TITLE);
    expect(data.datePublished).toBe('2025-03-10T09:30:00-07:00');
    expect(data.keywords).toEqual([HOSTILE_TAG, 'JavaScript']);
  });

  it('has article meta, a large card for an image and twitter:site', () => {
    const tree = page(file);
    expect(meta(tree, 'article:published_time')).toBe('2025-03-10T09:30:00-07:00');
    expect(meta(tree, 'article:modified_time')).toBe('2025-03-12T18:00:00-07:00');
    expect(meta(tree, 'og:image')).toBe(`${ORIGIN}/blog/images/card.png`);
    expect(meta(tree, 'twitter:card')).toBe('summary_large_image');
    expect(meta(tree, 'twitter:site')).toBe('@blogsmith');
    expect(meta(tree, 'description')).toBe(`Summary of ${HOSTILE_TITLE}`);
    expect(meta(page('posts/fourth/index.html'), 'twitter:card')).toBe('summary');
    expect(meta(page('posts/fourth/index.html'), 'twitter:site')).toBeUndefined();
  });

  it('links the older post as previous and the newer as next', () => {
    const nav = (f: string) => {
      const pick = (cls: string) => all(page(f), (el) => el.tagName === 'a' && hasClass(el, cls)).map((el) => prop(el, 'href'));
      return { prev: pick('post-nav-prev'), next: pick('post-nav-next') };
    };
    expect(nav('posts/script/index.html')).toEqual({ prev: ['/blog/posts/fourth/'], next: [] });
    expect(nav('posts/fourth/index.html')).toEqual({ prev: ['/blog/posts/third/'], next: ['/blog/posts/script/'] });
    expect(nav('2024/second/index.html')).toEqual({ prev: ['/blog/posts/first.html'], next: ['/blog/posts/third/'] });
    expect(nav('posts/first.html')).toEqual({ prev: [], next: ['/blog/2024/second/'] });
  });

  it('uses the post language for <html lang> and its dates', () => {
    const tree = page('2024/second/index.html');
    expect(prop(one(tree, byTag('html')), 'lang')).toBe('de');
    expect(text(one(tree, byTag('time')))).toBe('1. Juni 2024');
    expect(prop(one(page(file), byTag('html')), 'lang')).toBe('en-GB');
  });

  it('keeps drafts out of search engines', () => {
    expect(meta(page('posts/third/index.html'), 'robots')).toBe('noindex');
    expect(meta(page(file), 'robots')).toBeUndefined();
  });
});

describe('tag, author and archive pages', () => {
  it('lists every tag with its post count, sorted by label', () => {
    const list = one(page('tags/index.html'), (el) => el.tagName === 'ul' && hasClass(el, 'tag-index'), 'tag index');
    const items = all(list, byTag('li')).map((li) => [prop(one(li, byTag('a')), 'href'), text(li)]);
    expect(items).toEqual([
      ['/blog/tags/b-x/', `${HOSTILE_TAG} 1 post`],
      ['/blog/tags/javascript/', 'JavaScript 3 posts'],
      ['/blog/tags/notes/', 'Notes 2 posts'],
    ]);
  });

  it('paginates a tag page', () => {
    expect(postTitles('tags/javascript/index.html')).toEqual([HOSTILE_TITLE, 'Fourth post']);
    expect(postTitles('tags/javascript/page/2/index.html')).toEqual(['First post']);
    expect(links(page('tags/javascript/index.html'), 'next').map((el) => prop(el, 'href'))).toEqual(['/blog/tags/javascript/page/2/']);
    expect(links(page('tags/javascript/page/2/index.html'), 'prev').map((el) => prop(el, 'href'))).toEqual(['/blog/tags/javascript/']);
    expect(text(one(page('tags/b-x/index.html'), byTag('h1')))).toBe(`Posts tagged “${HOSTILE_TAG}”`);
    const feeds = links(page('tags/javascript/index.html'), 'alternate').map((el) => prop(el, 'href'));
    expect(feeds).toContain('/blog/tags/javascript/rss.xml');
  });

  it('shows an author with bio, avatar and posts', () => {
    const tree = page('authors/alice/index.html');
    expect(text(one(tree, byTag('h1')))).toBe('Alice Example');
    expect(text(one(tree, (el) => hasClass(el, 'bio')))).toBe('Writes about <code> & things');
    expect(prop(one(tree, byTag('img')), 'src')).toBe('/blog/images/alice.png');
    const posts = all(one(tree, (el) => hasClass(el, 'post-list')), byTag('a')).map((a) => text(a));
    expect(posts).toEqual([HOSTILE_TITLE, 'Fourth post', 'First post']);
    const list = one(page('authors/index.html'), (el) => el.tagName === 'ul' && hasClass(el, 'author-index'), 'author index');
    const index = all(list, byTag('li'));
    expect(index.map((li) => text(li))).toEqual(['Alice Example 3 posts', 'Bob 3 posts']);
  });

  it('groups the archive by year, newest first', () => {
    const sections = all(page('archive/index.html'), byTag('section')).map((section) => ({
      year: text(one(section, byTag('h2'))),
      posts: all(section, byTag('a')).map((a) => text(a)),
    }));
    expect(sections).toEqual([
      { year: '2025 (2)', posts: [HOSTILE_TITLE, 'Fourth post'] },
      // grouped by the calendar day shown, not by the UTC instant
      { year: '2024 (2)', posts: ['Third post', 'Zweiter Beitrag'] },
      { year: '2023 (1)', posts: ['First post'] },
    ]);
  });
});

describe('404', () => {
  it('uses only root-relative or absolute links, so it works at any depth', () => {
    const tree = page('404.html');
    const urls = all(tree, (el) => prop(el, 'href') !== undefined || prop(el, 'src') !== undefined).map(
      (el) => prop(el, 'href') ?? prop(el, 'src')!,
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url, url).toMatch(/^(\/blog\/|#|https:\/\/)/);
    expect(urls).toContain('/blog/');
    expect(meta(tree, 'robots')).toBe('noindex');
  });
});

describe('template overrides', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'blog-templates-'));
    await writeFile(
      path.join(dir, 'post.liquid'),
      "{% layout 'base.liquid' %}{% block content %}<h1 id=\"custom\">{{ post.title }}</h1>{% endblock %}",
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a template from the site directory first and the rest from the defaults', async () => {
    const result = await renderPages(makeSite(), [dir, TEMPLATES]);
    const out = new Map(result.files.map((f) => [f.path, f.contents]));
    const post = parse(out.get('posts/script/index.html')!).tree;
    const h1 = one(post, byTag('h1'));
    expect(prop(h1, 'id')).toBe('custom');
    expect(text(h1)).toBe(HOSTILE_TITLE); // still escaped by default
    expect(all(post, byTag('article'))).toEqual([]);
    // the default layout and the other defaults still apply
    expect(links(post, 'canonical').map((el) => prop(el, 'href'))).toEqual([`${ORIGIN}/blog/posts/script/`]);
    expect(out.get('index.html')).toBe(files.get('index.html'));
  });
});

describe('an empty site', () => {
  it('still renders a home page, the indexes and 404', async () => {
    const site = { ...makeSite(), posts: [], tags: [], authors: [] };
    const result = await renderPages(site, [TEMPLATES]);
    expect(result.files.map((f) => f.path).sort()).toEqual(
      ['404.html', 'archive/index.html', 'authors/index.html', 'index.html', 'search/index.html', 'tags/index.html'].sort(),
    );
    expect(result.pagePaths).toEqual(['', 'tags/', 'authors/', 'archive/']);
    const home = parse(result.files.find((f) => f.path === 'index.html')!.contents);
    expect(home.errors).toEqual([]);
    expect(text(one(home.tree, byTag('main')))).toContain('No posts yet');
  });
});
