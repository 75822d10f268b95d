/**
 * Math in posts: `$…$`, `$$…$$` and ```math fences typeset by KaTeX, prices left as text (Pandoc's
 * rule), bad TeX reported at its place with the source kept, MathML alone where no KaTeX stylesheet
 * is loaded (excerpts, feeds), and the per-post processors rendering math as the full one does.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mathmlOnlyHtml } from '../../src/markdown/mathml-only.ts';
import { fullProcessor, processorFor, useFullProcessor } from '../../src/markdown/processor.ts';
import { renderJob } from '../../src/markdown/render.ts';
import type { MarkdownContext, MarkdownJob } from '../../src/markdown/job.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(ROOT, 'content/posts/math.md');
const CONTEXT: MarkdownContext = { basePath: '/', cwd: ROOT, contentDir: path.join(ROOT, 'content'), staticDirs: [], postPaths: new Map() };

function render(text: string) {
  const job: MarkdownJob = { path: SOURCE, cwd: ROOT, sourcePath: SOURCE, text, pagePath: 'posts/math/', title: 'Math', fileTitle: 'math' };
  return renderJob(job, CONTEXT);
}

/** The TeX of every typeset formula, in order (KaTeX keeps it as the MathML annotation). */
function typeset(html: string): string[] {
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((match) => match[1]!);
}

afterEach(() => useFullProcessor(false));

describe('math', () => {
  it('typesets inline, display and fenced math, with MathML for screen readers', () => {
    const { html, math, messages } = render('Euler: $e^{i\\pi} + 1 = 0$.\n\n$$\n\\frac{1}{2}\n$$\n\n```math\nE = mc^2\n```\n\nAlso $$a_1$$ inline.\n');
    expect(typeset(html)).toEqual(['e^{i\\pi} + 1 = 0', '\\frac{1}{2}', 'E = mc^2\n', 'a_1']);
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>');
    expect(math).toBe(true);
    expect(messages).toEqual([]);
  });

  it.each([
    ['two prices', 'It costs $5 and $10.', []],
    ['a price range', 'From $5-$10 a month.', []],
    ['prices around markup', 'About $61 per MWh, *cheaper* than gas at $76/MWh.', []],
    ['a closing dollar before a digit', 'Between $a$5 and more.', []],
    ['spaces inside', 'Not $ x $ math.', []],
    ['math next to a price', 'Pay $5 for $x^2$ today.', ['x^2']],
    ['an escaped dollar', 'A \\$5 note and $y$.', ['y']],
    ['math in a list and a table', '- $a$\n\n| $b$ |\n| - |\n| $c$ |', ['a', 'b', 'c']],
  ])('%s', (_, text, expected) => {
    const { html } = render(`${text}\n`);
    expect(typeset(html)).toEqual(expected);
    // What was not math reads as written, dollars and all.
    if (expected.length === 0) expect(html).toContain(text.includes('*') ? '<em>cheaper</em>' : text.replace('\\$', '$').slice(0, 8));
  });

  it('reports every bad formula at its place and shows its source as code, without failing the post', () => {
    const { html, messages } = render('Bad $\\frac{$ here\n\nand $\\badmacro{x}$ there, good $x$.\n');
    expect(messages.map((m) => [m.place, m.ruleId, m.fatal, m.reason])).toEqual([
      [{ line: 1, column: 5, offset: 4 }, 'math-error', false, "Math not typeset: Unexpected end of input in a macro argument, expected '}'"],
      [{ line: 3, column: 5, offset: 23 }, 'math-error', false, 'Math not typeset: Undefined control sequence: \\badmacro'],
    ]);
    expect(html).toContain('<code class="math-error">\\frac{</code>');
    expect(html).toContain('<code class="math-error">\\badmacro{x}</code>');
    expect(typeset(html)).toEqual(['x']);
  });

  it('gives excerpts and summaries the math as MathML alone, and the outline its text once', () => {
    const { excerptHtml, summary, toc, html } = render('Area $\\pi r^2$ of a circle.\n\n## The $x^2$ term\n\nBody.\n');
    expect(excerptHtml).toContain('<math');
    expect(excerptHtml).not.toContain('katex-html');
    expect(excerptHtml).not.toContain('<annotation');
    expect(summary).toBe('Area πr2 of a circle.');
    expect(toc).toEqual([{ depth: 2, id: 'the-x2-term', text: 'The x2 term' }]);
    expect(html).toContain('katex-html');
  });

  it('says "Read more" only when the body has more than its excerpt', () => {
    expect(render('Only $x$ here.\n').hasMore).toBe(false);
    expect(render('First $x$.\n\nSecond.\n').hasMore).toBe(true);
  });

  it("keeps KaTeX's drawing, which repeats the MathML's text, out of the search index", () => {
    expect(render('See $x$.\n').html).toContain('<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">');
  });

  it('makes feed content MathML alone', () => {
    const feed = mathmlOnlyHtml(render('See $x^2$.\n').html);
    expect(feed).toContain('<math');
    expect(feed).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(feed).not.toContain('katex-html');
  });

  it('leaves posts without math untouched, with a processor that has no math', () => {
    const plain = render('No formulas here, only text.\n');
    expect(plain.math).toBeUndefined();
    expect(processorFor('No formulas here.')).not.toBe(processorFor('Some $x$.'));
    const names = (text: string) => processorFor(text).attachers.map(([plugin]) => plugin.name);
    expect(names('Plain text.')).not.toContain('remarkMathDollars');
    expect(names('Plain text.')).not.toContain('rehypeMath');
    expect(names('Some $x$.')).toContain('remarkMathDollars');
    expect(names('```math\nx\n```')).toContain('rehypeMath');
    expect(fullProcessor.attachers.map(([plugin]) => plugin.name)).toContain('rehypeMath');
  });
});

/** Math with every other construct the keyed processors choose by: each must render as the full processor does. */
const SNIPPETS = [
  'Inline $x$ and display\n\n$$\ny\n$$',
  'Prices $5 and $10, math $z$, and www.example.com $w$.',
  '| $a$ | b |\n| - | - |\n| ~~$c$~~ | [^1] |\n\n[^1]: $d$',
  ':::tip[Title $t$]\n$$\\frac{1}{2}$$ at https://a.b\n:::',
  '```math\n\\sum_i i\n```\n\n<span class="math-inline">q</span>',
  '<code class="language-math">r</code> and m&#97;th',
  'Bad $\\frac{$ and $5 then $$ok$$.',
  '`$not math$` and ```\n$also not$\n```',
  '- [x] $done$\n- [ ] $\\alpha$ http://x.y',
];

describe('per-post processors render math as the full processor', () => {
  it.each(SNIPPETS.map((snippet, index) => [index, snippet]))('snippet %i', (_, snippet) => {
    for (const text of [snippet, `---\ntitle: T\n---\n\n${snippet}\n`, snippet.replace(/\n/g, '\r\n')]) {
      useFullProcessor(true);
      const full = render(text);
      useFullProcessor(false);
      expect(render(text)).toEqual(full);
    }
  });
});
