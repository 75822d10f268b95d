/** The route table: what each kind of page is called, which names posts may not take, and URLs under a base path. */
import { describe, expect, it } from 'vitest';
import {
  encodePath,
  isReservedFile,
  outputFileOf,
  pagePath,
  pathOfFile,
  reservedNames,
  reservedTest,
  routePath,
  ROUTES,
  routesFor,
  type Route,
} from '../../src/site/routes.ts';

describe('paths of page kinds', () => {
  it.each([
    [routePath('home'), ''],
    [routePath('post', { slug: 'hello' }), 'posts/hello/'],
    [routePath('tag', { slug: 'go' }), 'tags/go/'],
    [routePath('tagFeed', { slug: 'go' }), 'tags/go/rss.xml'],
    [routePath('author', { id: 'ada' }), 'authors/ada/'],
    [routePath('sitemapPart', { n: 3 }), 'sitemap-3.xml'],
    [routePath('searchIndexPart', { n: 2 }), 'pagefind/part-2/'],
    [routePath('notFound'), '404.html'],
  ])('%j is %j', (path, expected) => {
    expect(path).toBe(expected);
  });

  it('refuses a pattern whose parameter has no value', () => {
    expect(() => (routePath as (kind: string, params: object) => string)('tag', {})).toThrow('The route tags/:slug/ needs a value for :slug');
  });

  it('puts page 1 of a list at the list itself and page n under page/n/', () => {
    expect(pagePath('', 1)).toBe('');
    expect(pagePath('', 2)).toBe('page/2/');
    expect(pagePath(routePath('tag', { slug: 'go' }), 1)).toBe('tags/go/');
    expect(pagePath(routePath('tag', { slug: 'go' }), 12)).toBe('tags/go/page/12/');
  });

  it.each([
    ['', 'index.html'],
    ['posts/x/', 'posts/x/index.html'],
    ['rss.xml', 'rss.xml'],
    ['2020/hello.html', '2020/hello.html'],
  ])('serves %j from the file %j, and back', (path, file) => {
    expect(outputFileOf(path)).toBe(file);
    expect(pathOfFile(file)).toBe(path);
  });
});

describe('reserved names', () => {
  it('are the first segments of every kind the table names, except where posts live', () => {
    expect(reservedNames().sort()).toEqual(
      [
        '404.html',
        'archive',
        'atom.xml',
        'authors',
        'feed.json',
        'index.html',
        'page',
        'pagefind',
        'robots.txt',
        'rss.xml',
        'search',
        'search.js',
        'sitemap-:n.xml',
        'sitemap.xml',
        'style.css',
        'tags',
        'theme.js',
        '_redirects',
      ].sort(),
    );
  });

  it("reserve every kind's own path, with any parameter", () => {
    for (const [kind, route] of Object.entries(ROUTES) as Array<[string, Route]>) {
      const file = outputFileOf(route.pattern.replace(/:n\b/g, '7').replace(/:[a-z]+/gi, 'x'));
      expect([kind, isReservedFile(file)]).toEqual([kind, !route.shared]);
    }
  });

  it('follow the table: a new kind reserves its name, a shared one does not', () => {
    const table: Record<string, Route> = { ...ROUTES, events: { pattern: 'events/:slug/', paginated: true }, notes: { pattern: 'notes/:slug/', shared: true } };
    expect(reservedNames(table)).toContain('events');
    expect(reservedNames(table)).not.toContain('notes');
    expect(reservedTest(table)('events/fosdem/index.html')).toBe(true);
    expect(isReservedFile('events/fosdem/index.html')).toBe(false);
  });

  it.each([
    ['tags/x/index.html', true],
    ['TAGS/x/index.html', true],
    ['page/2/index.html', true],
    ['index.html', true],
    ['Feed.json', true],
    ['sitemap-3.xml', true],
    ['pagefind/x/index.html', true],
    ['sitemap-x.xml', false],
    ['sitemap-3.xml.bak', false],
    ['tagsx/index.html', false],
    ['posts/tags/index.html', false],
    ['assets/x/index.html', false],
    ['2020/hello.html', false],
  ])('%s is reserved: %s', (file, reserved) => {
    expect(isReservedFile(file)).toBe(reserved);
  });
});

describe('URLs of a site', () => {
  it('at the root of its domain', () => {
    const routes = routesFor({ url: 'https://example.org' });
    expect(routes.url).toBe('https://example.org/');
    expect(routes.basePath).toBe('/');
    expect(routes.href('')).toBe('/');
    expect(routes.href('posts/x/')).toBe('/posts/x/');
    expect(routes.absolute('')).toBe('https://example.org/');
    expect(routes.absolute('tags/go/rss.xml')).toBe('https://example.org/tags/go/rss.xml');
  });

  it('under a sub-path, with or without its final slash', () => {
    for (const url of ['https://example.org/blog/', 'https://example.org/blog', 'https://example.org/blog/?utm=x#top']) {
      const routes = routesFor({ url });
      expect(routes.url).toBe('https://example.org/blog/');
      expect(routes.basePath).toBe('/blog/');
      expect(routes.href('')).toBe('/blog/');
      expect(routes.href('posts/x/')).toBe('/blog/posts/x/');
      expect(routes.href('/img/a.png')).toBe('/blog/img/a.png');
      expect(routes.absolute('posts/x/')).toBe('https://example.org/blog/posts/x/');
    }
  });

  it('encode each segment, so folders named 100% or a#b are reachable', () => {
    expect(encodePath('100%/')).toBe('100%25/');
    expect(encodePath('posts/a#b/')).toBe('posts/a%23b/');
    expect(encodePath('/tags/日本語/')).toBe('tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
    const routes = routesFor({ url: 'https://example.org/blog/' });
    expect(routes.href('posts/100%/')).toBe('/blog/posts/100%25/');
    expect(routes.absolute('posts/a#b/')).toBe('https://example.org/blog/posts/a%23b/');
  });
});
