/**
 * GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` (any letter case). Hugo (0.134+) and Obsidian also read a fold sign
 * and a title after the marker, `> [!tip]- Title`: the title is kept, the sign has no meaning here.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent, Text } from 'mdast';
import type { VFile } from 'vfile';

const MARKER = /^\[!([A-Za-z][\w-]*)\][+-]?/;

/**
 * The alert a block quote holds, as the container directive remark-directive would make of
 * `:::type[Title]` (its title a label paragraph), or undefined when the quote is no alert.
 * The quote is left as it was.
 */
export function alertOf(quote: Blockquote, file: VFile): ContainerDirective | undefined {
  const paragraph = quote.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const match = MARKER.exec(first.value);
  if (!match) return undefined;
  // `\[!NOTE]` decodes to the same text, but its author asked for the brackets.
  const offset = first.position?.start.offset;
  if (offset !== undefined && String(file.value)[offset] !== '[') return undefined;

  const { title, body } = splitFirstLine([{ ...first, value: first.value.slice(match[0].length), position: undefined }, ...paragraph.children.slice(1)]);
  trimEdges(title);
  const children: Array<BlockContent | DefinitionContent> = [];
  if (title.length > 0) children.push({ type: 'paragraph', data: { directiveLabel: true }, children: title, position: span(title) });
  if (body.length > 0) children.push({ ...paragraph, children: body } satisfies Paragraph);
  children.push(...quote.children.slice(1));
  return { type: 'containerDirective', name: match[1]!, attributes: {}, children, position: quote.position };
}

/** Split phrasing at its first line ending (a line feed in a text or a hard break): the marker's line, and the rest. */
function splitFirstLine(nodes: PhrasingContent[]): { title: PhrasingContent[]; body: PhrasingContent[] } {
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'break') return { title: nodes.slice(0, index), body: nodes.slice(index + 1) };
    if (node.type !== 'text') continue;
    const at = node.value.indexOf('\n');
    if (at === -1) continue;
    const before: Text = { type: 'text', value: node.value.slice(0, at) };
    const after: Text = { type: 'text', value: node.value.slice(at + 1) };
    return { title: [...nodes.slice(0, index), before], body: [after, ...nodes.slice(index + 1)].filter((n) => n.type !== 'text' || n.value !== '') };
  }
  return { title: nodes, body: [] };
}

/** Drop the white space around a title (and the text nodes it empties). */
function trimEdges(nodes: PhrasingContent[]): void {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.type === 'text' && node.value === '') nodes.splice(i, 1);
  }
}

/** From the first positioned node's start to the last one's end, where both are known. */
function span(nodes: PhrasingContent[]): Paragraph['position'] {
  const start = nodes.find((node) => node.position)?.position?.start;
  const end = [...nodes].reverse().find((node) => node.position)?.position?.end;
  return start && end ? { start, end } : undefined;
}
