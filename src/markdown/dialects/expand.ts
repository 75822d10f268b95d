/**
 * The template pass over a post's body: every construct outside code is expanded (see liquid.ts,
 * hugo-shortcodes.ts, calls.ts) into a new text, piece by piece, so positions can be mapped back
 * (source-map.ts). Inside code only Liquid's raw markers and Hugo's escaped shortcodes change:
 * the rest of a code block is shown as written.
 */
import type { VFile } from 'vfile';
import type { location } from 'vfile-location';
import { addMessage } from '../../messages.ts';
import type { Severity } from '../../types.ts';
import type { LinkDependency } from '../data.ts';
import type { DialectSite } from './context.ts';
import type { ShortcodeTemplates } from './shortcode-templates.ts';
import { constructAt, type Construct } from './scan.ts';
import type { Piece } from './source-map.ts';

/** `text`: every construct is expanded; `code`: only raw markers and escaped shortcodes. */
export type Mode = 'text' | 'code';

/** What handlers need of the post and the site. */
export interface ExpandEnv {
  file: VFile;
  deps: LinkDependency[];
  contentDir: string;
  /** The site's base path (`/blog/`), for URLs written out in prose, where links.ts does not see them. */
  basePath: string;
  postPaths: ReadonlyMap<string, string>;
  sourcePath: string;
  pagePath: string;
  site: DialectSite;
  shortcodes?: ShortcodeTemplates;
  /** The post's front matter (parsed on first use). */
  frontMatter(): Record<string, unknown>;
  /** Offsets of the post's text → line and column. */
  points: ReturnType<typeof location>;
}

/** Expands one construct; returns where scanning goes on. */
export type Handler = (construct: Construct, expander: Expander, mode: Mode) => number;

/** Tags that act inside code too: Liquid's raw markers. */
const RAW_TAGS = new Set(['raw', 'endraw', 'verbatim', 'endverbatim']);

/** The expansion of one text: pieces in order, and the HTML that placeholders stand for. */
export class Expander {
  readonly pieces: Piece[] = [];
  private cursor: number;
  /** Where the text last has a closer of each name (`shortcode:name`, `end:name`); made on first use. */
  private closers: Map<string, number> | undefined;

  constructor(
    readonly text: string,
    readonly env: ExpandEnv,
    private readonly code: ReadonlyArray<readonly [number, number]>,
    private readonly handle: Handler,
    readonly html: string[],
    start: number,
  ) {
    this.cursor = start;
  }

  /** Expand the constructs between `from` and `to`; text between them is kept as the cursor passes it. */
  expand(from: number, to: number, mode: Mode): void {
    let at = from;
    while ((at = this.text.indexOf('{', at)) !== -1 && at < to) {
      const code = mode === 'code' || this.inCode(at);
      // In code only `{%` (raw markers) and escaped shortcodes can act: skip the rest without reading them.
      const construct = code && !MAY_ACT_IN_CODE.test(this.text.slice(at, at + 5)) ? undefined : constructAt(this.text, at, to);
      if (construct === undefined || (code && !actsInCode(construct))) {
        at++;
        continue;
      }
      at = this.handle(construct, this, code ? 'code' : mode);
    }
  }

  /** The expansion of a stretch on its own, as text (a shortcode's inner text). */
  expandToString(from: number, to: number, mode: Mode): string {
    const child = new Expander(this.text, this.env, this.code, this.handle, this.html, from);
    child.expand(from, to, mode);
    child.keep(to);
    return child.pieces.map((piece) => piece.text ?? this.text.slice(piece.from, piece.to)).join('');
  }

  /** Keep the text up to `to` as it is. */
  keep(to: number): void {
    if (to > this.cursor) this.pieces.push({ from: this.cursor, to });
    this.cursor = Math.max(this.cursor, to);
  }

  /** Replace `from`–`to` of the text with `text`. */
  replace(from: number, to: number, text: string): void {
    this.keep(from);
    this.pieces.push({ from: Math.max(from, this.cursor), to, text });
    this.cursor = Math.max(this.cursor, to);
  }

  /** Replace `from`–`to` with HTML that markdown must not read: a placeholder now, the HTML once the text is parsed. */
  replaceWithHtml(from: number, to: number, html: string): void {
    this.replace(from, to, `<!--${PLACEHOLDER}${this.html.push(html) - 1}-->`);
  }

  /** The next construct after `from` that closes `opener`, skipping nested pairs of the same name (outside code). */
  closerOf(opener: Construct, to: number, mode: Mode): Construct | undefined {
    // Most calls have no closer at all: looking for one must not cost a scan of the rest of the text each.
    if (this.lastCloser(opener) < opener.end) return undefined;
    const closes = (c: Construct) =>
      opener.type === 'shortcode' ? c.type === 'shortcode' && c.closing && c.name === opener.name : c.type === 'tag' && c.name === `end${opener.name}`;
    const opens = (c: Construct) =>
      opener.type === 'shortcode' ? c.type === 'shortcode' && !c.closing && !c.selfClosing && c.name === opener.name : c.type === 'tag' && c.name === opener.name;
    let depth = 0;
    let at = opener.end;
    while ((at = this.text.indexOf('{', at)) !== -1 && at < to) {
      const construct = mode === 'code' || this.inCode(at) ? undefined : constructAt(this.text, at, to);
      if (construct === undefined) {
        at++;
        continue;
      }
      if (closes(construct) && depth-- === 0) return construct;
      if (opens(construct)) depth++;
      at = construct.end;
    }
    return undefined;
  }

  /**
   * Where the text last has something that reads like `opener`'s closer (-1: nowhere). Every
   * closer of every name is found in one pass: a pass per name was one scan of the whole text for
   * each distinct shortcode or tag name, quadratic on a post of thousands of different ones.
   */
  private lastCloser(opener: Construct): number {
    if (!this.closers) {
      this.closers = new Map();
      // The name is the whole run of name characters, as `(?![\w./-])` / `(?![\w-])` made it per name.
      for (const match of this.text.matchAll(/{{[<%]\s*\/\s*([\w./-]+)|{%-?\s*end([\w-]+)/g)) {
        this.closers.set(match[1] === undefined ? `end:${match[2]}` : `shortcode:${match[1]}`, match.index);
      }
    }
    return this.closers.get(opener.type === 'shortcode' ? `shortcode:${opener.name}` : `end:${opener.name}`) ?? -1;
  }

  /** File a message at `offset` of the text (where a construct starts, as other markdown messages point at a node's start). */
  report(reason: string, ruleId: string, severity: Severity, offset: number): void {
    const start = this.env.points.toPoint(offset);
    addMessage(this.env.file, reason, { place: start && { line: start.line, column: start.column }, ruleId, severity });
  }

  /** Whether `offset` is inside code (a code span or block) as the text's own markdown reads it. */
  inCode(offset: number): boolean {
    let low = 0;
    let high = this.code.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = this.code[middle]!;
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return true;
    }
    return false;
  }
}

/** The comment text that stands for the HTML of one shortcode until the text is parsed. */
export const PLACEHOLDER = 'blogsmith-shortcode:';

const MAY_ACT_IN_CODE = /^(?:{%|{{[<%]\/\*)/;

function actsInCode(construct: Construct): boolean {
  return construct.type === 'escaped' || (construct.type === 'tag' && RAW_TAGS.has(construct.name));
}
