/**
 * Put the plain `<img>` back where a `<picture>` offered copies that could not be made: the HTML
 * was written (and maybe cached) before the media stage knew. Rare, so the body is parsed only then.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { walk } from '../shared/walk.ts';

/** `html` with every `<picture>` whose `<img>` shows `src` replaced by that `<img>`; the same string when there is none. */
export function unwrapPictures(html: string, src: string): string {
  if (!html.includes('<picture')) return html;
  const tree: Root = fromHtml(html, { fragment: true });
  let changed = false;
  walk<Element>(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'picture' || !parent || index === undefined) return;
    const img = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img');
    if (img?.properties.src !== src) return;
    parent.children[index] = img;
    changed = true;
    return 'skip';
  });
  return changed ? toHtml(tree) : html;
}
