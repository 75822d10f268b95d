import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/normalize/dates.ts';
import { parsePattern } from '../../src/content/normalize/permalink-pattern.ts';
import { normalizePath } from '../../src/content/normalize/slug-path.ts';
import type { PostDate, SiteConfig } from '../../src/types.ts';
import { makeContext, makeRaw } from './context.ts';

/** 4 May 2023, 23:20:30 UTC: already the 5th in Brussels, so the pattern tests show which zone counts. */
const PUBLISHED = '2023-05-04T23:20:30Z';

/** The post's date as the date normaliser gives it, in the config's timezone. */
function dated(value: string, timeZone: string): PostDate {
  const result = parseDate(value, timeZone);
  if (!('date' in result)) throw new Error(result.error);
  return result.date;
}

/** Normalise with this relPath and front matter; return the result and the messages. */
function run(relPath: string, data: Record<string, unknown>, config: Partial<SiteConfig> = {}, written = PUBLISHED) {
  const ctx = makeContext({ config });
  const published = dated(written, ctx.config.timezone);
  return { result: normalizePath(makeRaw(data, { relPath }), data, ctx, published), messages: ctx.messages };
}

describe('normalizePath', () => {
  describe('valid', () => {
    it.each<[string, string, Record<string, unknown>, { slug: string; path: string; folderPath?: string }]>([
      ['file name', 'fosdem-2025.md', {}, { slug: 'fosdem-2025', path: 'posts/fosdem-2025/' }],
      ['explicit slug', 'whatever.md', { slug: 'fosdem-recap' }, { slug: 'fosdem-recap', path: 'posts/fosdem-recap/' }],
      ['explicit slug, slugified', 'x.md', { slug: 'Mixed_Case.v2' }, { slug: 'mixed_casev2', path: 'posts/mixed_casev2/' }],
      // Astro's slugs are paths: `slug: 2019/intro` keeps its folder.
      ['slug with slashes (Astro)', 'x.md', { slug: '2019/Intro Post' }, { slug: '2019/intro-post', path: 'posts/2019/intro-post/' }],
      ["Hugo's url", 'x.md', { url: '/articles/my-first-article/' }, { slug: 'x', path: 'articles/my-first-article/' }],
      ["Zola's path, without a leading slash", 'x.md', { path: '2023/05/04/some-post' }, { slug: 'x', path: '2023/05/04/some-post/' }],
      ['permalink wins over url and path', 'x.md', { path: '/c/', url: '/b/', permalink: '/a/' }, { slug: 'x', path: 'a/' }],
      ['nested file: the folder kept aside for collisions', '2019/intro.md', {}, { slug: 'intro', path: 'posts/intro/', folderPath: 'posts/2019/intro/' }],
      ['URL-hostile explicit slug', 'x.md', { slug: 'a#b?c 100%' }, { slug: 'abc-100', path: 'posts/abc-100/' }],
      ['non-Latin slug', 'x.md', { slug: '日本語' }, { slug: '日本語', path: 'posts/日本語/' }],
      ['permalink with slashes', 'hello.md', { permalink: '/2020/hello/' }, { slug: 'hello', path: '2020/hello/' }],
      ['version slug keeps its dots', 'x.md', { slug: '4.2.0' }, { slug: '4.2.0', path: 'posts/4.2.0/' }],
      ['.html permalink is a file', 'hello.md', { permalink: '/2020/hello.html' }, { slug: 'hello', path: '2020/hello.html' }],
    ])('%s', (_name, relPath, data, expected) => {
      const { result, messages } = run(relPath, data);
      expect(result).toEqual(expected);
      expect(messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each<[string, string, Record<string, unknown>, { slug: string; path: string; folderPath?: string }]>([
      ['date prefix dropped', '2025-02-03-my_first-post.md', {}, { slug: 'my_first-post', path: 'posts/my_first-post/' }],
      ['folder name for index.md', '2025/2025-02-03-FOSDEM Trip/index.md', {}, { slug: 'fosdem-trip', path: 'posts/fosdem-trip/', folderPath: 'posts/2025/fosdem-trip/' }],
      ["Eleventy's index.html is the folder", 'x.md', { permalink: '/blog/x/index.html' }, { slug: 'x', path: 'blog/x/' }],
      ["a url on the site's own address", 'x.md', { url: 'https://example.org/2019/x/' }, { slug: 'x', path: '2019/x/' }],
      ['version file name keeps its dots', '2024-05-01-4.2.0.md', {}, { slug: '4.2.0', path: 'posts/4.2.0/' }],
      ['.markdown extension', 'Hello World.markdown', {}, { slug: 'hello-world', path: 'posts/hello-world/' }],
      ['non-Latin file name', '日本語.md', {}, { slug: '日本語', path: 'posts/日本語/' }],
      ['punctuation-only file name', '!!!.md', {}, { slug: expect.stringMatching(/^x-[0-9a-f]{8}$/) as unknown as string, path: expect.stringMatching(/^posts\/x-[0-9a-f]{8}\/$/) as unknown as string }],
      ['slug trimmed', 'x.md', { slug: '  spaced  ' }, { slug: 'spaced', path: 'posts/spaced/' }],
      ['numeric slug', 'x.md', { slug: 2025 }, { slug: '2025', path: 'posts/2025/' }],
      ['permalink without slashes', 'hello.md', { permalink: '2020/hello' }, { slug: 'hello', path: '2020/hello/' }],
      ['permalink with doubled slashes', 'hello.md', { permalink: '//2020//hello' }, { slug: 'hello', path: '2020/hello/' }],
      ['null slug and permalink are absent', 'hello.md', { slug: null, permalink: null }, { slug: 'hello', path: 'posts/hello/' }],
    ])('%s', (_name, relPath, data, expected) => {
      const { result, messages } = run(relPath, data);
      expect(result).toEqual(expected);
      expect(messages).toEqual([]);
    });
  });

  describe('invalid, with the exact message; the file-derived path is used', () => {
    it.each<[Record<string, unknown>, string, string, string]>([
      [{ slug: '..' }, 'Unsafe slug "..": it contains ".."', 'slug', 'unsafe-path'],
      [{ slug: 'a\\b' }, 'Unsafe slug "a\\b": it contains a backslash', 'slug', 'unsafe-path'],
      [{ slug: 'a/../b' }, 'Unsafe slug "a/../b": it contains ".."', 'slug', 'unsafe-path'],
      [{ slug: '/' }, 'Unsafe slug "/": it is empty', 'slug', 'unsafe-path'],
      [{ url: '/../x/' }, 'Unsafe url "/../x/": it would leave the output folder', 'url', 'unsafe-path'],
      [{ path: 'a/%2e%2e/b' }, 'Unsafe path "a/%2e%2e/b": it would leave the output folder', 'path', 'unsafe-path'],
      [{ url: 7 }, 'Invalid url 7: expected a path such as /2020/hello/', 'url', 'invalid-permalink'],
      [{ slug: '' }, 'Unsafe slug "": it is empty', 'slug', 'unsafe-path'],
      [{ slug: '   ' }, 'Unsafe slug "   ": it is empty', 'slug', 'unsafe-path'],
      [{ slug: 'a\u0000b' }, 'Unsafe slug "a\\u{0}b": it contains a control character', 'slug', 'unsafe-path'],
      [{ slug: '.' }, 'Unsafe slug ".": it is only "."', 'slug', 'unsafe-path'],
      [{ slug: ['a'] }, 'Invalid slug ["a"]: expected text', 'slug', 'invalid-slug'],
      [{ permalink: '/../../etc/' }, 'Unsafe permalink "/../../etc/": it would leave the output folder', 'permalink', 'unsafe-path'],
      [{ permalink: '/a/./b/' }, 'Unsafe permalink "/a/./b/": it contains a "." segment', 'permalink', 'unsafe-path'],
      [{ permalink: '/a/%2e%2e/b/' }, 'Unsafe permalink "/a/%2e%2e/b/": it would leave the output folder', 'permalink', 'unsafe-path'],
      // Found by the property tests (properties.test.ts).
      [{ slug: 'x'.repeat(201) }, `Unsafe slug "${'x'.repeat(100)}…": it is longer than 200 bytes`, 'slug', 'unsafe-path'],
      [{ permalink: `/a/${'é'.repeat(101)}/` }, `Unsafe permalink "/a/${'é'.repeat(97)}…": a segment is longer than 200 bytes`, 'permalink', 'unsafe-path'],
      [{ permalink: '/a/..../' }, 'Unsafe permalink "/a/..../": it contains ".."', 'permalink', 'unsafe-path'],
      [{ permalink: '/javascript:alert(1)' }, 'Unsafe permalink "/javascript:alert(1)": it must be a path inside the site, not a URL or drive', 'permalink', 'unsafe-path'],
      [{ permalink: '/a/%2fb/' }, 'Unsafe permalink "/a/%2fb/": it contains an encoded slash', 'permalink', 'unsafe-path'],
      [{ permalink: 'C:\\site\\x' }, 'Unsafe permalink "C:\\site\\x": it contains a backslash', 'permalink', 'unsafe-path'],
      [{ permalink: 'C:/site/x' }, 'Unsafe permalink "C:/site/x": it must be a path inside the site, not a URL or drive', 'permalink', 'unsafe-path'],
      [{ permalink: 'https://evil.example/x' }, 'Unsafe permalink "https://evil.example/x": it must be a path inside the site, not a URL or drive', 'permalink', 'unsafe-path'],
      [{ permalink: 'javascript:alert(1)' }, 'Unsafe permalink "javascript:alert(1)": it must be a path inside the site, not a URL or drive', 'permalink', 'unsafe-path'],
      [{ permalink: '/x%00/' }, 'Unsafe permalink "/x%00/": it contains a control character', 'permalink', 'unsafe-path'],
      [{ permalink: '/x\u0000/' }, 'Unsafe permalink "/x\\u{0}/": it contains a control character', 'permalink', 'unsafe-path'],
      [{ permalink: '/x/?page=2' }, 'Unsafe permalink "/x/?page=2": it must be a path, without "?" or "#"', 'permalink', 'unsafe-path'],
      [{ permalink: '/' }, 'Unsafe permalink "/": it is the site root', 'permalink', 'unsafe-path'],
      [{ permalink: 42 }, 'Invalid permalink 42: expected a path such as /2020/hello/', 'permalink', 'invalid-permalink'],
    ])('%j', (data, reason, key, ruleId) => {
      const { result, messages } = run('safe-name.md', data);
      expect(result).toEqual({ slug: 'safe-name', path: 'posts/safe-name/' });
      expect(messages).toEqual([{ reason, path: [key], severity: 'error', ruleId }]);
    });

    it.each<[Record<string, unknown>, string, string, string]>([
      [{ permalink: '/{{ page.fileSlug }}/' }, 'Template permalink "/{{ page.fileSlug }}/" is not evaluated; the post keeps its default URL', 'permalink', 'permalink-template'],
      [{ permalink: "{% if x %}/a/{% endif %}" }, 'Template permalink "{% if x %}/a/{% endif %}" is not evaluated; the post keeps its default URL', 'permalink', 'permalink-template'],
      [{ url: 'https://elsewhere.example/x/' }, 'Ignored url "https://elsewhere.example/x/": an address outside this site, not a path', 'url', 'url-not-path'],
    ])('%j is a warning', (data, reason, key, ruleId) => {
      const { result, messages } = run('safe-name.md', data);
      expect(result).toEqual({ slug: 'safe-name', path: 'posts/safe-name/' });
      expect(messages).toEqual([{ reason, path: [key], severity: 'warning', ruleId }]);
    });

    it('a bad slug and a bad permalink are both reported', () => {
      const { messages } = run('safe-name.md', { slug: '../x', permalink: '../x' });
      expect(messages.map((message) => message.path)).toEqual([['slug'], ['permalink']]);
    });
  });
});

describe('normalizePath with a config permalink pattern', () => {
  const brussels = { timezone: 'Europe/Brussels' };
  it.each<[string, string, string, Record<string, unknown>, { slug: string; path: string; folderPath?: string }]>([
    ['date and slug, in the site timezone', '/:year/:month/:day/:slug/', 'hello.md', {}, { slug: 'hello', path: '2023/05/05/hello/' }],
    ['unpadded and short forms', '/:short_year/:i_month/:i_day/:y_day/:slug/', 'hello.md', {}, { slug: 'hello', path: '23/5/5/125/hello/' }],
    ['time of day', '/:year/:hour:minute:second/:slug/', 'hello.md', {}, { slug: 'hello', path: '2023/012030/hello/' }],
    ["Jekyll's :title keeps case and dots", '/:year/:title:output_ext', '2023-05-04-Hello World v1.2.md', {}, { slug: 'hello-world-v1.2', path: '2023/Hello-World-v1.2.html' }],
    ["Jekyll's :title from slug", '/:title/', 'x.md', { slug: 'My Post' }, { slug: 'my-post', path: 'My-Post/' }],
    ['categories lower-cased, each once', '/:categories/:slug/', 'x.md', { categories: ['Tech', 'Go', 'tech'], category: 'News' }, { slug: 'x', path: 'tech/go/news/x/' }],
    ['categories as words', '/:categories/:slug/', 'x.md', { categories: 'a b' }, { slug: 'x', path: 'a/b/x/' }],
    ['no categories leave no empty folder', '/:categories/:slug/', 'x.md', {}, { slug: 'x', path: 'x/' }],
    ["Jekyll's pretty style", 'pretty', '2023-05-04-hi.md', {}, { slug: 'hi', path: '2023/05/05/hi/' }],
    ["Hugo's :section and :slugorfilename", '/:section/:slugorfilename/', '2023-05-04-hi.md', {}, { slug: 'hi', path: 'posts/2023-05-04-hi/' }],
    ["Hugo's :slugorfilename with a slug", '/:slugorfilename/', '2023-05-04-hi.md', { slug: 'Yo' }, { slug: 'yo', path: 'yo/' }],
    ['nested file: the folder kept aside', '/:year/:slug/', '2019/intro.md', {}, { slug: 'intro', path: '2023/intro/', folderPath: '2023/2019/intro/' }],
    ['no name token: nothing to keep aside', '/:year/:month/:day/', '2019/intro.md', {}, { slug: 'intro', path: '2023/05/05/' }],
    ['front matter permalink wins', '/:year/:slug/', 'x.md', { permalink: '/mine/' }, { slug: 'x', path: 'mine/' }],
  ])('%s', (_name, written, relPath, data, expected) => {
    const parsed = parsePattern(written);
    if (!('pattern' in parsed)) throw new Error(parsed.problem);
    const { result, messages } = run(relPath, data, { ...brussels, permalink: parsed.pattern });
    expect(result).toEqual(expected);
    expect(messages).toEqual([]);
  });

  it('a date without a time is the day as written, at midnight', () => {
    const { result } = run('x.md', {}, { ...brussels, permalink: '/:year/:month/:day/:hour/:slug/' }, '2023-05-04');
    expect(result.path).toBe('2023/05/04/00/x/');
  });

  it('an unsafe result is an error, and the post keeps the default URL', () => {
    const { result, messages } = run('x.md', { categories: ['..'] }, { permalink: '/:categories/:slug/' });
    expect(result).toEqual({ slug: 'x', path: 'posts/x/' });
    expect(messages).toEqual([{ reason: 'Unsafe URL "/../x/" from the config permalink "/:categories/:slug/": it would leave the output folder', severity: 'error', ruleId: 'unsafe-path' }]);
  });
});
