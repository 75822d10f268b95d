import { describe, expect, it } from 'vitest';
import { normalizePath } from '../../src/content/normalize/slug-path.ts';
import { makeContext, makeRaw } from './context.ts';

/** Normalise with this relPath and front matter; return the result and the messages. */
function run(relPath: string, data: Record<string, unknown>) {
  const ctx = makeContext();
  return { result: normalizePath(makeRaw(data, { relPath }), data, ctx), messages: ctx.messages };
}

describe('normalizePath', () => {
  describe('valid', () => {
    it.each<[string, string, Record<string, unknown>, { slug: string; path: string }]>([
      ['file name', 'fosdem-2025.md', {}, { slug: 'fosdem-2025', path: 'posts/fosdem-2025/' }],
      ['explicit slug', 'whatever.md', { slug: 'fosdem-recap' }, { slug: 'fosdem-recap', path: 'posts/fosdem-recap/' }],
      ['explicit slug, slugified', 'x.md', { slug: 'Mixed_Case.v2' }, { slug: 'mixed_casev2', path: 'posts/mixed_casev2/' }],
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
    it.each<[string, string, Record<string, unknown>, { slug: string; path: string }]>([
      ['date prefix dropped', '2025-02-03-my_first-post.md', {}, { slug: 'my_first-post', path: 'posts/my_first-post/' }],
      ['folder name for index.md', '2025/2025-02-03-FOSDEM Trip/index.md', {}, { slug: 'fosdem-trip', path: 'posts/fosdem-trip/' }],
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
      [{ slug: 'a/b' }, 'Unsafe slug "a/b": it contains a slash; use permalink for a nested path', 'slug', 'unsafe-path'],
      [{ slug: 'a\\b' }, 'Unsafe slug "a\\b": it contains a slash; use permalink for a nested path', 'slug', 'unsafe-path'],
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

    it('a bad slug and a bad permalink are both reported', () => {
      const { messages } = run('safe-name.md', { slug: '../x', permalink: '../x' });
      expect(messages.map((message) => message.path)).toEqual([['slug'], ['permalink']]);
    });
  });
});
