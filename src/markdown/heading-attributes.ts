/**
 * remark plugin: explicit heading ids, as Hugo, Zola, Docusaurus, kramdown (Jekyll) and Pandoc
 * read them: `## Setup {#setup}` (with classes and attributes: `{#setup .wide}`), kramdown's
 * attribute list on the line after the heading (`{: #setup}`), and Docusaurus's MDX form
 * `## Setup {/* #setup *\/}`. The block leaves the heading's text, so the title, the outline and
 * the anchor's name never show it; the id goes on the heading and on `file.data.headingIds`, so the
 * id plugin (heading-ids.ts) keeps it and numbers a generated look-alike around it.
 * Runs before the title plugin: `# Title {#id}` as the title must lose its block too.
 */
import type { Heading, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';
import { find, html } from 'property-information';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { walk } from '../shared/walk.ts';
import type { Point } from '../types.ts';
import { isAttributeBlock, parseAttributes, type Attributes } from './attribute-block.ts';

/** Text that may hold a block: skips the tree walk for nearly every post. */
const MAY_HOLD = /\{\s*(?::\s*)?[#.-]|\{\/\*\s*#/;

/**
 * A block at the end of a heading's text. Space before it is left to `trimEnd`: a leading
 * `[ \t]*` was tried from every space of the heading, quadratic on a long run of them (a heading
 * of 1 MB of spaces took minutes).
 */
const TRAILING = /\{([^{}]*)\}[ \t]*$/;

/** kramdown's attribute list alone on a line. */
const IAL = /^\{(:[^{}]*)\}$/;

/** Docusaurus's heading id written as an MDX comment. */
const COMMENT_ID = /^\/\*\s*#(\S+?)\s*\*\/$/;

/** Set explicit ids (and classes) on headings; report empty, malformed and repeated ones. */
export default function remarkHeadingAttributes() {
  return (tree: Root, file: VFile): void => {
    if (!MAY_HOLD.test(String(file.value))) return;
    const seen = new Set<string>();
    walk<Heading>(tree, 'heading', (heading, index, parent) => {
      const found = trailingBlock(heading) ?? nextLineBlock(heading, index, parent as Parent | undefined);
      if (found) apply(heading, found.attributes, found.place, seen, file);
    });
    if (seen.size > 0) file.data.headingIds = [...seen];
  };
}

interface Found {
  attributes: Attributes;
  place?: Point;
}

/**
 * The block ending the heading's text (a text's tail, or an MDX expression), removed from it.
 * MDX comments and space after it do not count (`## Setup {#setup} {/* why *\/}`).
 */
function trailingBlock(heading: Heading): Found | undefined {
  let at = heading.children.length - 1;
  while (at >= 0 && isTrailingNoise(heading.children[at]!)) at--;
  const last = heading.children[at];
  if (last?.type === 'text') {
    const match = TRAILING.exec(last.value);
    if (!match || !isAttributeBlock(match[1]!)) return undefined;
    const end = last.position?.end;
    // The block is the text's tail, on the heading's one line: its place counts back from the end.
    const place = end && { line: end.line, column: end.column - (last.value.length - match.index) };
    last.value = last.value.slice(0, match.index);
    trimEnd(heading);
    return { attributes: parseAttributes(match[1]!), place };
  }
  if (last?.type === 'mdxTextExpression') {
    const attributes = expressionBlock(last.value);
    if (!attributes) return undefined;
    heading.children.splice(at, 1);
    trimEnd(heading);
    return { attributes, place: last.position?.start };
  }
  return undefined;
}

/** White space, or an MDX comment that is not an id: the MDX plugin removes it later. */
function isTrailingNoise(node: Heading['children'][number]): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  return node.type === 'mdxTextExpression' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value) && !COMMENT_ID.test(node.value.trim());
}

/** kramdown's `{: #id}` on the line right after the heading, removed from the tree. */
function nextLineBlock(heading: Heading, index: number | undefined, parent: Parent | undefined): Found | undefined {
  const next = index === undefined ? undefined : parent?.children[index + 1];
  const line = heading.position?.end.line;
  if (!next || line === undefined || next.position?.start.line !== line + 1) return undefined;
  const inner = ialOf(next);
  if (inner === undefined) return undefined;
  parent!.children.splice(index! + 1, 1);
  return { attributes: parseAttributes(inner), place: next.position?.start };
}

/** The inside of a node that is nothing but `{: …}`: a paragraph of text, or an MDX expression. */
function ialOf(node: RootContent): string | undefined {
  if (node.type === 'mdxFlowExpression') return (node as MdxFlowExpression).value.trim().startsWith(':') ? node.value : undefined;
  if (node.type !== 'paragraph' || (node as Paragraph).children.length !== 1) return undefined;
  const only = (node as Paragraph).children[0]!;
  if (only.type === 'text') return IAL.exec(only.value.trim())?.[1];
  if (only.type === 'mdxTextExpression') return (only as MdxTextExpression).value.trim().startsWith(':') ? only.value : undefined;
  return undefined;
}

/** What an MDX expression at a heading's end says: `{#id}` parses as one, as does `{/* #id *\/}`. */
function expressionBlock(value: string): Attributes | undefined {
  const comment = COMMENT_ID.exec(value.trim());
  if (comment) return { id: comment[1], classes: [], attributes: [], problems: [] };
  return isAttributeBlock(value) ? parseAttributes(value) : undefined;
}

function apply(heading: Heading, { id, classes, attributes, problems }: Attributes, place: Point | undefined, seen: Set<string>, file: VFile): void {
  const warn = (reason: string) => addMessage(file, reason, { place: place ?? heading.position?.start, ruleId: 'heading-id', severity: 'warning' });
  if (problems.length > 0) warn(`Heading attributes not understood and left out: ${problems.join(', ')}`);
  const properties: Record<string, unknown> = { ...heading.data?.hProperties };
  for (const [name, value] of attributes) properties[find(html, name).property] = value;
  if (classes.length > 0) properties.className = classes;
  if (id === '') warn('Empty heading id "{#}": the heading keeps the id made from its text');
  else if (id !== undefined) {
    let unique = id;
    for (let n = 1; seen.has(unique); n++) unique = `${id}-${n}`;
    if (unique !== id) warn(`Heading id "${id}" is already used in this post; this heading gets "${unique}"`);
    seen.add(unique);
    properties.id = unique;
  }
  heading.data = { ...heading.data, hProperties: properties as NonNullable<Heading['data']>['hProperties'] };
}

/** Drop white space the block left at the end of the heading's text (`Setup ` would slug as `setup-`). */
function trimEnd(heading: Heading): void {
  let last = heading.children.at(-1);
  while (last?.type === 'text' && last.value.trim() === '') {
    heading.children.pop();
    last = heading.children.at(-1);
  }
  if (last?.type === 'text') (last as Text).value = last.value.trimEnd();
}

declare module 'vfile' {
  interface DataMap {
    /** Explicit heading ids of the post, each once: generated ids are numbered around them. */
    headingIds: string[];
  }
}
