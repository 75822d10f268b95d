/** The anchor step's HTML rewrite: link start tags only, with hast-util-to-html's own escaping. */
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { rewriteHrefs } from '../../src/check/anchors/rewrite-html.ts';

/** HTML as the markdown stage writes it. */
const body = (html: string) => toHtml(fromHtml(html, { fragment: true }));

const NEXT = { tagName: 'a', attribute: 'href', from: '#what-s-next', to: '#whats-next' };

describe('rewriteHrefs', () => {
  it('points every link with that href elsewhere, keeping its other attributes', () => {
    const html = body('<p><a href="#what-s-next" title="Next">next</a> and <a class="x" href="#what-s-next">again</a> <a href="#intro">intro</a></p>');
    expect(rewriteHrefs(html, [NEXT])).toBe(html.replaceAll('"#what-s-next"', '"#whats-next"'));
  });

  it('leaves text, code samples, comments and scripts as they are', () => {
    const html = body(
      '<p>#what-s-next href="#what-s-next"</p><pre><code>&lt;a href="#what-s-next"&gt;</code></pre><!-- <a href="#what-s-next"> --><script>"<a href=\\"#what-s-next\\">"</script>',
    );
    expect(rewriteHrefs(html, [NEXT])).toBe(html);
  });

  it('finds hrefs as hast-util-to-html escapes them', () => {
    const rewrite = { tagName: 'a', attribute: 'href', from: '/blog/posts/a/?x=1&y="2"#what-s-next', to: '/blog/posts/a/?x=1&y="2"#whats-next' };
    const html = toHtml({ type: 'element', tagName: 'a', properties: { href: rewrite.from }, children: [] });
    expect(html).toContain('&#x26;');
    expect(rewriteHrefs(html, [rewrite])).toBe(toHtml({ type: 'element', tagName: 'a', properties: { href: rewrite.to }, children: [] }));
  });

  it('touches only the element named', () => {
    const html = body('<area href="#what-s-next"><a href="#what-s-next">x</a>');
    expect(rewriteHrefs(html, [{ ...NEXT, tagName: 'area' }])).toBe(body('<area href="#whats-next"><a href="#what-s-next">x</a>'));
  });

  // Attribute values keep `<` raw, so a body can hold any number of openers that never end. The
  // regex this replaced looked for the end from each: for these ~1 MB bodies, minutes to half an
  // hour (measured at a twentieth and a tenth of the size, scaled as n²).
  it.each([
    ['250,000 unclosed comments', '<!--'.repeat(250_000)],
    ['125,000 unclosed scripts', '<script>'.repeat(125_000)],
    ['200,000 link tags that never end', '<a x '.repeat(200_000)],
  ])('reads %s in an attribute value in one pass', (_name, value) => {
    const html = body(`<p title="${value}">text</p><a href="#what-s-next">next</a>`);
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(rewriteHrefs(html, [NEXT])).toBe(html.replace('href="#what-s-next"', 'href="#whats-next"'));
  });

  it('rewrites after a comment, a script and a style, and within none of them', () => {
    const html = body('<!-- <a href="#what-s-next"> --><style>a[href="#what-s-next"]{}</style><script>"<a href=\\"#what-s-next\\">"</script><a href="#what-s-next">x</a>');
    expect(rewriteHrefs(html, [NEXT])).toBe(html.replace('<a href="#what-s-next">x', '<a href="#whats-next">x'));
  });
});
