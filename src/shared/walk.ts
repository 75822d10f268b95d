/**
 * Visit the nodes of one type in a unist tree, depth first in document order, as `visit` from
 * unist-util-visit does — without its cost per node: it makes a closure for every node and names
 * it with `Object.defineProperty` (for stack traces). With six plugins walking every body, that
 * naming and the garbage it leaves were about a tenth of a worker's time in a cold build.
 * Semantics kept: the visitor may return 'skip' to leave a node's children alone (after replacing
 * `parent.children[index]`, say), and children are read after the visitor ran.
 */
import type { Node, Parent } from 'unist';

export type Visitor<T extends Node> = (node: T, index: number | undefined, parent: Parent | undefined) => void | 'skip';

export function walk<T extends Node>(tree: Node, type: T['type'], visitor: Visitor<T>): void {
  const step = (node: Node, index: number | undefined, parent: Parent | undefined): void => {
    if (node.type === type && visitor(node as T, index, parent) === 'skip') return;
    const children = (node as Partial<Parent>).children;
    if (children === undefined) return;
    for (let i = 0; i < children.length; i++) step(children[i]!, i, node as Parent);
  };
  step(tree, undefined, undefined);
}
