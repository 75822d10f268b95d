import { describe, expect, it } from 'vitest';
import { normalizeAliases } from '../../src/content/normalize/aliases.ts';
import { makeContext, makeRaw } from './context.ts';

/** Normalise the aliases of a post at `postPath`; `toml` makes its front matter TOML. */
function run(data: Record<string, unknown>, postPath = 'posts/new/', format: 'yaml' | 'toml' = 'yaml') {
  const ctx = makeContext();
  const aliases = normalizeAliases(makeRaw(data, { format }), data, postPath, ctx);
  return { paths: aliases.map((alias) => alias.path), aliases, messages: ctx.messages };
}

describe('normalizeAliases', () => {
  describe('valid', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['Hugo aliases from the site root', { aliases: ['/2014/old-post/', '/old'] }, ['2014/old-post/', 'old/']],
      ['jekyll-redirect-from, a list', { redirect_from: ['/post/123456789/', '/foo.html'] }, ['post/123456789/', 'foo.html']],
      ['jekyll-redirect-from, one string', { redirect_from: '/2014/01/01/x.html' }, ['2014/01/01/x.html']],
      ['redirect_from without a leading slash is from the site root', { redirect_from: ['old/'] }, ['old/']],
      ['both keys, merged in order', { redirect_from: ['/b/'], aliases: ['/a/'] }, ['a/', 'b/']],
      ['an old URL on the site’s own address', { aliases: ['https://example.org/2014/x/'] }, ['2014/x/']],
      ['index.html is its folder', { aliases: ['/old/index.html'] }, ['old/']],
    ])('%s', (_name, data, paths) => {
      const { paths: found, messages } = run(data);
      expect(found).toEqual(paths);
      expect(messages).toEqual([]);
    });

    it('keeps the key of each entry, for messages', () => {
      expect(run({ aliases: ['/a/'], redirect_from: '/b/' }).aliases).toEqual([
        { path: 'a/', key: ['aliases', 0] },
        { path: 'b/', key: ['redirect_from'] },
      ]);
    });
  });

  describe('convertible, with an info message', () => {
    it.each<[string, Record<string, unknown>, string, 'yaml' | 'toml', string[], string]>([
      ['a relative Hugo alias is beside the post', { aliases: ['old-name'] }, 'posts/new/', 'yaml', ['posts/old-name/'], `Read alias "old-name" as /posts/old-name/ (relative to the post's folder, as Hugo's aliases are)`],
      ['.. climbs from the post', { aliases: ['../old/path'] }, '2020/05/new/', 'yaml', ['2020/old/path/'], `Read alias "../old/path" as /2020/old/path/ (relative to the post's folder, as Hugo's aliases are)`],
      ['beside an .html post', { aliases: ['old.html'] }, '2020/new.html', 'yaml', ['2020/old.html'], `Read alias "old.html" as /2020/old.html (relative to the post's folder, as Hugo's aliases are)`],
      ['Zola aliases are from the site root', { aliases: ['old-post'], extra: {} }, 'posts/new/', 'toml', ['old-post/'], `Read alias "old-post" as /old-post/ (relative to the site root, as Zola's aliases are)`],
      ['a Zola post with a path', { aliases: ['a/b'], path: '2023/x' }, '2023/x/', 'toml', ['a/b/'], `Read alias "a/b" as /a/b/ (relative to the site root, as Zola's aliases are)`],
    ])('%s', (_name, data, postPath, format, paths, reason) => {
      const { paths: found, messages } = run(data, postPath, format);
      expect(found).toEqual(paths);
      expect(messages).toEqual([{ reason, path: ['aliases', 0], severity: 'info', ruleId: 'alias-relative' }]);
    });

    it('an old URL listed twice is one redirect', () => {
      const { paths, messages } = run({ aliases: ['/a/', '/a'], redirect_from: '/a/index.html' });
      expect(paths).toEqual(['a/']);
      expect(messages).toEqual([]);
    });

    it('empty entries are nothing', () => {
      expect(run({ aliases: ['', '  '], redirect_from: null })).toEqual({ paths: [], aliases: [], messages: [] });
    });
  });

  describe('invalid, with the exact message; the rest are kept', () => {
    it.each<[Record<string, unknown>, string, (string | number)[], string, 'error' | 'warning']>([
      [{ aliases: ['/../etc/'] }, 'Unsafe alias "/../etc/": it would leave the output folder', ['aliases', 0], 'unsafe-path', 'error'],
      [{ aliases: ['../../x'] }, 'Unsafe alias "../../x": it would leave the output folder', ['aliases', 0], 'unsafe-path', 'error'],
      [{ aliases: ['/'] }, 'Unsafe alias "/": it is the site root', ['aliases', 0], 'unsafe-path', 'error'],
      [{ redirect_from: ['/x?y=1'] }, 'Unsafe redirect_from entry "/x?y=1": it must be a path, without "?" or "#"', ['redirect_from', 0], 'unsafe-path', 'error'],
      [{ redirect_from: 'javascript:alert(1)' }, 'Unsafe redirect_from entry "javascript:alert(1)": it must be a path inside the site, not a URL or drive', ['redirect_from'], 'unsafe-path', 'error'],
      [{ aliases: [42] }, 'Invalid alias 42: expected a path such as /2019/old-post/', ['aliases', 0], 'invalid-alias', 'error'],
      [{ aliases: { a: 1 } }, 'Invalid aliases {"a":1}: expected a path or a list of paths', ['aliases'], 'invalid-alias', 'error'],
      [{ aliases: ['https://elsewhere.example/x/'] }, 'Ignored alias "https://elsewhere.example/x/": an address outside this site, not a path', ['aliases', 0], 'url-not-path', 'warning'],
    ])('%j', (data, reason, path, ruleId, severity) => {
      const { paths, messages } = run(data);
      expect(paths).toEqual([]);
      expect(messages).toEqual([{ reason, path, severity, ruleId }]);
    });

    it('a bad entry does not lose the good ones', () => {
      expect(run({ aliases: ['/../x/', '/good/'] }).paths).toEqual(['good/']);
    });
  });
});
