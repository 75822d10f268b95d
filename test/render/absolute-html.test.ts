import { describe, expect, it } from 'vitest';
import { absolutizeHtml, absolutizeSrcset, absolutizeUrl, absoluteRefUrl } from '../../src/render/absolute-html.ts';
import { routesFor } from '../../src/site/routes.ts';
import { BASE_URL } from './site-fixture.ts';

const PAGE = 'https://example.org/blog/posts/a/';

describe('absolutizeUrl', () => {
  it.each([
    ['/blog/x.png', 'https://example.org/blog/x.png'],
    ['img.png', 'https://example.org/blog/posts/a/img.png'],
    ['../b/', 'https://example.org/blog/posts/b/'],
    ['?page=2', 'https://example.org/blog/posts/a/?page=2'],
    ['//host.example/x', 'https://host.example/x'],
    ['  spaced.png ', 'https://example.org/blog/posts/a/spaced.png'],
  ])('resolves %j', (ref, expected) => {
    expect(absolutizeUrl(ref, PAGE)).toBe(expected);
  });

  it.each(['#frag', 'mailto:me@example.org', 'https://other.example/x', 'HTTP://UPPER.example/', 'data:image/png;base64,AA', '//', ''])(
    'leaves %j untouched',
    (ref) => {
      expect(absolutizeUrl(ref, PAGE)).toBe(ref);
    },
  );
});

describe('absoluteRefUrl', () => {
  it('gives root-relative front matter refs the base path, like links in posts', () => {
    expect(absoluteRefUrl(routesFor({ url: BASE_URL }), '/img/a.png', PAGE)).toBe('https://example.org/blog/img/a.png');
    expect(absoluteRefUrl(routesFor({ url: BASE_URL }), 'a.png', PAGE)).toBe('https://example.org/blog/posts/a/a.png');
  });
});

describe('absolutizeSrcset', () => {
  it('rewrites each candidate and keeps descriptors, parsing commas as browsers do', () => {
    // A comma inside a URL belongs to it (`d.png,e.png` is one URL); commas glued to its end end the candidate.
    expect(absolutizeSrcset('a.png 1x,  /blog/b,c.png   2x, d.png,e.png 100w, f.png,, g.png', PAGE)).toBe(
      'https://example.org/blog/posts/a/a.png 1x, https://example.org/blog/b,c.png 2x, https://example.org/blog/posts/a/d.png,e.png 100w, https://example.org/blog/posts/a/f.png, https://example.org/blog/posts/a/g.png',
    );
  });
});

describe('absolutizeHtml', () => {
  it('rewrites href, src, poster and srcset and leaves everything else as it was', () => {
    const html =
      '<p class="x">Hi &amp; <a href="/blog/p/" title="t">p</a> <a href="#f">f</a> <a href="mailto:a@b.c">m</a>' +
      ' <a href="//">bare</a></p><img src="i.png" srcset="i.png 1x, /blog/j.png 2x" alt="&quot;"><video poster="p.jpg" src="v.mp4"></video>' +
      '<audio><source src="/blog/s.ogg"></audio><blockquote cite="q.html">q</blockquote>';
    expect(absolutizeHtml(html, PAGE)).toBe(
      '<p class="x">Hi &#x26; <a href="https://example.org/blog/p/" title="t">p</a> <a href="#f">f</a> <a href="mailto:a@b.c">m</a>' +
        ' <a href="//">bare</a></p><img src="https://example.org/blog/posts/a/i.png" srcset="https://example.org/blog/posts/a/i.png 1x, https://example.org/blog/j.png 2x" alt="&#x22;">' +
        '<video poster="https://example.org/blog/posts/a/p.jpg" src="https://example.org/blog/posts/a/v.mp4"></video>' +
        '<audio><source src="https://example.org/blog/s.ogg"></audio><blockquote cite="https://example.org/blog/posts/a/q.html">q</blockquote>',
    );
  });

  it('rewrites links inside inline SVG', () => {
    const out = absolutizeHtml('<svg><image href="i.svg"></image><a xlink:href="/blog/s/"></a></svg>', PAGE);
    expect(out).toContain('href="https://example.org/blog/posts/a/i.svg"');
    expect(out).toContain('xlink:href="https://example.org/blog/s/"');
  });
});
