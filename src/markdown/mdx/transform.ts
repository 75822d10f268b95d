/**
 * remark plugin: an MDX tree made plain, for a page that runs no JavaScript. `import`/`export`
 * blocks go; `{/* comments *\/}` go (`{/* truncate *\/}` stays, as the excerpt marker it is);
 * expressions with a static value (`{' '}`) become their text and the others are reported and left
 * out; known components become their HTML (components.ts), HTML elements stay, and any other
 * component is reported while its content stays. Runs right after parsing, before the title and
 * callout plugins, so neither ever sees JSX.
 */
import type { Code, Heading, Paragraph, Root, RootContent } from 'mdast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';
import type { Program } from 'acorn';
import type { Processor } from 'unified';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { addMessage } from '../../messages.ts';
import { COMPONENTS } from './components.ts';
import { element, propertiesOf, report, short, type Context, type JsxElement } from './elements.ts';
import { commentOf, evaluate, importsOf } from './evaluate.ts';

/** HTML elements a paragraph cannot hold: one that holds only these (and space) gives way to them. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul']);

/** An HTML (or custom, or SVG) element's name, as opposed to a component's. */
const INTRINSIC = /^[a-z][\w:-]*$/;

/** Comments that mark the excerpt's end. */
const MARKER = /^\s*(?:truncate|more)\s*$/i;

/** Turn every MDX node of the tree into plain Markdown nodes and HTML elements. */
export default function remarkMdxPlain(this: Processor) {
  const parse = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile): void => {
    tree.children = tree.children.flatMap((node) => (node.type === 'code' && node.lang === 'mdx-code-block' ? unwrap(node, parse, file) : [node]));
    const imports = new Map<string, string>();
    for (const node of tree.children) {
      const program = node.type === 'mdxjsEsm' ? (node.data?.estree as Program | undefined) : undefined;
      if (program) importsOf(program, imports);
    }
    tree.children = transformAll(tree.children, { file, imports });
  };
}

/**
 * Docusaurus's ```` ```mdx-code-block ```` fence: MDX kept out of translation tools' reach, which
 * Docusaurus unwraps before parsing. Its content is parsed here, placed at the fence's lines.
 */
function unwrap(code: Code, parse: (text: string) => Root, file: VFile): RootContent[] {
  const line = code.position?.start.line ?? 0;
  // Where the content starts in the file: the line after the opening fence.
  const offset = String(file.value).indexOf('\n', code.position?.start.offset ?? 0) + 1;
  const moved = (point: Point): Point => ({ line: point.line + line, column: point.column, offset: (point.offset ?? 0) + offset });
  try {
    const inner = parse(code.value);
    walk(inner, (node) => {
      if (node.position) node.position = { start: moved(node.position.start), end: moved(node.position.end) };
    });
    return inner.children;
  } catch (error) {
    const place = (error as { line?: number }).line === undefined ? code.position?.start : { line: (error as { line: number }).line + line, column: (error as { column?: number }).column ?? 1 };
    addMessage(file, `Not valid MDX in an mdx-code-block (${(error as Error).message}); shown as code`, { place, ruleId: 'mdx-syntax', severity: 'warning' });
    return [code];
  }
}

function walk(node: Root | RootContent, visit: (node: Root | RootContent) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function transformAll(nodes: readonly RootContent[], context: Context): RootContent[] {
  return nodes.flatMap((node) => transform(node, context));
}

function transform(node: RootContent, context: Context): RootContent[] {
  switch (node.type as string) {
    case 'mdxjsEsm':
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return expression(node as MdxFlowExpression | MdxTextExpression, context);
    case 'comment':
      // remark-comment's node for `<!-- … -->`: back to the HTML comment Markdown would have made.
      return [{ type: 'html', value: `<!--${(node as unknown as { commentValue: string }).commentValue}-->`, position: node.position }];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsx(node as JsxElement, context);
  }
  if (!('children' in node)) return [node];
  node.children = transformAll(node.children as RootContent[], context) as never;
  if (node.type === 'paragraph' || node.type === 'heading') node.children = joinTexts(node.children);
  if (node.type === 'heading') trim(node);
  return node.type === 'paragraph' ? liftBlocks(node) : [node];
}

function jsx(node: JsxElement, context: Context): RootContent[] {
  const children = (inner: Context = context) => transformAll(node.children as RootContent[], inner);
  if (node.name === null) return children();
  const component = Object.hasOwn(COMPONENTS, node.name) ? COMPONENTS[node.name] : undefined;
  if (component) return component(node, context, children);
  if (INTRINSIC.test(node.name)) return [element(node, node.name, propertiesOf(node, context), children())];
  addMessage(context.file, `Component <${node.name}> needs a JavaScript runtime to show; left out, its content kept`, {
    place: node.position?.start,
    ruleId: 'unknown-component',
    severity: 'warning',
  });
  return children();
}

function expression(node: MdxFlowExpression | MdxTextExpression, context: Context): RootContent[] {
  const comment = commentOf(node.value);
  if (comment !== undefined) {
    return MARKER.test(comment) && node.type === 'mdxFlowExpression' ? [{ type: 'html', value: `<!--${comment}-->`, position: node.position }] : [];
  }
  // No imports here: `{Code}` from `!!raw-loader!./x.js` is code, not the module's name.
  const result = evaluate(node.value, new Map());
  const value = Array.isArray(result?.value) && result.value.every((item) => typeof item === 'string') ? result.value.join('') : result?.value;
  if (typeof value === 'string' || typeof value === 'number') {
    const text: RootContent = { type: 'text', value: String(value), position: node.position };
    return node.type === 'mdxFlowExpression' ? [{ type: 'paragraph', children: [text as never], position: node.position }] : [text];
  }
  // React shows nothing for these.
  if (result !== undefined && (value === null || value === undefined || typeof value === 'boolean')) return [];
  report(context, `JavaScript expression {${short(node.value)}} needs a JavaScript runtime to show; left out`, node.position?.start);
  return [];
}

/** A paragraph holding only block elements (and white space) gives way to them; an emptied one goes. */
function liftBlocks(paragraph: Paragraph): RootContent[] {
  const kept = paragraph.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  if (kept.length === 0) return [];
  return kept.every(isBlock) ? (kept as RootContent[]) : [paragraph];
}

function isBlock(node: RootContent): boolean {
  if (node.type === 'containerDirective' || node.type === 'code') return true;
  const tagName = (node.data as { hName?: string } | undefined)?.hName;
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && tagName !== undefined && BLOCKS.has(tagName);
}

/** Texts a removed expression left side by side become one, with one space where each had one (`Why  this` → `Why this`). */
function joinTexts<T extends RootContent>(children: T[]): T[] {
  const joined: T[] = [];
  for (const child of children) {
    const previous = joined.at(-1);
    if (previous?.type !== 'text' || child.type !== 'text') {
      joined.push(child);
      continue;
    }
    const value = /\s$/.test(previous.value) ? child.value.trimStart() : child.value;
    const position = previous.position && child.position ? { start: previous.position.start, end: child.position.end } : undefined;
    joined[joined.length - 1] = { ...previous, value: previous.value + value, position };
  }
  return joined;
}

/** A heading's text without the space a removed expression left at its ends (`Setup ` would slug as `setup-`). */
function trim(heading: Heading): void {
  const children = heading.children;
  while (children[0]?.type === 'text' && children[0].value.trim() === '') children.shift();
  while (children.at(-1)?.type === 'text' && (children.at(-1) as { value: string }).value.trim() === '') children.pop();
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
}
