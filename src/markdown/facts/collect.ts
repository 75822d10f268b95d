/**
 * rehype plugin: record on `file.data.check` what the check stage needs from a post's body,
 * with source positions. It runs inside the markdown stage because only there does the tree
 * exist with positions; the checks themselves wait until every page of the site is known.
 * Registered after the heading ids plugin (heading ids exist) and before the link plugin (URLs are still
 * as the author wrote them) and the excerpt plugin (the marker is still in the tree).
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walk } from '../../shared/walk.ts';
import type { VFile } from 'vfile';
import { URL_ATTRIBUTES } from '../links.ts';
import type { CheckFacts } from './facts.ts';
import { textFacts } from './text/facts.ts';

const MARKERS = new Set(['truncate', 'more']);

/** Store the body's URLs, images, ids, excerpt marker and word count, and the text rules' findings, on `file.data.check`. */
export default function rehypeCheckFacts() {
  return (tree: Root, file: VFile): void => {
    const links = file.data.links;
    if (!links) return;
    const facts: CheckFacts = { urls: [], images: [], ids: new Set(), marker: false, words: 0, links, ...textFacts(file) };
    walk<Element>(tree, 'element', (node) => {
      const { properties } = node;
      if (typeof properties.id === 'string') facts.ids.add(properties.id);
      // `<a name>` is the old way to make a fragment target, and browsers still honour it.
      if (node.tagName === 'a' && typeof properties.name === 'string') facts.ids.add(properties.name);
      for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
        const url = properties[attribute];
        if (typeof url === 'string') facts.urls.push({ tagName: node.tagName, attribute, url, place: node.position });
      }
      if (node.tagName === 'img') {
        const alt = properties.alt;
        facts.images.push({ src: String(properties.src ?? ''), alt: alt === undefined || alt === null ? undefined : String(alt), place: node.position });
      }
    });
    facts.marker = tree.children.some((node) => node.type === 'comment' && MARKERS.has(node.value.trim().toLowerCase()));
    facts.words = toString(tree).split(/\s+/).filter(Boolean).length;
    file.data.check = facts;
  };
}
