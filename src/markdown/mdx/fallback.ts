/**
 * remark plugin for a post that looked like MDX but is not valid MDX, and so is read as Markdown
 * (see parse.ts): its JSX arrives as raw HTML, which a browser's parser would get wrong (`<Link>` is
 * `<link>`, a void element that drops its text). Component tags (PascalCase: all-capital `<BR>` is
 * old HTML) leave the HTML, `Link` becoming `<a href>` and `Image` `<img>`, the others reported;
 * `{/* comments *\/}` leave the text.
 * Does nothing unless `file.data.mdxFallback` is set.
 */
import type { Html, Paragraph, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { addMessage } from '../../messages.ts';
import { walk } from '../../shared/walk.ts';

/** An opening, closing or self-closing tag of a component (a PascalCase name). */
const TAG = /<(\/?)([A-Z][A-Za-z\d]*[a-z][\w.]*)((?:\s(?:[^<>"'{]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?)>/g;

/** An MDX comment. */
const COMMENT = /\{\/\*([\s\S]*?)\*\/\}/g;

/** Clean component tags out of raw HTML and MDX comments out of text. */
export default function remarkMdxFallback() {
  return (tree: Root, file: VFile): void => {
    if (!file.data.mdxFallback) return;
    walk<Html>(tree, 'html', (node) => {
      node.value = node.value.replace(TAG, (tag, closing: string, name: string, attributes: string, offset: number) => {
        if (name === 'Link') return closing ? '</a>' : `<a${attributes.replace(/(^|\s)to=/, '$1href=')}>`;
        if (name === 'Image' || name === 'Img') return closing ? '' : `<img${attributes}>`;
        if (!closing) {
          const before = node.value.slice(0, offset).split('\n');
          const start = node.position?.start;
          const place = start && { line: start.line + before.length - 1, column: before.length === 1 ? start.column + offset : before.at(-1)!.length + 1 };
          addMessage(file, `<${name}> is not an HTML element: its tags are left out, its content kept`, { place, ruleId: 'unknown-component', severity: 'warning' });
        }
        return '';
      });
    });
    walk<Paragraph>(tree, 'paragraph', (paragraph, index, parent) => {
      const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
      const marker = only?.type === 'text' ? /^\{\/\*\s*(truncate|more)\s*\*\/\}$/i.exec(only.value.trim()) : null;
      // `{/* truncate */}` alone is the excerpt marker, as `<!-- truncate -->` is.
      if (marker && parent && index !== undefined) parent.children[index] = { type: 'html', value: `<!-- ${marker[1]} -->`, position: paragraph.position } as never;
    });
    walk<Text>(tree, 'text', (node) => {
      if (node.value.includes('{/*')) node.value = node.value.replace(COMMENT, '');
    });
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The post looked like MDX but did not parse as MDX: it is read as Markdown, its JSX cleaned up. */
    mdxFallback: boolean;
  }
}
