/** The memo of highlighted blocks must give what highlighting the block afresh gives, and never another block's tree. */
import { toHtml } from 'hast-util-to-html';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearHighlightMemo, highlightShared } from '../../src/markdown/shiki-memo.ts';
import { highlight } from '../../src/markdown/shiki.ts';

const CODE = 'const answer: number = 42;\nconsole.log(answer);';

describe('the highlight memo', () => {
  beforeEach(clearHighlightMemo);

  it('gives the same HTML as highlighting afresh, the first time and from the memo', () => {
    const fresh = toHtml(highlight(CODE, 'ts'));
    expect(toHtml(highlightShared(CODE, 'ts'))).toBe(fresh);
    expect(toHtml(highlightShared(CODE, 'ts'))).toBe(fresh);
  });

  it('keys blocks by language: the same code in another language is highlighted as that language', () => {
    const asTs = toHtml(highlightShared(CODE, 'ts'));
    const asPython = toHtml(highlightShared(CODE, 'python'));
    const plain = toHtml(highlightShared(CODE, undefined));
    expect(asPython).toBe(toHtml(highlight(CODE, 'python')));
    expect(plain).toBe(toHtml(highlight(CODE, undefined)));
    expect(new Set([asTs, asPython, plain]).size).toBe(3);
  });

  it('keys blocks by code', () => {
    highlightShared(CODE, 'ts');
    const other = 'let other = "x";';
    expect(toHtml(highlightShared(other, 'ts'))).toBe(toHtml(highlight(other, 'ts')));
  });

  it('shares one entry between a language’s names, whose blocks highlight the same', () => {
    expect(toHtml(highlightShared(CODE, 'typescript'))).toBe(toHtml(highlight(CODE, 'ts')));
    expect(toHtml(highlightShared(CODE, 'TS'))).toBe(toHtml(highlight(CODE, 'typescript')));
  });

  it('hands out a tree of its own each time: changing one leaves the next call’s as it was', () => {
    const first = highlightShared(CODE, 'ts');
    const expected = toHtml(highlight(CODE, 'ts'));
    first.children.length = 0;
    expect(toHtml(highlightShared(CODE, 'ts'))).toBe(expected);
  });
});
