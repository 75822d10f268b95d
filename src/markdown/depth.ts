/**
 * Tree depth guards, one after parsing (mdast) and one after raw HTML is re-parsed (hast): the
 * chain's later steps walk trees recursively, and a tree deeper than the stack (1,000 nested
 * `<div>`, nested links and emphasis the text screen let through) overflowed it with no place to
 * point at. Measured iteratively here, the first node past the limit is refused at its position.
 */
import type { Node } from 'unist';
import type { Point } from '../types.ts';
import { MAX_NESTING } from './limits.ts';
import { RenderRefusal } from './failures.ts';

/**
 * Deepest tree the chain renders. 100 nested list items are 200 levels of `ul` and `li`, with room
 * for the inline nesting inside them; 1,000 nested block quotes still rendered, 2,000 list levels did not.
 */
export const MAX_TREE_DEPTH = 4 * MAX_NESTING;

/** Where the first node deeper than MAX_TREE_DEPTH starts (its own place, else its nearest placed ancestor's), or undefined. */
export function tooDeep(tree: Node): Point | undefined {
  const stack: Array<[Node, number, Point]> = [[tree, 0, { line: 1, column: 1 }]];
  while (stack.length > 0) {
    const [node, depth, outer] = stack.pop()!;
    const start = node.position?.start;
    const place = start ? { line: start.line, column: start.column } : outer;
    if (depth > MAX_TREE_DEPTH) return place;
    const children = (node as { children?: Node[] }).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1, place]);
  }
  return undefined;
}

/** Refuse `tree` if it is deeper than MAX_TREE_DEPTH, at the place the limit is crossed. */
function guard(tree: Node): undefined {
  const place = tooDeep(tree);
  if (place) throw new RenderRefusal(`Elements nested more than ${MAX_TREE_DEPTH} levels deep: not rendered`, place, 'render-nesting');
  return undefined;
}

// Two plugins, not one used twice: unified keeps a plugin once, however often it is used.

/** remark plugin: the guard on the markdown tree, before the transforms walk it. */
export function remarkDepthGuard() {
  return guard;
}

/** rehype plugin: the guard on the HTML tree, once raw HTML is re-parsed into it. */
export function rehypeDepthGuard() {
  return guard;
}
