/**
 * `walk` stands in for unist-util-visit in the plugins: on the trees of the seed posts and the
 * markdown fixtures (mdast and hast) it must visit the same nodes, with the same index and
 * parent, in the same order, and honour 'skip' and replacement the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/shared/walk.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const sources = [
  ...readdirSync(path.join(ROOT, 'content/posts')).filter((name) => name.endsWith('.md')).map((name) => path.join(ROOT, 'content/posts', name)),
  ...readdirSync(path.join(ROOT, 'test/fixtures/markdown')).map((name) => {
    const input = path.join(ROOT, 'test/fixtures/markdown', name, 'input.md');
    return existsSync(input) ? input : `${input}x`;
  }),
];

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

function trees(file: string): { mdast: Node; hast: HastRoot } {
  const mdast = parser.parse(readFileSync(file, 'utf8'));
  return { mdast, hast: toHast.runSync(structuredClone(mdast)) as HastRoot };
}

/** Each visit as the node itself, its index and its parent: identity, not equality. */
type Seen = Array<[Node, number | undefined, Parent | undefined]>;

describe('walk visits as unist-util-visit does', () => {
  it.each(sources.map((file) => [path.relative(ROOT, file), file]))('%s', (_, file) => {
    const { mdast, hast } = trees(file);
    for (const [tree, type] of [[mdast, 'html'], [mdast, 'text'], [hast, 'element'], [hast, 'text']] as const) {
      const expected: Seen = [];
      visit(tree, type, (node, index, parent) => void expected.push([node, index, parent]));
      const actual: Seen = [];
      walk(tree, type, (node, index, parent) => void actual.push([node, index, parent]));
      expect(actual.length).toBe(expected.length);
      actual.forEach((entry, i) => entry.forEach((part, j) => expect(part).toBe(expected[i]![j])));
    }
    expect(sources.length).toBeGreaterThan(10);
  });

  it("'skip' leaves a node's children alone, and a replaced node is not entered", () => {
    const tree = (): HastRoot => trees(path.join(ROOT, 'test/fixtures/markdown/code-blocks/input.md')).hast;
    const run = (walker: typeof walk | typeof visit) => {
      const root = tree();
      const names: string[] = [];
      (walker as typeof walk)<Element>(root, 'element', (node, index, parent) => {
        names.push(node.tagName);
        if (node.tagName === 'pre' && parent && index !== undefined) {
          parent.children[index] = { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'element', tagName: 'span', properties: {}, children: [] }] } as Element;
          return 'skip';
        }
        if (node.tagName === 'p') return 'skip';
      });
      return { names, root };
    };
    const mine = run(walk);
    const theirs = run(visit as unknown as typeof walk);
    expect(mine.names).toContain('pre');
    expect(mine.names).not.toContain('code');
    expect(mine.names).toEqual(theirs.names);
    expect(mine.root).toEqual(theirs.root);
  });

  it('reads children after the visitor ran: nodes it adds are visited', () => {
    const root: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'div', properties: {}, children: [] }] };
    const names: string[] = [];
    walk<Element>(root, 'element', (node) => {
      names.push(node.tagName);
      if (node.tagName === 'div') node.children.push({ type: 'element', tagName: 'em', properties: {}, children: [] });
    });
    expect(names).toEqual(['div', 'em']);
  });
});
