/**
 * GFM, but only the constructs a post can contain. remark-gfm tries its constructs at nearly every
 * character (autolink literals at every letter, tables at every line) and runs a find-and-replace
 * over every text node; a post that cannot contain a construct renders byte-identically without it
 * (test/markdown/gfm-subset.test.ts proves it), so a cheap scan of the text picks what to register.
 */
import type { Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown, gfmAutolinkLiteralToMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** One bit per GFM construct, in remark-gfm's order. */
export const GFM = { autolinkLiteral: 1, footnote: 2, strikethrough: 4, table: 8, taskListItem: 16 } as const;

/** Every construct: what remark-gfm registers. */
export const ALL_GFM = 31;

/**
 * What a construct needs in the raw text to be possible at all, read off the micromark and mdast
 * extensions (micromark-extension-gfm-* 2.1, mdast-util-gfm-* 2.0/2.1). Each test may say yes too
 * often, never too rarely.
 */
const NEEDS: ReadonlyArray<readonly [number, RegExp]> = [
  // micromark starts literals at `www.`, `http(s)://` and the `@` of an email; the mdast transform
  // also finds them in text decoded from escapes and references (`www\.a.b`, `a&#64;b.c`).
  // No named reference decodes to a letter, and only `&commat;` to `@`.
  [GFM.autolinkLiteral, /www|http|@|&#|&commat;/i],
  // Definitions and calls both start with `[^`, and a call needs a definition.
  [GFM.footnote, /\[\^/],
  [GFM.strikethrough, /~/],
  // A delimiter row needs a `|` or an alignment colon: `a\n:-` alone is a one-column table.
  [GFM.table, /\||:-|-:/],
  // The check is `[`, a space, tab, line ending, `x` or `X`, then `]`.
  [GFM.taskListItem, /\[(?:[ \t\n\rxX]|\r\n)\]/],
];

/** The constructs `text` could contain (a bitmask of `GFM`). */
export function gfmFeatures(text: string): number {
  let features = 0;
  for (const [bit, need] of NEEDS) if (need.test(text)) features |= bit;
  return features;
}

/** Each construct's micromark extension and mdast extensions, in remark-gfm's order. */
const CONSTRUCTS = [
  [GFM.autolinkLiteral, gfmAutolinkLiteral, gfmAutolinkLiteralFromMarkdown, gfmAutolinkLiteralToMarkdown],
  [GFM.footnote, gfmFootnote, gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown],
  [GFM.strikethrough, gfmStrikethrough, gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown],
  [GFM.table, gfmTable, gfmTableFromMarkdown, gfmTableToMarkdown],
  [GFM.taskListItem, gfmTaskListItem, gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown],
] as const;

/**
 * remark plugin: remark-gfm limited to `features`. It registers what remark-gfm registers, in the
 * same order and shape (one combined micromark extension), leaving the others out.
 */
export default function remarkGfmSubset(this: Processor, features: number = ALL_GFM): void {
  const chosen = CONSTRUCTS.filter(([bit]) => (features & bit) !== 0);
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions(chosen.map(([, syntax]) => syntax())));
  (data.fromMarkdownExtensions ??= []).push(chosen.map(([, , fromMarkdown]) => fromMarkdown()));
  // Declared by remark-stringify, which we do not load: no post is turned back into markdown.
  ((data as { toMarkdownExtensions?: unknown[] }).toMarkdownExtensions ??= []).push({ extensions: chosen.map(([, , , toMarkdown]) => toMarkdown()) });
}

/** Text that an autolink literal could come from: what the micromark construct and the mdast transform look for. */
const LITERAL = /www\.|https?:\/\/|@/i;

/**
 * remark plugin for posts whose raw text merely mentions `http`, `www` or `@` (often only in link
 * destinations and definitions): parse without autolink literals, and parse again with
 * `parseWithLiterals` only if some text could hold one.
 *
 * Exact because: the mdast transform only reads text nodes; and the micromark construct needs
 * its trigger (`www.`, `http://`, `https://`, the email's `@`) as plain characters of inline
 * content, none of which can start another construct, so up to the first match both parses are
 * the same and the trigger is data, which ends up in a text node, an image's `alt` or a footnote
 * call's label. Nothing found there means the construct never matched, and its failed attempts
 * leave nothing behind but a marker on a token that only the construct itself reads.
 */
export function remarkLiteralsOnDemand(this: Processor, parseWithLiterals: (document: string, file: VFile) => Root): void {
  const parse = this.parser!;
  this.parser = (document, file) => {
    const tree = parse(document, file) as Root;
    return mayHoldLiteral(tree) ? parseWithLiterals(document, file) : tree;
  };
}

function mayHoldLiteral(node: Root | RootContent): boolean {
  const text =
    node.type === 'text' ? node.value
    : node.type === 'image' || node.type === 'imageReference' ? node.alt
    : node.type === 'footnoteReference' ? node.label
    : undefined;
  if (text && LITERAL.test(text)) return true;
  return 'children' in node && node.children.some(mayHoldLiteral);
}
