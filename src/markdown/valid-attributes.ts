/**
 * rehype plugin: make the attributes of hand-written HTML valid, without changing what readers
 * see. Old posts carry `<iframe width="100%">` (a length where HTML wants a whole number of
 * pixels) and `src="//"` (a URL with no host). Browsers cope, but the page fails the HTML
 * checker. The check stage has already reported both (its facts are collected before this runs).
 */
import type { Element, Root } from 'hast';
import { walk } from '../shared/walk.ts';

/** Elements whose width/height attributes must be whole numbers of CSS pixels. */
const DIMENSIONED = new Set(['img', 'iframe', 'video', 'canvas', 'embed', 'object', 'source', 'input']);

/** Elements and the attribute that loads a resource: `src="//"` or `src=""` loads nothing. */
const SOURCES: Record<string, string> = { img: 'src', iframe: 'src', video: 'src', audio: 'src', source: 'src', embed: 'src', track: 'src', script: 'src' };

/**
 * Pixels, with or without `px`: `640`, `640px`, `640.5`; matched on the trimmed value. With
 * `\s*(?:px)?\s*$` two runs of white space could share the spaces of a value n² ways.
 */
const PIXELS = /^(\d+(?:\.\d+)?)\s*(?:px)?$/i;

/** A CSS length or percentage another attribute value can become: `100%`, `20em`. */
const CSS_LENGTH = /^\s*\d+(?:\.\d+)?(?:%|em|rem|vw|vh|ch)\s*$/i;

export default function rehypeValidAttributes() {
  return (tree: Root) => {
    walk<Element>(tree, 'element', (node) => {
      if (DIMENSIONED.has(node.tagName)) for (const name of ['width', 'height'] as const) fixDimension(node, name);
      const source = SOURCES[node.tagName];
      const value = source === undefined ? undefined : node.properties[source];
      if (typeof value === 'string' && (value.trim() === '' || value.trim() === '//')) delete node.properties[source!];
    });
  };
}

function fixDimension(node: Element, name: 'width' | 'height'): void {
  const value = node.properties[name];
  if (value === undefined || value === null) return;
  const text = String(value);
  if (/^\d+$/.test(text)) return;
  delete node.properties[name];
  const pixels = PIXELS.exec(text.trim());
  if (pixels) node.properties[name] = String(Math.round(Number(pixels[1])));
  // A length HTML can't say goes to CSS, where it means what the author meant.
  else if (CSS_LENGTH.test(text)) node.properties.style = `${name}:${text.trim()}${node.properties.style ? `;${String(node.properties.style)}` : ''}`;
}
