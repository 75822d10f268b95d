/**
 * remark plugin: close raw-text elements (`<iframe>`, `<textarea>`, ...) that an HTML block opens
 * and leaves open. Their content is raw text to an HTML parser, so one unclosed `<iframe>`
 * (as in the 2014 seed post) would turn every paragraph after it into text inside the frame.
 */
import type { Html, Root } from 'mdast';
import { walk } from '../shared/walk.ts';

const RAW_TEXT = ['iframe', 'textarea', 'title', 'style', 'script', 'xmp', 'noembed', 'noframes', 'noscript'];
const OPEN = new RegExp(`<(${RAW_TEXT.join('|')})(?=[\\s/>])[^>]*>`, 'gi');

/** Append the missing end tags to the HTML node that opened them. */
export default function remarkCloseRawText() {
  return (tree: Root): void => {
    walk<Html>(tree, 'html', (node) => {
      const missing: string[] = [];
      for (const match of node.value.matchAll(OPEN)) {
        const name = match[1]!.toLowerCase();
        const rest = node.value.slice(match.index + match[0].length);
        if (!new RegExp(`</${name}\\s*>`, 'i').test(rest) && !match[0].endsWith('/>')) missing.push(name);
      }
      if (missing.length > 0) node.value += missing.reverse().map((name) => `</${name}>`).join('');
    });
  };
}
