/**
 * remark plugin: close raw-text elements (`<iframe>`, `<textarea>`, ...) that an HTML block opens
 * and leaves open. Their content is raw text to an HTML parser, so one unclosed `<iframe>`
 * (as in the 2014 seed post) would turn every paragraph after it into text inside the frame.
 */
import type { Html, Root } from 'mdast';
import { walk } from '../shared/walk.ts';
import { asciiLower, endTagAfter, forwardFinder } from '../shared/forward-finder.ts';

const RAW_TEXT = ['iframe', 'textarea', 'title', 'style', 'script', 'xmp', 'noembed', 'noframes', 'noscript'];
/** The start of an opening tag; where it ends (`>`) is found apart, see below. */
const OPENER = new RegExp(`<(${RAW_TEXT.join('|')})(?=[\\s/>])`, 'gi');

/**
 * Append the missing end tags to the HTML node that opened them. One forward pass over each node
 * (forward-finder.ts): a `>` or an end tag that is missing is looked for once, where the regex
 * `<iframe[^>]*>` and a search of the rest for `</iframe>` did it from every opener, quadratic
 * in an HTML block of 1 MB of `<script ` openers (~2 min).
 */
export default function remarkCloseRawText() {
  return (tree: Root): void => {
    walk<Html>(tree, 'html', (node) => {
      const missing: string[] = [];
      const lower = asciiLower(node.value);
      const find = forwardFinder(lower);
      let after = 0;
      for (const match of lower.matchAll(OPENER)) {
        // An opener inside the attributes of the one before is part of it.
        if (match.index < after) continue;
        const end = find('>', match.index + match[0].length);
        if (end === -1) break;
        after = end + 1;
        const name = match[1]!;
        if (lower[end - 1] !== '/' && endTagAfter(lower, name, after, find) === -1) missing.push(name);
      }
      if (missing.length > 0) node.value += missing.reverse().map((name) => `</${name}>`).join('');
    });
  };
}
