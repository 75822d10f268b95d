/** Parse built HTML and look things up in it, instead of matching strings. */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Parse a whole document. */
export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** Every element matching `test`, in document order. */
export function findAll(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** Elements by tag name. */
export function byTag(tree: Root, tagName: string): Element[] {
  return findAll(tree, (element) => element.tagName === tagName);
}

/** The `content` of `<meta property|name=key>`. */
export function meta(tree: Root, key: string): string | undefined {
  const element = findAll(tree, (node) => node.tagName === 'meta' && (node.properties.property === key || node.properties.name === key))[0];
  return element ? String(element.properties.content) : undefined;
}

/** The href of `<link rel=rel>`. */
export function linkHref(tree: Root, rel: string): string | undefined {
  const element = findAll(tree, (node) => node.tagName === 'link' && Array.isArray(node.properties.rel) && node.properties.rel.includes(rel))[0];
  return element ? String(element.properties.href) : undefined;
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLd(tree: Root): Array<Record<string, unknown>> {
  return findAll(tree, (node) => node.tagName === 'script' && node.properties.type === 'application/ld+json').map(
    (node) => JSON.parse(toString(node)) as Record<string, unknown>,
  );
}

/** Text of an element. */
export const text = toString;
