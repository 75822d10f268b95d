/** remark plugin: when front matter has no title, the body's first `# heading` becomes it and leaves the body. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/** Take the first depth-1 heading as the title (only when `file.data.needsTitle`). */
export default function remarkTitleHeading() {
  return (tree: Root, file: VFile): void => {
    if (!file.data.needsTitle) return;
    const index = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    if (index === -1) return;
    const title = toString(tree.children[index]).trim();
    if (title === '') return;
    file.data.headingTitle = title;
    tree.children.splice(index, 1);
  };
}
