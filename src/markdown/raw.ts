/**
 * rehype plugin: rehype-raw, but only for trees that need it. rehype-raw re-parses the whole tree
 * through parse5 (a quarter of a post's rendering time), while most trees come back unchanged:
 * only raw HTML, and structures an HTML parser rebuilds, come back different.
 */
import type { Comment, Element, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/**
 * A raw node that is one comment and nothing else, which parse5 reads back as exactly the text
 * between `<!--` and `-->`: no `--` inside (so no early `-->`, `--!>` or nested `<!--`), no
 * abrupt `<!-->` / `<!--->`, and no CR or NUL (parse5 rewrites those).
 */
const COMMENT = /^<!--(?!-?>)((?:(?!--)[^\r\0])*)-->$/;

/** The only boolean properties mdast-util-to-hast sets on HTML boolean attributes (task list checkboxes). */
const BOOLEAN_ATTRIBUTES = new Set(['checked', 'disabled']);

/** A lone-comment raw node: where it is and what parse5 would make of it. */
interface Found {
  parent: Root | Element;
  index: number;
  value: string;
}

/**
 * Run rehype-raw unless the tree survives it unchanged: every raw node is a lone comment (which
 * becomes a comment node, as parse5 would make it) and nothing in the tree is rebuilt by parse5.
 * The rebuilt things, found by rendering posts both ways: a `true` property on an attribute that
 * is not boolean in HTML (footnotes' `data-footnote-ref` comes back as `=""`), and a link inside a
 * link (an autolink or footnote call in link text: parse5 closes the outer link first).
 * Everything else mdast-util-to-hast makes is well-nested HTML that parse5 keeps as it is.
 */
export default function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    const comments: Found[] = [];
    if (!survives(tree, false, comments)) return raw(tree, file);
    for (const { parent, index, value } of comments) {
      const node = parent.children[index]!;
      parent.children[index] = { type: 'comment', value, position: node.position } satisfies Comment;
    }
    return tree;
  };
}

function survives(parent: Root | Element, inLink: boolean, comments: Found[]): boolean {
  for (const [index, node] of parent.children.entries()) {
    if (node.type === 'raw') {
      const match = COMMENT.exec(node.value);
      if (!match) return false;
      comments.push({ parent, index, value: match[1]! });
    } else if (node.type === 'element') {
      if (node.tagName === 'a' && inLink) return false;
      if (!plainProperties(node)) return false;
      if (!survives(node, inLink || node.tagName === 'a', comments)) return false;
    } else if (!isPlain(node)) {
      return false;
    }
  }
  return true;
}

function plainProperties(node: Element): boolean {
  for (const [name, value] of Object.entries(node.properties)) {
    if (value === true && !BOOLEAN_ATTRIBUTES.has(name)) return false;
  }
  return true;
}

/** Text (parse5 drops NULs in it) and comments pass through parse5 as they are; a doctype is left to rehype-raw. */
function isPlain(node: RootContent): boolean {
  return node.type === 'text' ? !node.value.includes('\0') : node.type === 'comment';
}
