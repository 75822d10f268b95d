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
import { foreignIds, type HeadingText } from './foreign-ids.ts';
import { fragmentFacts } from './fragments.ts';
import { textFacts } from './text/facts.ts';

const MARKERS = new Set(['truncate', 'more']);

const HEADING = /^h[1-6]$/;

/** Store the body's URLs, images, ids, excerpt marker and word count, and the text rules' findings, on `file.data.check`. */
export default function rehypeCheckFacts() {
  return (tree: Root, file: VFile): void => {
    const links = file.data.links;
    if (!links) return;
    const facts: CheckFacts = { urls: [], images: [], ids: new Set(), foreignIds: [], fragments: [], marker: false, words: 0, links, ...textFacts(file) };
    const headings: HeadingText[] = [];
    walk<Element>(tree, 'element', (node) => {
      const { properties } = node;
      if (typeof properties.id === 'string') facts.ids.add(properties.id);
      if (HEADING.test(node.tagName) && typeof properties.id === 'string') headings.push({ id: properties.id, text: headingText(node).trim() });
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
    facts.foreignIds = foreignIds(headings);
    facts.fragments = fragmentFacts(facts, file);
    file.data.check = facts;
  };
}

/** A heading's text as generators slug it: without footnote calls (`Intro[^1]` is "Intro"). */
function headingText(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value;
      if (child.type !== 'element') return '';
      return child.tagName === 'sup' && child.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined) ? '' : headingText(child);
    })
    .join('');
}
