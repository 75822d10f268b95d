/**
 * The older Docusaurus title syntax, `:::tip Title`, which remark-directive does not read (a
 * directive's line may hold only its name, `[label]` and `{attributes}`). Docusaurus 3 rewrites such
 * lines to `:::tip[Title]` with a regular expression before parsing, inside code blocks too. Here the
 * title is blanked out with spaces instead, so every position in the file stays where it was; each
 * title is then parsed on its own and becomes the directive's label. A blanked line that opened no
 * directive (it sat in a code block, say) is parsed again as written, so code shows what was typed.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { Node, Parent, Point } from 'unist';
import type { VFile } from 'vfile';

/** The parser being wrapped: remark-parse's, with every syntax extension of the processor. */
export type Parse = (document: string, file: VFile) => Root;

/** One `:::name Title` line: where its fence starts, where its title starts, and the title. */
interface SpaceTitle {
  fence: number;
  start: number;
  text: string;
}

/**
 * A fence of three or more colons, a directive name, white space and a title, after any block
 * quote markers and indentation (loosely: a line that only looks like one opens no directive, and
 * is put back). Every part is linear: no two quantifiers compete for the same characters.
 */
const LINE = /^([ \t>]*)(:{3,}[A-Za-z][\w-]*[ \t]+)(\S[^\r\n]*)/gm;

function spaceTitles(document: string): SpaceTitle[] {
  if (!document.includes(':::')) return [];
  return [...document.matchAll(LINE)].map((match) => {
    const fence = match.index + match[1]!.length;
    return { fence, start: fence + match[2]!.length, text: trimEnd(match[3]!) };
  });
}

/** Without trailing spaces and tabs (markdown's white space, unlike `String#trimEnd`'s). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** `document` with each title replaced by as many spaces, so offsets, lines and columns stay. */
function blank(document: string, titles: readonly SpaceTitle[]): string {
  let out = '';
  let from = 0;
  for (const { start, text } of titles) {
    out += document.slice(from, start) + ' '.repeat(text.length);
    from = start + text.length;
  }
  return out + document.slice(from);
}

/** Parse `document` reading `:::name Title` lines as `:::name[Title]`. */
export function parseWithSpaceTitles(document: string, file: VFile, parse: Parse): Root {
  const titles = spaceTitles(document);
  if (titles.length === 0) return parse(document, file);
  let tree = parse(blank(document, titles), file);
  let directives = directivesByStart(tree);
  const opened = titles.filter((title) => directives.has(title.fence));
  if (opened.length < titles.length) {
    // Putting back a title on a line that opened nothing changes no block structure: the
    // line was code, HTML or paragraph text either way, and now reads as written.
    tree = parse(blank(document, opened), file);
    directives = directivesByStart(tree);
  }
  for (const title of opened) {
    const directive = directives.get(title.fence);
    if (directive) directive.children.unshift(label(title, directive.position?.start, file, parse));
  }
  return tree;
}

/** Every container directive of the tree, by the offset its fence starts at. */
function directivesByStart(tree: Root): Map<number, ContainerDirective> {
  const found = new Map<number, ContainerDirective>();
  const visit = (node: Node): void => {
    if (node.type === 'containerDirective' && node.position?.start.offset !== undefined) found.set(node.position.start.offset, node as ContainerDirective);
    // Directives are flow content: they never sit inside a paragraph or heading.
    if (node.type !== 'paragraph' && node.type !== 'heading' && 'children' in node) for (const child of (node as Parent).children) visit(child);
  };
  visit(tree);
  return found;
}

/**
 * The title as remark-directive makes a label: a paragraph marked `directiveLabel`. The title is
 * phrasing only, so a title that would parse as a block of its own (`# x`, `- x`) stays text.
 */
function label(title: SpaceTitle, fence: Point | undefined, file: VFile, parse: Parse): Paragraph {
  const at = fence && { line: fence.line, column: fence.column + title.start - title.fence, offset: title.start };
  const end = at && { line: at.line, column: at.column + title.text.length, offset: title.start + title.text.length };
  const position = at && end && { start: at, end };
  const parsed = parse(title.text, file).children;
  let children: PhrasingContent[];
  if (parsed.length === 1 && parsed[0]!.type === 'paragraph') {
    children = parsed[0].children;
    if (at) for (const child of children) shift(child, at);
  } else {
    children = [{ type: 'text', value: title.text, position }];
  }
  return { type: 'paragraph', data: { directiveLabel: true }, children, position };
}

/** Move a node parsed from the title alone to where the title is in the file (one line, so columns just add). */
function shift(node: Node, at: Point): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    point.line = at.line;
    point.column += at.column - 1;
    if (point.offset !== undefined) point.offset += at.offset!;
  }
  if ('children' in node) for (const child of (node as Parent).children) shift(child, at);
}
