/**
 * Our own scans of post text and bodies, each on a crafted ~1 MB input that made the regex it
 * replaced super-linear (the minutes are measured on a fiftieth to a tenth of the size and scaled
 * as n²). Each test asserts the result; the suite's timeout is the clock.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Html, Root, Text } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCloseRawText from '../../src/markdown/close-raw-text.ts';
import { Expander, type ExpandEnv, type Handler } from '../../src/markdown/dialects/expand.ts';
import { constructAt } from '../../src/markdown/dialects/scan.ts';
import remarkHeadingAttributes from '../../src/markdown/heading-attributes.ts';
import { commentOf } from '../../src/markdown/mdx/evaluate.ts';
import remarkMdxFallback from '../../src/markdown/mdx/fallback.ts';
import rehypeValidAttributes from '../../src/markdown/valid-attributes.ts';
import { absolutizeSrcset } from '../../src/render/absolute-html.ts';

const MB = 1_000_000;

/** An mdast root holding `children`. */
const root = (...children: Root['children']): Root => ({ type: 'root', children });

describe('close-raw-text', () => {
  const close = (value: string): string => {
    const node: Html = { type: 'html', value };
    remarkCloseRawText()(root(node));
    return node.value;
  };

  it('closes 250,000 unclosed iframes of one HTML block (2 MB: 1 MB took 22 s before, so ~90 s)', () => {
    const value = '<iframe>'.repeat(250_000);
    expect(close(value)).toBe(value + '</iframe>'.repeat(250_000));
  });

  it('reads 125,000 `<script ` openers that never end (over 40 s before)', () => {
    const value = '<script '.repeat(125_000);
    expect(close(value)).toBe(value);
  });

  it('still closes only what is open', () => {
    expect(close('<iframe src="a"></iframe><textarea><script>x</script>')).toBe('<iframe src="a"></iframe><textarea><script>x</script></textarea>');
    expect(close('<IFRAME src="a"/><style>a{}</style >')).toBe('<IFRAME src="a"/><style>a{}</style >');
  });
});

describe('heading-attributes', () => {
  it('reads a heading of 1 MB of spaces (~7 min before), and still takes a trailing block', () => {
    const long: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: `a${' '.repeat(MB)}b` }] };
    const block: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Setup   {#setup}  ' }] };
    remarkHeadingAttributes()(root(long, block), new VFile({ value: '## Setup {#setup}' }));
    expect((long.children[0] as Text).value).toHaveLength(MB + 2);
    expect(long.data?.hProperties).toBeUndefined();
    expect((block.children[0] as Text).value).toBe('Setup');
    expect(block.data?.hProperties).toEqual({ id: 'setup' });
  });
});

describe('mdx fallback', () => {
  const fallback = (tree: Root): VFile => {
    const file = new VFile({ value: '' });
    file.data.mdxFallback = true;
    remarkMdxFallback()(tree, file);
    return file;
  };

  it('reads `<A` and 1 MB of letters in an HTML block (~11 min before)', () => {
    const node: Html = { type: 'html', value: `<div>\n<A${'a'.repeat(MB)}!` };
    const value = node.value;
    expect(fallback(root(node)).messages).toEqual([]);
    expect(node.value).toBe(value);
  });

  it('still removes component tags, with their place', () => {
    const node: Html = { type: 'html', value: '<div>\n  <MyChart data={x} />\n<Link to="/a">a</Link></div>', position: { start: { line: 3, column: 1 }, end: { line: 5, column: 1 } } };
    const file = fallback(root(node));
    expect(node.value).toBe('<div>\n  \n<a href="/a">a</a></div>');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual(['4:3 <MyChart> is not an HTML element: its tags are left out, its content kept']);
  });

  it('reads 1 MB of `{/*` that never end (~50 s before), and removes those that do', () => {
    const open: Text = { type: 'text', value: '{/*'.repeat(333_334) };
    const closed: Text = { type: 'text', value: 'a {/* one */} b {/* two */}' };
    fallback(root({ type: 'paragraph', children: [open] }, { type: 'paragraph', children: [closed] }));
    expect(open.value).toBe('{/*'.repeat(333_334));
    expect(closed.value).toBe('a  b ');
  });
});

describe('shortcode names', () => {
  it('reads a shortcode of 1 MB of spaces (~11 min before)', () => {
    expect(constructAt(`{{<${' '.repeat(MB)}!>}}`, 0)).toBeUndefined();
    expect(constructAt('{{< / note >}}', 0)).toMatchObject({ name: 'note', closing: true });
    expect(constructAt('{{<  note x >}}', 0)).toMatchObject({ name: 'note', closing: false, args: 'x' });
  });

  /** Each construct of `text` with the closer the expander finds for it (`-` for none), as a template pass meets them. */
  const closers = (text: string): string[] => {
    const found: string[] = [];
    const handle: Handler = (construct, expander, mode) => {
      const closer = expander.closerOf(construct, text.length, mode);
      found.push(`${construct.name}${closer ? `@${closer.start}` : '-'}`);
      return construct.end;
    };
    new Expander(text, {} as ExpandEnv, [], handle, [], 0).expand(0, text.length, 'text');
    return found;
  };

  it('finds the closers of 80,000 differently named shortcodes in one pass (~2 min before), on lines with no blank one between', () => {
    const text = Array.from({ length: 80_000 }, (_, i) => `{{< s${i} >}}`).join('\n');
    const found = closers(text);
    expect(found).toHaveLength(80_000);
    expect(found.every((entry) => entry.endsWith('-'))).toBe(true);
  });

  it('still pairs openers with their closers, nested ones skipped', () => {
    expect(closers('{{< note >}}a{{< note >}}b{{< /note >}}c{{< /note >}} {% if x %}y{% endif %} {{< lone >}}')).toEqual([
      // The closing constructs are asked too, as a handler may; what matters is that each opener finds its own.
      'note@40', 'note@26', 'note@40', 'note-', 'if@65', 'endif-', 'lone-',
    ]);
  });
});

describe('an MDX line comment', () => {
  it('is read past 1 MB of spaces (~9 min before)', () => {
    expect(commentOf(`//${' '.repeat(MB)}x\ny`)).toBeUndefined();
    expect(commentOf('// why\n  ')).toBe(' why');
    expect(commentOf('/* why */')).toBe(' why ');
  });
});

describe('valid-attributes', () => {
  it('reads width and src values of 1 MB of spaces (~8 min before each)', () => {
    const img: Element = { type: 'element', tagName: 'img', properties: { src: `${' '.repeat(MB)}x`, width: `1${' '.repeat(MB)}x` }, children: [] };
    const frame: Element = { type: 'element', tagName: 'iframe', properties: { src: ' // ', width: ' 640px ', height: '100%' }, children: [] };
    rehypeValidAttributes()({ type: 'root', children: [img, frame] } as HastRoot);
    expect(img.properties).toEqual({ src: `${' '.repeat(MB)}x` });
    expect(frame.properties).toEqual({ width: '640', style: 'height:100%' });
  });
});

describe('srcset in feeds', () => {
  it('reads a URL of 1 MB of commas (~8 min before)', () => {
    expect(absolutizeSrcset(`a.png${','.repeat(MB)}x 1x, b.png 2x`, 'https://example.org/posts/a/')).toBe(
      `https://example.org/posts/a/a.png${','.repeat(MB)}x 1x, https://example.org/posts/a/b.png 2x`,
    );
    expect(absolutizeSrcset('a.png,, b.png 2x', 'https://example.org/')).toBe('https://example.org/a.png, https://example.org/b.png 2x');
  });
});
