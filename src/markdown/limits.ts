/**
 * Limits a post's text must stay within before the parser sees it. micromark is recursive and, on
 * some shapes, super-linear: 8,000 nested list items (16 KB) took 51 s and then overflowed the
 * stack; 50,000 `[` closed by 50,000 `]` took 50 s. One linear pass over the text finds these
 * shapes and refuses the post at the place the limit is crossed, in milliseconds. The limits follow
 * markdown-it, whose `maxNesting` (100) bounds block and inline nesting for the same reason.
 */
import type { Point } from '../types.ts';

/** Deepest nesting of list items and block quotes, and of `[` within one paragraph (markdown-it: maxNesting 100). */
export const MAX_NESTING = 100;

/** Longest run of `*` or `_` inside text: each pair may open one more level of emphasis (so twice MAX_NESTING). */
export const MAX_EMPHASIS_RUN = 2 * MAX_NESTING;

/**
 * Most `*` and `_` runs in one paragraph: matching them is quadratic in micromark (`*a` × 40,000,
 * 80 KB, took 49 s; × 4,000 takes 0.5 s). ferromark bounds the same thing at 4,096 (MAX_INLINE_MARKS).
 */
export const MAX_EMPHASIS_RUNS = 4096;

/** A refusal: what was found, where, under which rule. */
export interface LimitProblem {
  reason: string;
  place: Point;
  ruleId: 'render-nesting';
}

/**
 * A code fence at the start of a line: its lines are code, not containers, up to the closing fence.
 * Only a fence in the first column is skipped, as one there belongs to no list item or quote; any
 * shape this misreads is still bounded by the render budget (pool.ts), the screen only makes it quick.
 */
const FENCE = /^(`{3,}|~{3,})/;
/** A raw HTML block whose text markdown leaves alone (CommonMark's HTML block 1: minified scripts hold many `_` and `*`), to its closing tag. */
const RAW_HTML = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
/** A thematic break (`- - -`, `***`): dashes and stars there are no list markers or emphasis. */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A list marker after the container prefix: a bullet or up to nine digits, then a space, a tab or the line's end. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The first place `text` crosses a limit, or undefined when it stays within all of them. */
export function screenText(text: string): LimitProblem | undefined {
  const lines = text.split('\n');
  /** Inside a fenced code block or a raw HTML block: whether a line closes it. */
  let verbatim: ((line: string) => boolean) | undefined;
  /** Unclosed `[` and emphasis runs in the current paragraph; a blank line ends the paragraph, and both counts with it. */
  let paragraph: Paragraph = { brackets: 0, runs: 0 };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    if (verbatim) {
      if (verbatim(line)) verbatim = undefined;
      continue;
    }
    const fence = FENCE.exec(line)?.[1];
    const tag = RAW_HTML.exec(line)?.[1];
    if (fence) {
      // A run at least as long, of the same character, indented at most three spaces, closes it.
      verbatim = (next) => {
        const at = next.indexOf(fence);
        return at !== -1 && at <= 3 && next.slice(0, at).trim() === '';
      };
      continue;
    }
    if (tag) {
      const closing = new RegExp(`</${tag}>`, 'i');
      if (!closing.test(line)) verbatim = (next) => closing.test(next);
      continue;
    }
    const containers = containerDepth(line, lineNumber);
    if (containers.problem) return containers.problem;
    if (line.trim() === '') {
      paragraph = { brackets: 0, runs: 0 };
      continue;
    }
    const inline = inlineProblem(line, lineNumber, containers.contentStart, paragraph);
    if (inline) return inline;
  }
  return undefined;
}

/**
 * How many list items and block quotes open on this line: its `>` and list markers, plus the list
 * levels its indentation implies when it starts an item (a nested item is indented at least two
 * columns past its parent's marker). Where the count passes MAX_NESTING, a problem at that marker.
 */
function containerDepth(line: string, lineNumber: number): { problem?: LimitProblem; contentStart: number } {
  let column = 0;
  while (line[column] === ' ' || line[column] === '\t') column++;
  const rest = line.slice(column);
  // Indentation counts only before a marker: an indented paragraph line opens nothing.
  let depth = rest.startsWith('>') || LIST_MARKER.test(rest) ? Math.floor(column / 2) : 0;
  for (;;) {
    while (line[column] === ' ' || line[column] === '\t') column++;
    const here = line.slice(column);
    let length = 0;
    if (here.startsWith('>')) length = 1;
    else if (!THEMATIC_BREAK.test(here)) length = LIST_MARKER.exec(here)?.[0].length ?? 0;
    if (length === 0) return { contentStart: column };
    depth++;
    if (depth > MAX_NESTING) {
      return { contentStart: column, problem: nesting(`More than ${MAX_NESTING} nested list items and block quotes (markdown-it's limit too)`, lineNumber, column) };
    }
    column += length;
  }
}

/** What a paragraph's lines so far hold: unclosed `[`, `*` and `_` runs. */
interface Paragraph {
  brackets: number;
  runs: number;
}

/**
 * Count brackets and emphasis runs on one line of a paragraph, from `start` (after its containers),
 * into `paragraph`; the problem once a count passes its limit. Code spans and escapes are skipped.
 */
function inlineProblem(line: string, lineNumber: number, start: number, paragraph: Paragraph): LimitProblem | undefined {
  if (THEMATIC_BREAK.test(line.slice(start))) return undefined;
  for (let at = start; at < line.length; at++) {
    const char = line[at];
    if (char === '\\') {
      at++;
    } else if (char === '`') {
      let run = 1;
      while (line[at + run] === '`') run++;
      const close = line.indexOf('`'.repeat(run), at + run);
      at = close === -1 ? at + run - 1 : close + run - 1;
    } else if (char === '[') {
      paragraph.brackets++;
      if (paragraph.brackets > MAX_NESTING) return nesting(`More than ${MAX_NESTING} nested "[" in one paragraph (markdown-it's limit too)`, lineNumber, at);
    } else if (char === ']') {
      paragraph.brackets = Math.max(0, paragraph.brackets - 1);
    } else if (char === '*' || char === '_') {
      let run = 1;
      while (line[at + run] === char) run++;
      if (run > MAX_EMPHASIS_RUN) return nesting(`A run of ${run} "${char}": more than ${MAX_EMPHASIS_RUN} nest emphasis over ${MAX_NESTING} levels`, lineNumber, at);
      paragraph.runs++;
      if (paragraph.runs > MAX_EMPHASIS_RUNS) return nesting(`More than ${MAX_EMPHASIS_RUNS} runs of "*" and "_" in one paragraph (matching them is quadratic)`, lineNumber, at);
      at += run - 1;
    }
  }
  return undefined;
}

function nesting(what: string, line: number, column: number): LimitProblem {
  return { reason: `${what}: not rendered`, place: { line, column: column + 1 }, ruleId: 'render-nesting' };
}
