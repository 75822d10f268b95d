import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderHostFiles } from '../../src/render/host-files.ts';
import { makeSite } from './site-fixture.ts';

const site = makeSite();
const PAGES = ['', 'posts/hello-world/', 'posts/hostile/', 'tags/', 'tags/r&d/', 'archive/', '404.html', 'tags/'];

function sitemapOf(paths: string[]) {
  const [sitemap, robots] = renderHostFiles(site, paths);
  expect(sitemap?.path).toBe('sitemap.xml');
  expect(robots?.path).toBe('robots.txt');
  return { sitemap: sitemap!.contents, robots: robots!.contents };
}

describe('sitemap.xml', () => {
  const { sitemap } = sitemapOf(PAGES);
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(sitemap) as {
    urlset: { url: Array<{ loc: string; lastmod?: string }> };
  };
  const urls = parsed.urlset.url;

  it('is well-formed XML in the sitemap namespace', () => {
    expect(XMLValidator.validate(sitemap)).toBe(true);
    expect(sitemap).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  });

  it('lists each page once, as an absolute URL under the base URL, sorted, without the 404 page', () => {
    expect(urls.map((url) => url.loc)).toEqual([
      'https://example.org/blog/',
      'https://example.org/blog/archive/',
      'https://example.org/blog/posts/hello-world/',
      'https://example.org/blog/posts/hostile/',
      'https://example.org/blog/tags/',
      'https://example.org/blog/tags/r%26d/',
    ]);
    // Each path segment is percent-encoded, so the folder `r&d` is reachable and the XML needs no entity.
    expect(sitemap).toContain('<loc>https://example.org/blog/tags/r%26d/</loc>');
  });

  it('dates post pages with their last change and nothing else', () => {
    const lastmod = Object.fromEntries(urls.map((url) => [url.loc, url.lastmod]));
    expect(lastmod['https://example.org/blog/posts/hello-world/']).toBe('2025-02-05T08:30:00+01:00');
    expect(lastmod['https://example.org/blog/posts/hostile/']).toBe('2025-01-15T00:00:00+00:00');
    expect(lastmod['https://example.org/blog/tags/']).toBeUndefined();
  });

  it('does not depend on the order of the page paths', () => {
    expect(sitemapOf([...PAGES].reverse())).toEqual(sitemapOf(PAGES));
  });
});

describe('robots.txt', () => {
  it('allows everything and names the absolute sitemap URL', () => {
    const { robots } = sitemapOf(PAGES);
    expect(robots.split('\n')).toEqual(['User-agent: *', 'Allow: /', '', 'Sitemap: https://example.org/blog/sitemap.xml', '']);
  });
});

describe('sitemap index', () => {
  // Six pages, three to a file: an index and two parts.
  const files = renderHostFiles(site, PAGES, 3);
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
  const locs = (path: string) => {
    const parsed = parser.parse(files.find((file) => file.path === path)!.contents) as { urlset: { url: Array<{ loc: string }> } };
    return parsed.urlset.url.map((url) => url.loc);
  };

  it('splits the pages into parts of at most the limit, in order, each well-formed', () => {
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'robots.txt']);
    for (const file of files.slice(0, 3)) expect(XMLValidator.validate(file.contents)).toBe(true);
    expect([...locs('sitemap-1.xml'), ...locs('sitemap-2.xml')]).toEqual(urlsOf(sitemapOf(PAGES).sitemap));
    expect(locs('sitemap-1.xml')).toHaveLength(3);
  });

  it('makes sitemap.xml an index of the parts, so robots.txt still names the right file', () => {
    const index = parser.parse(files[0]!.contents) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    expect(files[0]!.contents).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.sitemapindex.sitemap.map((entry) => entry.loc)).toEqual(['https://example.org/blog/sitemap-1.xml', 'https://example.org/blog/sitemap-2.xml']);
    expect(files.at(-1)!.contents).toContain('Sitemap: https://example.org/blog/sitemap.xml');
  });

  it('stays one plain sitemap up to the limit', () => {
    expect(renderHostFiles(site, PAGES, 6).map((file) => file.path)).toEqual(['sitemap.xml', 'robots.txt']);
  });
});

function urlsOf(sitemap: string): string[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(sitemap) as { urlset: { url: Array<{ loc: string }> } };
  return parsed.urlset.url.map((url) => url.loc);
}
