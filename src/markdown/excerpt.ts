/**
 * rehype plugin: cut the excerpt at `<!-- truncate -->` / `<!-- more -->`, else take the first
 * paragraph with text. Lists show excerpts as text (formatting, links and code kept): images,
 * figures, embeds and diagrams are left out, since beside a linked title they only leave a
 * broken icon or a blank gap; a post's `image` is the list's thumbnail instead.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { cloneTree } from './clone.ts';

const MARKERS = new Set(['truncate', 'more']);

/** Media and embeds: never part of an excerpt. `svg` outside math only (see `isMath`). */
const MEDIA = new Set(['img', 'picture', 'figure', 'iframe', 'video', 'audio', 'embed', 'object', 'canvas', 'svg', 'source', 'track', 'map']);

/** Elements that are whole with no content of their own: never pruned as left empty. */
const VOID = new Set(['br', 'hr', 'wbr', 'input', 'col', 'area']);

function isMarker(node: RootContent): boolean {
  return node.type === 'comment' && MARKERS.has(node.value.trim().toLowerCase());
}

/** KaTeX draws some symbols (roots, stretchy arrows) as inline SVG: math is text and stays whole. */
function isMath(node: Element): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.some((name) => name === 'katex' || name === 'katex-display');
}

/**
 * `nodes` without media. An element that held media and is left with nothing but white space (a
 * paragraph holding only an image, a linked image, an embed's wrapper) goes too.
 */
function withoutMedia<T extends RootContent | ElementContent>(nodes: readonly T[]): T[] {
  const kept: T[] = [];
  for (const node of nodes) {
    if (node.type !== 'element' || isMath(node)) {
      kept.push(node);
      continue;
    }
    if (MEDIA.has(node.tagName)) continue;
    const children = withoutMedia(node.children);
    const emptied = children.length < node.children.length && !VOID.has(node.tagName) && children.every((child) => child.type === 'text' && child.value.trim() === '');
    if (!emptied) kept.push({ ...node, children });
  }
  return kept;
}

/** Whether a node says anything in words. */
function hasText(node: RootContent | ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() !== '';
  return node.type === 'element' && node.children.some(hasText);
}

/** Store the excerpt tree on `file.data.excerpt` and drop the marker from the body. */
export default function rehypeExcerpt() {
  return (tree: Root, file: VFile): void => {
    const markerIndex = tree.children.findIndex(isMarker);
    if (markerIndex !== -1) {
      file.data.excerpt = { type: 'root', children: withoutMedia(cloneTree(tree.children.slice(0, markerIndex))) };
      tree.children.splice(markerIndex, 1);
      return;
    }
    // The first paragraph that still says something once its media are gone: a post opening with a photo is summed up by its first words.
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      const [paragraph] = withoutMedia([node]);
      if (paragraph && hasText(paragraph)) {
        file.data.excerpt = { type: 'root', children: [cloneTree(paragraph)] };
        return;
      }
    }
    file.data.excerpt = { type: 'root', children: [] };
  };
}
