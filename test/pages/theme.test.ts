/** What the default theme adds to pages: contents, related posts, author cards, hero, search hooks, SEO. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPages } from '../../src/render/pages.ts';
import type { Site } from '../../src/types.ts';
import { makeSite } from './fixture.ts';
import { all, byTag, hasClass, links, meta, one, parse, prop, text } from './html.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

type Tree = ReturnType<typeof parse>['tree'];

async function render(site: Site): Promise<Map<string, Tree>> {
  const result = await renderPages(site, [TEMPLATES]);
  return new Map(result.files.map((file) => [file.path, parse(file.contents).tree]));
}

let pages: Map<string, Tree>;
const page = (file: string): Tree => {
  const tree = pages.get(file);
  if (!tree) throw new Error(`No output file ${file}`);
  return tree;
};
const byClass = (name: string) => (el: Parameters<typeof hasClass>[0]) => hasClass(el, name);

beforeAll(async () => {
  pages = await render(makeSite());
});

describe('table of contents', () => {
  /** The contents as `text → href`, children indented. */
  const toc = (tree: Tree): string[] =>
    all(tree, byClass('toc')).flatMap((nav) =>
      all(nav, byTag('a')).map((a) => {
        const nested = all(nav, byTag('li')).some((li) => all(li, byTag('ol')).some((ol) => all(ol, (el) => el === a).length > 0));
        return `${nested ? '  ' : ''}${text(a)} → ${prop(a, 'href')}`;
      }),
    );

  it('lists three or more headings, deeper ones nested under the one before', () => {
    expect(toc(page('posts/fourth/index.html'))).toEqual(['Setup → #setup', '  Install <it> → #install', 'Use → #use']);
    expect(prop(one(page('posts/fourth/index.html'), byClass('toc')), 'ariaLabel')).toBe('Table of contents');
  });

  it('shows none for a post without headings, or when front matter says `toc: false`', async () => {
    expect(toc(page('posts/script/index.html'))).toEqual([]);
    const site = makeSite();
    // As the normaliser reads front matter `toc: false`.
    site.posts[1]!.data = { ...site.posts[1]!.data, toc: false };
    site.posts[1]!.showToc = false;
    expect(toc((await render(site)).get('posts/fourth/index.html')!)).toEqual([]);
  });

  it('shows fewer than three headings only when front matter asks with `toc: true`', async () => {
    const site = makeSite();
    const few = [{ depth: 2, id: 'only', text: 'Only' }];
    Object.assign(site.posts[0]!, { toc: few });
    expect(toc((await render(site)).get('posts/script/index.html')!)).toEqual([]);
    site.posts[0]!.data = { ...site.posts[0]!.data, toc: true };
    site.posts[0]!.showToc = true;
    expect(toc((await render(site)).get('posts/script/index.html')!)).toEqual(['Only → #only']);
  });
});

describe('post extras', () => {
  const related = (file: string) => all(page(file), byClass('related')).flatMap((section) => all(section, byTag('a')).map((a) => prop(a, 'href')));

  it('links related posts by shared tags, never a draft, and shows none without shared tags', () => {
    expect(related('posts/script/index.html')).toEqual(['/blog/posts/fourth/', '/blog/posts/first.html']);
    // `notes` is shared only with a draft
    expect(related('posts/fourth/index.html')).toEqual(['/blog/posts/script/', '/blog/posts/first.html']);
    expect(related('2024/second/index.html')).toEqual([]);
    expect(all(page('2024/second/index.html'), byClass('related'))).toEqual([]);
  });

  it('shows a card for each author with a bio or an avatar', () => {
    const cards = all(page('posts/fourth/index.html'), byClass('author-card'));
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(prop(one(card, byTag('img')), 'src')).toBe('/blog/images/alice.png');
    expect(prop(one(card, byTag('img')), 'alt')).toBe(''); // the name is right beside it
    expect(text(one(card, byClass('author-name')))).toBe('Alice Example');
    expect(text(one(card, byClass('author-bio')))).toBe('Writes about <code> & things');
    expect(all(page('2024/second/index.html'), byClass('author-card'))).toEqual([]); // Bob: name only
  });

  it('shows the hero image with the alt text front matter gives, and tells social cards', () => {
    const hero = one(one(page('posts/script/index.html'), byClass('post-hero')), byTag('img'));
    expect([prop(hero, 'src'), prop(hero, 'alt')]).toEqual(['/blog/images/card.png', 'A <card> & "more"']);
    expect(meta(page('posts/script/index.html'), 'og:image:alt')).toBe('A <card> & "more"');
    expect(all(page('posts/fourth/index.html'), byClass('post-hero'))).toEqual([]);
  });

  it('lets Pagefind index the article of published posts only', () => {
    const indexed = [...pages].flatMap(([file, tree]) =>
      all(tree, (el) => prop(el, 'dataPagefindBody') !== undefined).map((el) => `${file} ${el.tagName}`),
    );
    expect(indexed.sort()).toEqual(
      ['2024/second/index.html article', 'posts/first.html article', 'posts/fourth/index.html article', 'posts/script/index.html article'],
    );
  });
});

describe('lists', () => {
  it('sizes the tag cloud by count, and keeps the count in words for screen readers', () => {
    const items = all(one(page('tags/index.html'), byClass('tag-cloud')), byTag('li'));
    expect(items.map((li) => [prop(li, 'className'), text(li)])).toEqual([
      ['tag-weight-1', '<b>x</b> 1 post'],
      ['tag-weight-5', 'JavaScript 3 posts'],
      ['tag-weight-4', 'Notes 2 posts'],
    ]);
  });
});

describe('SEO', () => {
  it('names the post language with hreflang only where it differs from the site’s', () => {
    const hreflang = [...pages].flatMap(([file, tree]) =>
      links(tree, 'alternate')
        .filter((el) => prop(el, 'hrefLang') !== undefined)
        .map((el) => [file, prop(el, 'hrefLang'), prop(el, 'href')]),
    );
    expect(hreflang).toEqual([['2024/second/index.html', 'de', 'https://example.org/blog/2024/second/']]);
  });

  it('describes each page with the schema.org type it is', () => {
    const types = (file: string) =>
      all(page(file), (el) => el.tagName === 'script' && prop(el, 'type') === 'application/ld+json').map(
        (el) => (JSON.parse(text(el)) as { '@type': string })['@type'],
      );
    expect(types('index.html')).toEqual(['Blog']);
    expect(types('page/2/index.html')).toEqual(['Blog']);
    expect(types('posts/script/index.html')).toEqual(['BlogPosting']);
    for (const file of ['tags/javascript/index.html', 'tags/javascript/page/2/index.html', 'authors/alice/index.html', 'archive/index.html']) {
      expect(types(file), file).toEqual(['CollectionPage']);
    }
  });
});

describe('layout', () => {
  it('hides the theme toggle until its script runs, and loads that script deferred', () => {
    for (const [file, tree] of pages) {
      const toggle = one(tree, byClass('theme-toggle'), 'theme toggle');
      expect([prop(toggle, 'type'), prop(toggle, 'hidden'), prop(toggle, 'ariaPressed'), text(toggle)], file).toEqual(['button', 'true', 'false', 'Dark theme']);
      const script = one(tree, (el) => el.tagName === 'script' && prop(el, 'src') === '/blog/theme.js', 'theme script');
      expect(prop(script, 'defer'), file).toBe('true');
    }
  });

  it('puts the search box in every header, unless the config turns search off', async () => {
    const form = one(one(page('posts/script/index.html'), (el) => hasClass(el, 'site-header')), byTag('form'));
    expect([prop(form, 'role'), prop(form, 'action')]).toEqual(['search', '/blog/search/']);
    const site = makeSite();
    site.config = { ...site.config, search: false };
    const off = await render(site);
    expect(all(off.get('index.html')!, byTag('form'))).toEqual([]);
    expect(off.has('search/index.html')).toBe(false);
  });
});
