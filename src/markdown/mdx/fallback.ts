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
import { location } from 'vfile-location';
import { addMessage } from '../../messages.ts';
import { walk } from '../../shared/walk.ts';

/**
 * An opening, closing or self-closing tag of a component (a PascalCase name: capitals and digits,
 * then a lower-case letter). Written `[A-Z][A-Za-z\d]*[a-z]`, the name could be split in as many
 * ways as it had letters, each tried when no `>` followed: `<A` and 1 MB of letters took hours.
 */
const TAG = /<(\/?)([A-Z][A-Z\d]*[a-z][\w.]*)((?:\s(?:[^<>"'{]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?)>/g;

/** Clean component tags out of raw HTML and MDX comments out of text. */
export default function remarkMdxFallback() {
  return (tree: Root, file: VFile): void => {
    if (!file.data.mdxFallback) return;
    walk<Html>(tree, 'html', (node) => {
      // Made when the first tag is reported, once per node: splitting the text before each tag cost O(n) a tag.
      let lines: ReturnType<typeof location> | undefined;
      const value = node.value;
      node.value = value.replace(TAG, (tag, closing: string, name: string, attributes: string, offset: number) => {
        if (name === 'Link') return closing ? '</a>' : `<a${attributes.replace(/(^|\s)to=/, '$1href=')}>`;
        if (name === 'Image' || name === 'Img') return closing ? '' : `<img${attributes}>`;
        if (!closing) {
          const at = (lines ??= location(value)).toPoint(offset);
          const start = node.position?.start;
          const place = start && at && { line: start.line + at.line - 1, column: at.line === 1 ? start.column + offset : at.column };
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
      if (node.value.includes('{/*')) node.value = withoutComments(node.value);
    });
  };
}

/**
 * `text` without its MDX comments (`{/* … *\/}`). A search for the end from each opener, as
 * `/\{\/\*[\s\S]*?\*\/\}/g` did, is quadratic when the openers have none; an opener with
 * no end means no later one has an end either, so the search stops there.
 */
function withoutComments(text: string): string {
  let kept = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('{/*', at);
    const close = open === -1 ? -1 : text.indexOf('*/}', open + 3);
    if (close === -1) return kept + text.slice(at);
    kept += text.slice(at, open);
    at = close + 3;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The post looked like MDX but did not parse as MDX: it is read as Markdown, its JSX cleaned up. */
    mdxFallback: boolean;
  }
}
