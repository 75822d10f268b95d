/**
 * KaTeX's output reduced to its MathML, for places without KaTeX's stylesheet. Apart from math.ts
 * because the feeds use it on the main thread, which does not load KaTeX or the markdown chain.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { walk } from '../shared/walk.ts';

/**
 * Keep only KaTeX's MathML (`.katex-mathml`), for places without the KaTeX stylesheet (excerpts,
 * feeds); `plain` also drops the TeX annotation, so text taken from the tree reads "x2", not "x2x^2".
 */
export function mathmlOnly(tree: Root, plain = false): void {
  const dropped = (child: ElementContent) => child.type === 'element' && (classesOf(child).includes('katex-html') || (plain && child.tagName === 'annotation'));
  walk<Element>(tree, 'element', (node) => {
    if (node.children.some(dropped)) node.children = node.children.filter((child) => !dropped(child));
  });
}

/** `mathmlOnly` on an HTML body: feeds carry math as MathML, which readers draw without KaTeX's stylesheet. */
export function mathmlOnlyHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  mathmlOnly(tree);
  return toHtml(tree);
}

/** The classes of an element, as strings. */
export function classesOf(node: Element): string[] {
  const className = node.properties.className;
  return Array.isArray(className) ? className.map(String) : [];
}
