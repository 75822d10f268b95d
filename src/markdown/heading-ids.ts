/**
 * rehype plugin: an id on every heading that has none, made from its text as rehype-slug makes it
 * (GitHub's slugs, numbered on repeats), with one difference: the explicit ids the author wrote
 * (`{#id}`, see heading-attributes.ts) are taken first, so a generated id never repeats one, even
 * when the explicit one comes later in the post.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { walk } from '../shared/walk.ts';

const HEADING = /^h[1-6]$/;
const slugger = new GithubSlugger();

/** Give headings without an id one from their text, around the post's explicit ids. */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile): void => {
    slugger.reset();
    for (const id of file.data.headingIds ?? []) slugger.occurrences[id] = 0;
    walk<Element>(tree, 'element', (node) => {
      if (HEADING.test(node.tagName) && !node.properties.id) node.properties.id = slugger.slug(toString(node));
    });
  };
}
