/** cloneTree stands in for structuredClone on syntax trees: an equal copy sharing nothing with the original. */
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { cloneTree } from '../../src/markdown/clone.ts';

const tree: Root = {
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'p',
      properties: { className: ['a', 'b'], id: 'x', hidden: true, tabIndex: 0, title: undefined },
      children: [{ type: 'text', value: 'hi', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 3, offset: 2 } } }],
    },
    { type: 'comment', value: ' more ' },
  ],
};

describe('cloneTree', () => {
  it('copies what structuredClone copies', () => {
    expect(cloneTree(tree)).toStrictEqual(structuredClone(tree));
  });

  it('shares no object with the original', () => {
    const copy = cloneTree(tree);
    const paragraph = copy.children[0] as Extract<Root['children'][number], { type: 'element' }>;
    (paragraph.properties.className as string[]).push('c');
    paragraph.children.length = 0;
    expect(tree.children[0]).toMatchObject({ properties: { className: ['a', 'b'] }, children: [{ value: 'hi' }] });
  });
});
