/**
 * Find one construct of another generator's template syntax at a `{` of a post's text: a Hugo
 * shortcode (`{{< name >}}`, `{{% name %}}`, or one escaped with `/*` and `*\/` inside the delimiters), a Liquid or Nunjucks tag
 * (`{% name args %}`), an output (`{{ expression }}`) or a Nunjucks comment (`{# … #}`).
 * Hand-written: no JavaScript library reads Hugo's shortcode syntax, and LiquidJS's tokenizer
 * throws at the first `{{` of prose that is not Liquid, where we must just move on.
 */
import { forwardFinder, type Finder } from '../../shared/forward-finder.ts';

/** One construct, by its offsets in the text. */
export interface Construct {
  type: 'shortcode' | 'tag' | 'output' | 'comment' | 'escaped';
  start: number;
  end: number;
  /** A shortcode's delimiter: `<` (output is HTML) or `%` (output is markdown). */
  delimiter?: '<' | '%';
  /** Shortcode or tag name (`figure`, `highlight`, `endhighlight`); '' for outputs and comments. */
  name: string;
  /** What follows the name: the arguments, or an output's whole expression. */
  args: string;
  /** `{{< /name >}}`. */
  closing: boolean;
  /** `{{< name />}}`. */
  selfClosing: boolean;
  /** Where the arguments start in the text, for messages about them. */
  argsStart: number;
}

/** Opening and closing delimiters of each kind, longest first where one starts another. */
const KINDS = [
  { open: '{{</*', close: '*/>}}', type: 'escaped' },
  { open: '{{%/*', close: '*/%}}', type: 'escaped' },
  { open: '{{<', close: '>}}', type: 'shortcode' },
  { open: '{{%', close: '%}}', type: 'shortcode' },
  { open: '{{', close: '}}', type: 'output' },
  { open: '{%', close: '%}', type: 'tag' },
  { open: '{#', close: '#}', type: 'comment' },
] as const;

/** A construct never spans a blank line: a `{{` in prose with no end in its paragraph is text. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/** The construct starting at `index` (where the text has a `{`), or undefined if there is none. */
export function constructAt(text: string, index: number, limit = text.length): Construct | undefined {
  const kind = KINDS.find(({ open }) => text.startsWith(open, index));
  if (!kind) return undefined;
  const from = index + kind.open.length;
  const end = endOf(text, from, kind.close, kind.type === 'escaped' ? '' : kind.type === 'shortcode' ? '"\'`' : '"\'', limit);
  if (end === undefined) return undefined;
  const inner = text.slice(from, end);
  const construct: Construct = { type: kind.type, start: index, end: end + kind.close.length, name: '', args: inner, closing: false, selfClosing: false, argsStart: from };
  if (kind.type === 'escaped') construct.delimiter = kind.open[2] as '<' | '%';
  if (kind.type === 'shortcode') return shortcode(construct, inner, from, kind.open[2] as '<' | '%');
  if (kind.type === 'tag') return tag(construct, inner, from);
  if (kind.type === 'output') construct.args = trimControl(inner);
  return construct;
}

function shortcode(construct: Construct, inner: string, from: number, delimiter: '<' | '%'): Construct | undefined {
  // `\s*` after the slash only when there is one: `(\s*)(\/?)\s*` split a run of n spaces n² ways before failing.
  const match = /^(\s*)(?:(\/)\s*)?(\w[\w./-]*)/.exec(inner);
  if (!match) return undefined;
  let args = inner.slice(match[0].length);
  const selfClosing = /\/\s*$/.test(args);
  if (selfClosing) args = args.replace(/\/\s*$/, '');
  return { ...construct, delimiter, name: match[3]!, closing: match[2] === '/', selfClosing, args: args.trim(), argsStart: from + match[0].length + (args.length - args.trimStart().length) };
}

function tag(construct: Construct, inner: string, from: number): Construct | undefined {
  const match = /^-?(\s*)([A-Za-z_][\w-]*)/.exec(inner);
  if (!match) return undefined;
  const rest = inner.slice(match[0].length);
  const args = trimControl(rest);
  return { ...construct, name: match[2]!, args, argsStart: from + match[0].length + (rest.length - rest.trimStart().length) };
}

/** Liquid's whitespace control (`{{- x -}}`, `{%- x -%}`) changes nothing here: the dashes go. */
function trimControl(inner: string): string {
  return inner.replace(/^-/, '').replace(/-$/, '').trim();
}

/**
 * Where `close` first appears from `from` outside quoted strings, before a blank line and `limit`.
 * A quote that never closes (an apostrophe in prose: `{{ don't }}`) is not a string after all:
 * then the first `close` counts.
 */
function endOf(text: string, from: number, close: string, quotes: string, limit: number): number | undefined {
  const find = finderOf(text);
  const blank = find(BLANK_LINE, from);
  const stop = Math.min(limit, blank === -1 ? text.length : blank);
  // The loop below can only end at an occurrence of `close`: with none before `stop` it need not
  // run. An opener with no end used to scan on to the next blank line, from every opener.
  const next = find(close, from);
  if (next === -1 || next + close.length > stop) return undefined;
  let quote = '';
  for (let i = from; i < stop; i++) {
    const char = text[i]!;
    if (quote !== '') {
      if (char === '\\' && quote !== '`') i++;
      else if (char === quote) quote = '';
    } else if (quotes.includes(char)) {
      quote = char;
    } else if (text.startsWith(close, i)) {
      return i + close.length <= stop ? i : undefined;
    }
  }
  // The first `close` from `from`, found above.
  return next;
}

/**
 * The finder of the text being scanned, kept for the next construct: constructs are looked for
 * front to back, and a post without blank lines had each look for the next one from scratch, to
 * the end of the text (quadratic: 10,000 shortcodes took 2.3 s, 70,000 over a minute).
 */
let scanned: { text: string; find: Finder } = { text: '', find: forwardFinder('') };

function finderOf(text: string): Finder {
  if (scanned.text !== text) scanned = { text, find: forwardFinder(text) };
  return scanned.find;
}
