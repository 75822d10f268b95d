/**
 * What a standalone page shows beyond its text, built by the real CLI from test/sites/pages-media
 * (a German site, drafts included): math with KaTeX's stylesheet, the `image` as a sized
 * `<picture>` like a post's hero, the theme's words in the site's language; and list thumbnails
 * that load a small copy of the post's image, not the original.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, type BuiltSite } from '../helpers/cli.ts';
import { byTag, parseHtml, text } from '../helpers/html.ts';

/** The thumbnail's shown width, as static/style.css gives it: 160 px, the whole column under 30rem. */
const THUMB_SIZES = '(max-width: 30rem) calc(100vw - 2rem), 160px';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(['--root', path.join(PROJECT, 'test/sites/pages-media'), '--drafts']);
});

/** The hrefs of a page's stylesheet links. */
async function stylesheets(file: string): Promise<string[]> {
  return byTag(parseHtml(await site.read(file)), 'link')
    .filter((link) => (link.properties.rel as string[]).includes('stylesheet'))
    .map((link) => String(link.properties.href));
}

describe('a standalone page with math', () => {
  it('links KaTeX’s stylesheet, which the build writes beside its fonts', async () => {
    expect(site.run.code, site.run.stderr).toBe(0);
    const katex = (await stylesheets('formel/index.html')).filter((href) => /\/assets\/katex-[^/]+\/katex\.min\.css$/.test(href));
    expect(katex).toHaveLength(1);
    // Written even though no post has math: the page alone needs it.
    expect(site.files).toContain(katex[0]!.replace(/^\/blog\//, ''));
    expect(await site.read(katex[0]!.replace(/^\/blog\//, ''))).toContain('.katex');
  });

  it('leaves the stylesheet off the pages without math', async () => {
    for (const file of ['about/index.html', 'posts/photo/index.html', 'index.html']) {
      expect((await stylesheets(file)).filter((href) => href.includes('katex')), file).toEqual([]);
    }
  });
});

describe('a standalone page’s image', () => {
  it('is a sized <picture> with the resized copies the build made, as a post’s hero', async () => {
    const tree = parseHtml(await site.read('about/index.html'));
    const [figure] = byTag(tree, 'figure').filter((figure) => (figure.properties.className as string[]).includes('post-hero'));
    const root = { type: 'root' as const, children: [figure!] };
    const [img] = byTag(root, 'img');
    expect(img!.properties).toMatchObject({ src: '/blog/about/team.jpg', alt: 'Das Team vor dem Büro', width: 520, height: 325, fetchPriority: 'high' });
    const sources = byTag(root, 'source');
    expect(sources.map((source) => source.properties.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) {
      const [candidate, width] = String(source.properties.srcSet).split(' ');
      expect(width).toBe('480w');
      expect(site.files).toContain(candidate!.replace(/^\/blog\//, ''));
    }
  });
});

describe('a standalone page on a German site', () => {
  it('shows the theme’s German words, not English ones', async () => {
    const tree = parseHtml(await site.read('about/index.html'));
    const [header] = byTag(tree, 'header').filter((header) => (header.properties.className as string[]).includes('page-header'));
    expect(text(header!).replace(/\s+/g, ' ')).toContain('Aktualisiert am 1. April 2025 Entwurf');
    const [toc] = byTag(tree, 'nav').filter((nav) => (nav.properties.className as string[]).includes('toc'));
    expect(toc!.properties.ariaLabel).toBe('Inhaltsverzeichnis');
    expect(text(byTag({ type: 'root', children: [toc!] }, 'h2')[0]!)).toBe('Inhalt');
    const article = text(byTag(tree, 'article')[0]!);
    for (const word of ['Updated', 'Draft', 'Table of contents', 'Contents']) expect(article).not.toContain(word);
  });
});

describe('a list thumbnail', () => {
  it('offers the smallest resized copies for its 160 px slot, keeping the original as the fallback', async () => {
    const tree = parseHtml(await site.read('index.html'));
    const [img] = byTag(tree, 'img').filter((img) => (img.properties.className as string[] | undefined)?.includes('post-thumb'));
    expect(img!.properties).toEqual({ className: ['post-thumb'], src: '/blog/posts/photo/cover.jpg', alt: '', width: 160, height: 90, loading: 'lazy', decoding: 'async' });
    const [picture] = byTag(tree, 'picture');
    const sources = byTag({ type: 'root', children: [picture!] }, 'source');
    expect(sources.map((source) => [source.properties.type, source.properties.sizes])).toEqual([['image/avif', THUMB_SIZES], ['image/webp', THUMB_SIZES]]);
    for (const source of sources) {
      const candidates = String(source.properties.srcSet).split(', ');
      // The image is 520 px wide, so one copy: told the slot's width, a browser takes the narrowest copy that fills it.
      expect(candidates.map((candidate) => candidate.split(' ')[1])).toEqual(['480w']);
      expect(site.files).toContain(candidates[0]!.split(' ')[0]!.replace(/^\/blog\//, ''));
    }
  });
});
