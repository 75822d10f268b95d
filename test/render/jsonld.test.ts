import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { blogPostingJsonLd, listJsonLd } from '../../src/render/jsonld.ts';
import { HOSTILE_TITLE, makeSite } from './site-fixture.ts';

const site = makeSite();
const [first, hostile, third] = site.posts as [(typeof site.posts)[0], (typeof site.posts)[0], (typeof site.posts)[0]];

/** What a browser or crawler reads back: the text of the script element in a real page. */
function readBack(json: string): Record<string, unknown> {
  const tree = fromHtml(`<html><head><script type="application/ld+json">${json}</script></head><body><p>after</p></body></html>`);
  const scripts: string[] = [];
  const walk = (node: { type: string; tagName?: string; children?: unknown[] }): void => {
    if (node.type === 'element' && node.tagName === 'script') scripts.push(toString(node as never));
    for (const child of node.children ?? []) walk(child as never);
  };
  walk(tree as never);
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!) as Record<string, unknown>;
}

describe('blogPostingJsonLd', () => {
  it('describes the post as a schema.org BlogPosting with absolute URLs', () => {
    const data = readBack(blogPostingJsonLd(first, site));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Hello, world',
      url: 'https://example.org/blog/posts/hello-world/',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/blog/posts/hello-world/' },
      datePublished: '2025-02-01T10:00:00+01:00',
      dateModified: '2025-02-05T08:30:00+01:00',
      keywords: ['Open Source', 'FOSDEM'],
      description: 'Two authors write about <b>FOSDEM</b> & friends.',
      image: 'https://example.org/blog/posts/hello-world/cover.png',
      inLanguage: 'en-GB',
      publisher: { '@type': 'Organization', name: 'Notes & "Things"' },
    });
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Gerrit Jansen', url: 'https://gerrit.example/' },
      { '@type': 'Person', name: 'Ana <Ops> & Co' },
    ]);
  });

  it('falls back to the published date and resolves tag keys to the site labels', () => {
    const data = readBack(blogPostingJsonLd(hostile, site));
    expect(data.dateModified).toBe(hostile.published.iso);
    expect(data.keywords).toEqual(['FOSDEM', 'I <3 Rust & "C"']);
    expect(data).not.toHaveProperty('image');
  });

  it('makes the root-relative image href absolute', () => {
    expect(readBack(blogPostingJsonLd(third, site)).image).toBe('https://example.org/blog/img/third.png');
  });

  it('cannot close the script element, whatever the front matter says', () => {
    const json = blogPostingJsonLd({ ...hostile, summary: '</script><!-- \u2028\u2029 -->' }, site);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const data = readBack(json);
    expect(data.headline).toBe(HOSTILE_TITLE);
    expect(data.description).toBe('</script><!-- \u2028\u2029 -->');
  });
});

describe('listJsonLd', () => {
  it('describes the home page as a Blog listing its posts', () => {
    const data = readBack(listJsonLd('Blog', site, { path: '', title: site.config.title, posts: site.posts }));
    expect(data).toMatchObject({ '@type': 'Blog', url: 'https://example.org/blog/', name: 'Notes & "Things"' });
    expect((data.blogPost as Array<{ url: string }>).map((post) => post.url)).toEqual([
      'https://example.org/blog/posts/hello-world/',
      'https://example.org/blog/posts/hostile/',
      'https://example.org/blog/posts/third/',
    ]);
  });

  it('describes other lists as a CollectionPage with an ItemList', () => {
    const tag = site.tags[2]!;
    const json = listJsonLd('CollectionPage', site, { path: `tags/${tag.slug}/`, title: tag.label, posts: tag.posts });
    expect(json).not.toContain('<');
    const data = readBack(json);
    expect(data).toMatchObject({ '@type': 'CollectionPage', name: 'I <3 Rust & "C"', url: 'https://example.org/blog/tags/rust-love/' });
    expect(data.mainEntity).toEqual({
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://example.org/blog/posts/hostile/' },
        { '@type': 'ListItem', position: 2, url: 'https://example.org/blog/posts/third/' },
      ],
    });
  });
});
