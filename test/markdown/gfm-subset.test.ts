/**
 * The per-post processors (only the GFM constructs a post can contain, autolink literals on
 * demand, rehype-raw only where it changes something) must render every post byte for byte as
 * the full processor (remark-gfm + rehype-raw) does: HTML, excerpt, title, summary, facts, messages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/generate-site.ts';
import { GFM, gfmFeatures } from '../../src/markdown/gfm.ts';
import { fullProcessor, processorFor, useFullProcessor } from '../../src/markdown/processor.ts';
import { renderJob } from '../../src/markdown/render.ts';
import type { MarkdownContext, MarkdownJob } from '../../src/markdown/job.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every construct alone, at the edges of a file, next to others, and its look-alikes. */
const SNIPPETS: string[] = [
  '',
  'Plain prose with a [link](./other.md) and `code`.',
  // Tables: with and without outer pipes, one column without any pipe, escaped pipes in code.
  '| a | b |\n| - | :-: |\n| 1 | 2 |',
  'a | b\n--|--\n1 | 2',
  'a\n:-',
  'a\n-:\nb',
  'head\n:-:\n\nnot a table: a :- b',
  '| a |\n| - |\n| `x \\| y` |',
  'a | b\nnot a delimiter row',
  '> | q |\n> | - |\n> | 1 |',
  // Strikethrough: double, single, unbalanced, inside and around emphasis, fences with tildes.
  '~~gone~~ and ~one~ and ~~~three~~~',
  'a ~~b~ c~ d',
  '*~a~* and ~*a*~ and **~~a~~**',
  '~~~\ncode fence\n~~~',
  'x~y~z ~ alone',
  // Task lists: every check, nested, ordered, empty, not at the start, outside lists.
  '- [ ] open\n- [x] done\n- [X] DONE',
  '* [\t] tab\n* [\n] newline',
  '1. [x] ordered\n2. [ ]',
  '- [x]\n- [ ]a no space\n- text [x] later',
  '[x] not in a list',
  '- a\n  - [x] nested\n\n    more',
  // Footnotes: call and definition, definition only, undefined call, image-style, spaces.
  'Text[^1].\n\n[^1]: The note.',
  '[^a]: Defined, never called.',
  'Call [^nope] undefined.',
  'A ![^x] call.\n\n[^x]: note',
  'A [^ x] and [ ^x].\n\n[^x]: note',
  '[^1]: note with www.example.com\n\nUse[^1].',
  '[a[^1]](https://e.org)\n\n[^1]: x',
  // Autolink literals: each kind, each case, each place they cannot be.
  'www.example.com',
  'Visit https://example.com. Or http://example.org/a_(b)?c=d&amp;e#f!',
  'WWW.EXAMPLE.COM and HTTPS://EXAMPLE.COM and Www.x.y',
  'mail me at someone@example.co, mailto:a@b.co or xmpp:a@b.co/res.',
  'a&#64;b.com and a&commat;b.com and www\\.example.com and a\\@b.com',
  'ww&#119;.example.com and http&#58;//example.com',
  '_www.example.com_ *https://a.bc* ~www.a.com~ **x@y.zz**',
  '`www.example.com` and `https://a.b` and `a@b.c`',
  '```\nhttps://example.com\n```\n\n    www.indented.code',
  '[www.a.com](https://b.c) [https://x.y/z](d) [a@b.c](e)',
  '[link](https://a.b) and <https://c.d> and <a@b.cd>',
  '[a <https://b.c> d](e) and [![i](j) <x@y.z>](e)',
  '![www.a.com/x](y.png) and ![alt](https://a.b/i.png)',
  '[ref][r] and [r]\n\n[r]: https://a.b "www.c.d title"',
  'a@b and @mention and user@localhost and x@y.z_ and foo_bar@example.com.',
  '(www.a.com) [www.a.com] www.a.com/path?q=1&amp; https://a.b/c] https://a.b/c).',
  'the www.\nand http://\nand @ alone',
  '# www.example.com heading\n\nbody',
  '| https://a.b | x@y.zz |\n| - | - |\n| www.c.d | ~~e~~ |',
  // Raw HTML: blocks, inline, comments, markers, unclosed raw text, mixed with GFM.
  '<div>\n\n**a** www.x.com ~~b~~\n\n</div>',
  'Intro.\n\n<!-- more -->\n\nRest with https://a.b.',
  'Intro.\n\n<!-- truncate -->\n\nRest.',
  'a <!-- inline --> b <span>c</span> ~~d~~',
  '<!-- a -- b -->',
  '<!---->',
  '<!-- x --->',
  '<!-->',
  '<!-- one -->\n<!-- two -->',
  // Each alone: one raw node rehype-raw must see makes the whole post go through it.
  '<!-- a --> b -->',
  '<!-- a --!> b -->',
  '<!--->',
  '<!-- multi\nline -->',
  'x <!-- a --> b --> y',
  'x <!-- a\0b --> y',
  '<iframe src="https://a.b/v">\n\nafter the frame',
  '<table><tr><td>x</td></tr></table>\n\n| a |\n| - |',
  '<a href="https://a.b">www.c.d</a> and <img src="x.png" alt="a@b.c">',
  '<!DOCTYPE html>\n\ntext',
  // Code blocks (highlighted after rehype-raw, or not) and headings (anchors, outline).
  '```ts\nconst a = 1 < 2 && b;\n```',
  '```bash\necho ~/x | tee a~b\n```\n\n~~after~~',
  '```unknown\n| a | b |\n| - | - |\n```',
  '```\nhttps://example.com <b>&amp;</b>\n```',
  '<div>\n\n```js\nlet x;\n```\n\n</div>',
  '<pre><code class="language-js">raw &lt; pre</code></pre>',
  '## Intro www.example.com\n\n### Sub ~~gone~~\n\n#### Deep[^1]\n\n[^1]: note',
  '- ## In a list\n\n> ### In a quote <!-- c -->',
  '<h2>Raw</h2>\n\n<h3 id="own">Own id</h3>',
  // Images: the first eager, the rest lazy, local ones sized.
  '![a](./pixel.png) ![b](https://a.b/c.png) <img src="./x.png" alt="c">',
  // Callouts: directives (only parsed where the text has `:::`), titles both ways, alerts, look-alikes.
  ':::tip[Title with www.example.com]\nBody ~~x~~ at 10:30am, a:b.\n:::',
  ':::note Space title with https://a.b and | pipe\n| a |\n| - |\n:::',
  '::::warning\n:::danger[x]\ny\n:::\n::::\n\n> :::info\n> q\n> :::',
  '```\n:::tip Title in code\n```\n\n:::tip Title\nz\n:::',
  ':::foo[Unknown]\nkept\n:::\n\n:::\n\n::: note',
  'a:b :name[x]{y} ::leaf 10:30am',
  '> [!NOTE]\n> https://a.b ~~c~~\n\n> [!tip]- Title [^1]\n\n[^1]: n',
  // Everything at once, and constructs at the very edges of the file.
  '~~a~~',
  'https://edge.example',
  '| a |\n| - |',
  'x[^n]\n\n[^n]: y',
];

function job(sourcePath: string, text: string): MarkdownJob {
  return { path: sourcePath, cwd: ROOT, sourcePath, text, pagePath: 'posts/x/', fileTitle: 'x' };
}

function context(contentDir: string): MarkdownContext {
  return { basePath: '/', cwd: process.cwd(), contentDir, staticDirs: [], postPaths: new Map() };
}

/** The result both ways; the comparison is on everything a page or a check could show. */
function renderBoth(item: MarkdownJob, ctx: MarkdownContext) {
  useFullProcessor(true);
  const full = renderJob(item, ctx);
  useFullProcessor(false);
  return { full, subset: renderJob(item, ctx) };
}

function filesIn(dir: string, name?: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (name === undefined) return entry.isFile() && entry.name.endsWith('.md') ? [path.join(dir, entry.name)] : [];
    // A fixture's input is input.md or input.mdx.
    const mdx = path.join(dir, entry.name, name.replace(/\.md$/, '.mdx'));
    return entry.isDirectory() ? [existsSync(mdx) ? mdx : path.join(dir, entry.name, name)] : [];
  });
}

afterEach(() => useFullProcessor(false));

describe('per-post processors render as the full processor', () => {
  const seeds = filesIn(path.join(ROOT, 'content/posts'));
  const fixtures = filesIn(path.join(ROOT, 'test/fixtures/markdown'), 'input.md');

  it.each([...seeds, ...fixtures].map((file) => [path.relative(ROOT, file), file]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    for (const variant of [text, text.replace(/\r?\n/g, '\r\n')]) {
      const { full, subset } = renderBoth(job(file, variant), context(path.dirname(path.dirname(file))));
      expect(subset).toEqual(full);
    }
  });

  it.each(SNIPPETS.map((snippet, index) => [index, JSON.stringify(snippet).slice(0, 60), snippet] as const))('snippet %i: %s', (_, __, snippet) => {
    const file = path.join(ROOT, 'content/posts/snippet.md');
    // Alone, after front matter, with CRLF line endings, and without a final line ending.
    for (const text of [snippet, `---\ntitle: T\n---\n\n${snippet}\n`, snippet.replace(/\n/g, '\r\n'), snippet.trimEnd()]) {
      const { full, subset } = renderBoth(job(file, text), context(path.join(ROOT, 'content')));
      expect(subset).toEqual(full);
    }
  });

  describe('a generated site', () => {
    // The generator's posts repeat their shapes every 20 (front matter n % 4, authors n % 5, tags n % 10): 60 is each shape three times.
    const COUNT = 60;
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(process.env.BLOG_TEST_TMP ?? os.tmpdir(), 'gfm-subset-'));
      await generateSite(dir, COUNT);
    });

    it(`renders all ${COUNT} posts identically`, () => {
      const posts = filesIn(path.join(dir, 'content/posts'));
      expect(posts).toHaveLength(COUNT);
      const ctx = { ...context(path.join(dir, 'content')), postPaths: new Map(posts.map((file) => [file, `posts/${path.basename(file, '.md')}/`])) };
      for (const file of posts) {
        const text = readFileSync(file, 'utf8');
        const { full, subset } = renderBoth(job(file, text), ctx);
        expect(subset, file).toEqual(full);
      }
    });
  });
});

describe('gfmFeatures', () => {
  it.each([
    ['plain prose, a [link](./a.md)', 0],
    ['a | b', GFM.table],
    ['a\n:-', GFM.table],
    ['a\n-:', GFM.table],
    ['~~gone~~', GFM.strikethrough],
    ['- [ ] a', GFM.taskListItem],
    ['- [\t] a', GFM.taskListItem],
    ['- [\n] a', GFM.taskListItem],
    ['- [X] a', GFM.taskListItem],
    ['a[^1]', GFM.footnote],
    ['see https://example.org', GFM.autolinkLiteral],
    ['WWW.EXAMPLE.ORG', GFM.autolinkLiteral],
    ['a@b.co', GFM.autolinkLiteral],
    ['a&#64;b.co', GFM.autolinkLiteral],
    ['a&commat;b.co', GFM.autolinkLiteral],
  ])('%j → %i', (text, features) => {
    expect(gfmFeatures(text)).toBe(features);
  });

  it('gives a post without GFM a processor other than the full one, and reuses it', () => {
    const processor = processorFor('# Plain\n\nNothing to see.\n');
    expect(processor).not.toBe(fullProcessor);
    expect(processorFor('Other plain text.')).toBe(processor);
  });
});
