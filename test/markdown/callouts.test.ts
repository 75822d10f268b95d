/**
 * Callouts beyond the fixtures: directives that another plugin made (the contract MDX's
 * `<Admonition>` relies on), the `:::` gate on directive parsing, positions inside `:::tip Title`
 * titles, and how a callout reads where no style sheet applies (summaries, feeds).
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCallouts, { calloutHandlers } from '../../src/markdown/callouts/index.ts';
import { processorFor } from '../../src/markdown/processor.ts';
import { renderJob } from '../../src/markdown/render.ts';

const CONTEXT = { basePath: '/', cwd: '/tmp', contentDir: '/tmp', staticDirs: [], postPaths: new Map() };

function render(text: string) {
  const result = renderJob({ path: '/tmp/post.md', cwd: '/tmp', sourcePath: '/tmp/post.md', text, pagePath: 'posts/post/', fileTitle: 'post', title: 'T' }, CONTEXT);
  return { ...result, lines: result.messages.map((m) => `${m.place && 'line' in m.place ? `${m.place.line}:${m.place.column}` : '?'} ${m.ruleId}`) };
}

describe('directives another plugin made', () => {
  /** Stands for the MDX plugin: it turns every `<Admonition>` paragraph into a directive, as remark-directive would make one. */
  function admonitionsFromMdx() {
    return (tree: Root) => {
      tree.children = tree.children.map((node): Root['children'][number] => {
        if (node.type !== 'paragraph' || node.children[0]?.type !== 'text' || !node.children[0].value.startsWith('Admonition ')) return node;
        const [, type, title] = node.children[0].value.split(' ');
        const label = title ? [{ type: 'paragraph' as const, data: { directiveLabel: true }, children: [{ type: 'text' as const, value: title }] }] : [];
        return { type: 'containerDirective', name: type!, attributes: {}, children: [...label, { type: 'paragraph', children: [{ type: 'text', value: 'Body.' }] }] } satisfies ContainerDirective;
      });
    };
  }
  const processor = unified().use(remarkParse).use(admonitionsFromMdx).use(remarkCallouts).use(remarkRehype, { handlers: calloutHandlers }).use(rehypeStringify);

  it('become callouts, with or without a label, though the text has no `:::`', () => {
    expect(String(processor.processSync('Admonition tip Careful'))).toBe(
      '<div class="callout callout-tip" role="note">\n<p class="callout-title"><strong><span class="visually-hidden">Tip: </span>Careful</strong></p>\n<p>Body.</p>\n</div>',
    );
    expect(String(processor.processSync('Admonition danger'))).toContain('<p class="callout-title"><strong>Danger</strong></p>');
  });

  it('of an unknown kind are reported and unwrapped', () => {
    const file = processor.processSync(new VFile('Admonition spoiler Hidden'));
    expect(String(file)).toBe('<p>Hidden</p>\n<p>Body.</p>');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['unknown-callout']);
  });
});

describe('the `:::` gate', () => {
  const directives = (text: string) => (processorFor(text).parse(':::note\nx\n:::').children[0]?.type);

  it('parses directives only for texts with `:::`', () => {
    expect(directives('Plain a:b at 10:30am, ::leaf, :text[x]')).toBe('paragraph');
    expect(directives(':::note\nx\n:::')).toBe('containerDirective');
  });

  it('leaves text and leaf directive look-alikes alone in a post with callouts', () => {
    const { html } = render(':::note\nAt 10:30am a:b :name[**x**]{y=z}\n:::\n\n::leaf[a]\n');
    expect(html).toContain('<p>At 10:30am a:b :name[<strong>x</strong>]{y=z}</p>');
    expect(html).toContain('<p>::leaf[a]</p>');
  });
});

describe('`:::tip Title`', () => {
  it('positions what the title holds on the fence line', () => {
    const { html, lines } = render('Intro.\n\n  :::info See [this](./missing.md)\n  Body.\n  :::\n');
    expect(html).toContain('<strong><span class="visually-hidden">Info: </span>See <a href="./missing.md">this</a></strong>');
    expect(lines).toEqual(['3:15 broken-link']);
  });

  it('keeps a title that would parse as a block as text', () => {
    expect(render(':::tip # Not a heading\nx\n:::\n').html).toContain('<span class="visually-hidden">Tip: </span># Not a heading</strong>');
  });

  it('reads the title on a line of a block quote, and leaves one in a code block as written', () => {
    const { html } = render('> :::warning Quoted title\n> x\n> :::\n\n    :::tip Indented code\n');
    expect(html).toContain('<span class="visually-hidden">Warning: </span>Quoted title</strong>');
    expect(html).toContain('<span>:::tip Indented code</span>');
  });
});

describe('without the theme', () => {
  it('a summary cut from a callout names its kind', () => {
    expect(render(':::warning[Back up first]\nYour data.\n:::\n\n<!-- more -->\n\nRest.\n').summary).toBe('Warning: Back up first Your data.');
    expect(render('> [!TIP]\n> Use the cache.\n\n<!-- more -->\n').summary).toBe('Tip Use the cache.');
  });
});
