/** The conflicts among claims on the output folder (src/site/output-claims.ts), from claims alone. */
import { describe, expect, it } from 'vitest';
import { findConflicts, type Claim } from '../../src/site/output-claims.ts';

const claim = (file: string, owner: string, extra: Partial<Claim<string>> = {}): Claim<string> => ({ file, owner, ...extra });

/** Each conflict as `kind: owner(file) owner(file)`. */
function conflicts(claims: Claim<string>[]): string[] {
  return findConflicts(claims).map((c) =>
    c.kind === 'same-file' ? `same-file: ${c.first.owner}(${c.file}) ${c.second.owner}(${c.file})` : `file-in-file: ${c.inner.owner}(${c.inner.file}) ${c.outer.owner}(${c.outer.file})`,
  );
}

describe('findConflicts', () => {
  it.each<[string, Claim<string>[], string[]]>([
    ['distinct files', [claim('a/index.html', 'A'), claim('b/index.html', 'B'), claim('a/b.png', 'C')], []],
    ['two claims on one file', [claim('rss.xml', 'feed'), claim('rss.xml', 'asset')], ['same-file: feed(rss.xml) asset(rss.xml)']],
    ['one file written once for two owners with the same source', [claim('assets/x.png', 'A', { same: '/x.png' }), claim('assets/x.png', 'B', { same: '/x.png' })], []],
    ['same file, different sources', [claim('a/x.png', 'A', { same: '/1.png' }), claim('a/x.png', 'B', { same: '/2.png' })], ['same-file: A(a/x.png) B(a/x.png)']],
    ['a file where another needs a folder', [claim('about.txt', 'static'), claim('about.txt/index.html', 'post')], ['file-in-file: post(about.txt/index.html) static(about.txt)']],
    ['the same, claimed the other way round', [claim('a.html/b/index.html', 'B'), claim('a.html', 'A')], ['file-in-file: B(a.html/b/index.html) A(a.html)']],
    ['a file two folders down', [claim('x', 'A'), claim('x/y/z.png', 'B')], ['file-in-file: B(x/y/z.png) A(x)']],
    ['a file inside a folder one producer writes alone', [claim('pagefind', 'search', { folder: true }), claim('pagefind/pagefind.js', 'static')], ['file-in-file: static(pagefind/pagefind.js) search(pagefind)']],
    ['a file on that folder’s name', [claim('pagefind', 'search', { folder: true }), claim('pagefind', 'static')], ['same-file: search(pagefind) static(pagefind)']],
    ['a name that only starts like a file', [claim('a', 'A'), claim('ab/index.html', 'B'), claim('a.b/c', 'C')], []],
  ])('%s', (_name, claims, expected) => {
    expect(conflicts(claims)).toEqual(expected);
  });
});
