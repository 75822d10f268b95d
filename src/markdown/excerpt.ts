/** rehype plugin: cut the excerpt at `<!-- truncate -->` / `<!-- more -->`, else take the first paragraph. */
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { cloneTree } from './clone.ts';

const MARKERS = new Set(['truncate', 'more']);

function isMarker(node: RootContent): boolean {
  return node.type === 'comment' && MARKERS.has(node.value.trim().toLowerCase());
}

/** Store the excerpt tree on `file.data.excerpt` and drop the marker from the body. */
export default function rehypeExcerpt() {
  return (tree: Root, file: VFile): void => {
    const markerIndex = tree.children.findIndex(isMarker);
    if (markerIndex !== -1) {
      file.data.excerpt = { type: 'root', children: cloneTree(tree.children.slice(0, markerIndex)) };
      tree.children.splice(markerIndex, 1);
      return;
    }
    const paragraph = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
    file.data.excerpt = { type: 'root', children: paragraph ? [cloneTree(paragraph)] : [] };
  };
}
