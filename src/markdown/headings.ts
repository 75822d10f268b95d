/**
 * rehype plugin: anchor links on the body's h2–h6 and the table of contents (h2 and h3).
 * Runs after the excerpt is cut, so excerpts (shown on other pages, where `#id` would point
 * nowhere), summaries and search snippets built from them never see the links.
 *
 * Each heading becomes
 * `<div class="heading"><h2 id="x">Text</h2><a class="heading-anchor" href="#x" aria-labelledby="x"></a></div>`:
 * the link follows the heading instead of sitting in it, so a screen reader reads the heading's own
 * text once, and the link is named by the heading (in the post's language) rather than by a symbol.
 * It has no text of its own (the theme's CSS draws the `#`), so feeds, reading time and Pagefind
 * get nothing from it.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { TocEntry } from './data.ts';

const HEADING = /^h([2-6])$/;

/** Where a heading must stay as it is: a block-level wrapper or a link is not allowed there. */
const KEEP_INSIDE = new Set(['a', 'button', 'label', 'summary', 'hgroup', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Add anchor links and store the h2/h3 outline on `file.data.toc`. */
export default function rehypeHeadings() {
  return (tree: Root, file: VFile): void => {
    const toc: TocEntry[] = [];
    walk(tree, toc);
    file.data.toc = toc;
  };
}

function walk(parent: Root | Element, toc: TocEntry[]): void {
  parent.children.forEach((node, index) => {
    if (node.type !== 'element') return;
    const depth = Number(HEADING.exec(node.tagName)?.[1] ?? 0);
    const id = node.properties.id;
    // An id with whitespace (hand-written HTML) cannot name the link through aria-labelledby.
    if (depth > 0 && typeof id === 'string' && id !== '' && !/\s/.test(id)) {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      if (text === '') return;
      if (depth <= 3) toc.push({ depth, id, text });
      parent.children[index] = anchored(node, id);
      return;
    }
    // The footnotes' own "Footnotes" heading is for screen readers only: no link, not in the outline.
    if (!KEEP_INSIDE.has(node.tagName) && node.properties.dataFootnotes === undefined) walk(node, toc);
  });
}

function anchored(heading: Element, id: string): Element {
  const link: Element = { type: 'element', tagName: 'a', properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabelledBy: [id] }, children: [] };
  return { type: 'element', tagName: 'div', properties: { className: ['heading'] }, children: [heading, link], position: heading.position };
}

/** The heading's text as a reader sees it, without footnote calls (`Intro[^1]` is "Intro", not "Intro1") or math twice. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  // Typeset math once, as its MathML reads ("x2"): not KaTeX's hidden drawing of it, nor its TeX annotation.
  if (node.tagName === 'annotation' || node.properties.ariaHidden === 'true') return '';
  if (node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined)) return '';
  return node.children.map(textOf).join('');
}
