/**
 * rehype plugin: each table of a body in a box of its own that scrolls sideways
 * (`<div class="table-scroll" role="region" tabindex="0" aria-label="…">`), so a wide table
 * never widens the page on a phone. The box is focusable, so keyboard users can scroll it, and it
 * is a named region, as a focusable box must be: named by the table's caption, else by its column
 * headings (`Name, Size, Licence`), which say what the table is in the author's own language.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walk } from '../shared/walk.ts';

/** Class of the scrolling box; static/style.css draws the shadows at its scrollable edges. */
export const TABLE_SCROLL_CLASS = 'table-scroll';

/** The longest label: a table with many columns is named by the first few. */
const MAX_LABEL = 80;

/** Wrap every table not already in a scrolling box. Runs before the excerpt is cut, so excerpts show the same box. */
export default function rehypeTableScroll() {
  return (tree: Root): void => {
    walk<Element>(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || parent === undefined || index === undefined) return;
      if (isScrollBox(parent)) return 'skip';
      const box: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: [TABLE_SCROLL_CLASS], role: 'region', tabIndex: 0, ariaLabel: labelOf(node) },
        children: [node],
      };
      (parent.children as ElementContent[])[index] = box;
      return 'skip';
    });
  };
}

function isScrollBox(node: unknown): boolean {
  const element = node as Partial<Element>;
  const classes = element.type === 'element' ? element.properties?.className : undefined;
  return Array.isArray(classes) && classes.includes(TABLE_SCROLL_CLASS);
}

/** The caption's text, else the header cells' texts joined, else the first row's; "Table" when all are empty. */
function labelOf(table: Element): string {
  const caption = childrenNamed(table, 'caption')[0];
  const captionText = caption ? clean(toString(caption)) : '';
  if (captionText) return cut(captionText);
  const rows = [...childrenNamed(table, 'tr'), ...['thead', 'tbody'].flatMap((section) => childrenNamed(table, section).flatMap((part) => childrenNamed(part, 'tr')))];
  const headers = rows.flatMap((row) => childrenNamed(row, 'th'));
  const cells = headers.length > 0 ? headers : rows[0] ? childrenNamed(rows[0], 'td') : [];
  return cut(cells.map((cell) => clean(toString(cell))).filter(Boolean).join(', ')) || 'Table';
}

function childrenNamed(node: Element, tagName: string): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).replace(/[\s,]+\S*$/, '')}…`;
}
