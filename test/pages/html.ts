/** Small helpers to inspect rendered pages as parsed HTML (hast), not as strings. */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

/** A parsed page, with the HTML parse errors the parser reported. */
export interface ParsedPage {
  tree: Root;
  errors: string[];
}

export function parse(html: string): ParsedPage {
  const errors: string[] = [];
  const tree = fromHtml(html, {
    onerror: (error) => {
      errors.push(`${error.ruleId}: ${error.reason}`);
    },
  });
  return { tree, errors };
}

/** Every element matching `test`, in document order. */
export function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (test(el)) found.push(el);
  });
  return found;
}

export const byTag = (name: string) => (el: Element) => el.tagName === name;

export function hasClass(el: Element, name: string): boolean {
  const value = el.properties.className;
  return Array.isArray(value) && value.includes(name);
}

export function prop(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

export function text(node: Root | Element): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** The one element matching `test`; fails when there is none or more than one. */
export function one(tree: Root | Element, test: (el: Element) => boolean, what = 'element'): Element {
  const found = all(tree, test);
  if (found.length !== 1) throw new Error(`Expected exactly one ${what}, found ${found.length}`);
  return found[0]!;
}

/** `<meta property|name=key content>` value. */
export function meta(tree: Root, key: string): string | undefined {
  const el = all(tree, (e) => e.tagName === 'meta' && (prop(e, 'property') === key || prop(e, 'name') === key))[0];
  return el ? prop(el, 'content') : undefined;
}

/** `<link rel=rel>` hrefs (rel matched as a token). */
export function links(tree: Root, rel: string): Element[] {
  return all(tree, (e) => e.tagName === 'link' && (prop(e, 'rel') ?? '').split(' ').includes(rel));
}
