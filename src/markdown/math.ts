/**
 * Math: `$…$` and `$$…$$` (remark-math) typeset by KaTeX at build time (rehype-katex), so readers
 * get no script, only a stylesheet on the pages that show math (see render/katex.ts).
 *
 * Single dollars stay math, as in Docusaurus, Astro and GitHub, but with Pandoc's rule for
 * prices (its `tex_math_dollars`; MathJax leaves `$…$` off for the same reason): the opening `$`
 * must be followed by a non-space, the closing one preceded by a non-space and not followed by a
 * digit. So "costs $5 and $10" stays text, `$x$` is math, and `\$` is always a dollar.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toString } from 'hast-util-to-string';
import katexModule from 'katex';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { classesOf, mathmlOnly } from './mathml-only.ts';
import { walk } from '../shared/walk.ts';

declare module 'vfile' {
  interface DataMap {
    /** Set when KaTeX typeset something in the body: its page needs the KaTeX stylesheet. */
    math: boolean;
    /** The excerpt's HTML before its math became MathML alone: what tells whether the body has more. */
    excerptAsCut: string;
  }
}

/** What the text needs for math to be possible: a `$` (remark-math), or `math` in a fence or class name (rehype-katex), maybe behind a character reference. */
export function mayHoldMath(text: string): boolean {
  return /\$|math|&#/.test(text);
}

/** Stands in for a `$` that must not open math while the text is parsed again: one UTF-16 unit, so positions stay. */
const NOT_MATH = '\uFDD0';

/** Parses again at most this many times; each parse turns at least one `$` back into text. */
const MAX_ROUNDS = 16;

/** remark plugin: remark-math, with Pandoc's rule for prices (see the top of this file). */
export function remarkMathDollars(this: Processor): void {
  remarkMath.call(this as never);
  const parse = this.parser!;
  this.parser = (document, file) => {
    let text = document;
    let tree = parse(text, file) as Root;
    // A text that already holds the stand-in could not tell it from ours: it keeps remark-math's reading.
    if (document.includes(NOT_MATH)) return tree;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const prices = priceDollars(tree, text);
      if (prices.length === 0) break;
      for (const offset of prices) text = text.slice(0, offset) + NOT_MATH + text.slice(offset + 1);
      tree = parse(text, file) as Root;
    }
    if (text !== document) restoreDollars(tree);
    return tree;
  };
}

/** Offsets of the opening `$` of every single-dollar inline math that Pandoc would not read as math. */
function priceDollars(tree: Root, text: string): number[] {
  const found: number[] = [];
  walk(tree, 'inlineMath', (node: RootContent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end);
    if (!source.startsWith('$') || source.startsWith('$$') || !source.endsWith('$')) return;
    const inside = source.slice(1, -1);
    if (/^\s/.test(inside) || /\s$/.test(inside) || /^\d/.test(text.charAt(end))) found.push(start);
  });
  return found;
}

/** The stand-ins back to `$` wherever the parse put them (text, and the alt and URLs that text may become). */
function restoreDollars(node: Root | RootContent): void {
  const fields = node as { value?: unknown; alt?: unknown; url?: unknown; title?: unknown };
  for (const key of ['value', 'alt', 'url', 'title'] as const) {
    if (typeof fields[key] === 'string' && fields[key].includes(NOT_MATH)) fields[key] = fields[key].replaceAll(NOT_MATH, '$');
  }
  if ('children' in node) for (const child of node.children) restoreDollars(child);
}

/** The options KaTeX parses and renders with. `strict: 'ignore'`: its LaTeX-compatibility notes would go to a worker's console. */
const KATEX_OPTIONS = { output: 'htmlAndMathml', strict: 'ignore' } as const;

/**
 * rehype plugin: rehype-katex, with failures as our positioned warnings and the source shown as
 * code. Each formula is parsed first (KaTeX's parser alone, a fraction of rendering it), because
 * rehype-katex draws some failures as red TeX among the math (`\badmacro`), which neither reads as
 * a mistake nor meets contrast on a dark page.
 */
export function rehypeMath() {
  const katex = rehypeKatex(KATEX_OPTIONS) as (tree: HastRoot, file: VFile) => void;
  return (tree: HastRoot, file: VFile): void => {
    walk<Element>(tree, 'element', (node, index, parent) => {
      const formula = formulaOf(node);
      if (formula === undefined || parent === undefined || index === undefined) return;
      const failure = parseFailure(formula.tex, formula.display);
      if (failure === undefined) return 'skip';
      addMessage(file, `Math not typeset: ${failure}`, { place: node.position?.start, ruleId: 'math-error', severity: 'warning' });
      (parent.children as ElementContent[])[index] = mathError(formula.tex, node);
      return 'skip';
    });
    const before = file.messages.length;
    katex(tree, file);
    // Anything else rehype-katex could not render (no parse error): its message as ours, its red text as code.
    const failures = file.messages.splice(before).filter((message) => message.source === 'rehype-katex');
    for (const failure of failures) {
      const reason = (failure.cause as Error | undefined)?.message ?? failure.reason;
      addMessage(file, `Math not typeset: ${reason}`, { place: failure.place && 'start' in failure.place ? failure.place.start : failure.place, ruleId: 'math-error', severity: 'warning' });
    }
    let typeset = false;
    walk<Element>(tree, 'element', (node, index, parent) => {
      const classes = classesOf(node);
      if (classes.includes('katex')) {
        typeset = true;
        // KaTeX's drawing repeats the MathML's text for the eye alone: search indexes the MathML.
        for (const child of node.children) if (child.type === 'element' && classesOf(child).includes('katex-html')) child.properties.dataPagefindIgnore = '';
        return 'skip';
      }
      if (!classes.includes('katex-error') || parent === undefined || index === undefined) return;
      (parent.children as ElementContent[])[index] = mathError(toString(node), node);
      return 'skip';
    });
    if (typeset) file.data.math = true;
  };
}

/** The TeX of an element rehype-katex would typeset, as it finds them: remark-math's classes, a ```math fence (display). */
function formulaOf(node: Element): { tex: string; display: boolean } | undefined {
  const classes = classesOf(node);
  if (node.tagName === 'pre') {
    const code = node.children.length === 1 && node.children[0]!.type === 'element' ? node.children[0] : undefined;
    return code && classesOf(code).includes('language-math') ? { tex: toString(code), display: true } : undefined;
  }
  if (!classes.includes('language-math') && !classes.includes('math-display') && !classes.includes('math-inline')) return undefined;
  return { tex: toString(node), display: classes.includes('math-display') };
}

type Parse = (tex: string, options: object) => unknown;
/** KaTeX's parser (`__parse`, exported for tools like this), else its renderer: either throws a ParseError. */
const parse: Parse = (katexModule as unknown as { __parse?: Parse }).__parse ?? katexModule.renderToString;

/** KaTeX's reason for rejecting `tex` (`Undefined control sequence: \badmacro`), else undefined. */
function parseFailure(tex: string, displayMode: boolean): string | undefined {
  try {
    parse(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
    return undefined;
  } catch (error) {
    const { rawMessage, message } = error as { rawMessage?: string; message?: string };
    return rawMessage ?? message ?? String(error);
  }
}

/** A formula KaTeX rejected, as the reader wrote it, styled as code by the theme. */
function mathError(tex: string, at: Element): Element {
  return { type: 'element', tagName: 'code', properties: { className: ['math-error'] }, children: [{ type: 'text', value: tex }], position: at.position };
}

/**
 * rehype plugin, after the excerpt is cut: the excerpt's math as MathML alone. Lists show
 * excerpts without the KaTeX stylesheet, and browsers draw MathML on their own; KaTeX's HTML
 * rendering without its stylesheet is a jumble of letters.
 */
export function rehypeMathExcerpt() {
  return (_: HastRoot, file: VFile): void => {
    if (!file.data.math || !file.data.excerpt) return;
    file.data.excerptAsCut = toHtml(file.data.excerpt);
    mathmlOnly(file.data.excerpt, true);
  };
}
