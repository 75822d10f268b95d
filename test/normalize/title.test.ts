import { describe, expect, it } from 'vitest';
import { humanizeFileName, normalizeTitle } from '../../src/content/normalize/title.ts';
import { makeContext } from './context.ts';

describe('normalizeTitle', () => {
  describe('valid', () => {
    it.each([
      [{ title: 'Fosdem 2020' }, 'Fosdem 2020'],
      [{ title: 'Looking back at FOSDEM 2026' }, 'Looking back at FOSDEM 2026'],
      [{ title: '日本語のタイトル' }, '日本語のタイトル'],
      [{ seo: { title: 'From the SEO block' } }, 'From the SEO block'],
      [{ title: 'Top level wins', seo: { title: 'SEO title' } }, 'Top level wins'],
      [{ title: 'I ❤️ Rust' }, 'I ❤️ Rust'],
    ])('%j → %j', (data, expected) => {
      const ctx = makeContext();
      expect(normalizeTitle(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each([
      // The seed: a U+FE0F after a space is stray; the one after ❤ is part of the emoji.
      [{ title: 'FOSDEM 2025 \uFE0F❤\uFE0F' }, 'FOSDEM 2025 ❤\uFE0F'],
      [{ title: '\uFE0FLeading selector' }, 'Leading selector'],
      [{ title: 'Doubled ❤\uFE0F\uFE0F' }, 'Doubled ❤\uFE0F'],
      [{ title: 'Text style ☺\uFE0E' }, 'Text style ☺\uFE0E'],
      [{ title: '  padded\t' }, 'padded'],
      [{ title: 'two\n lines' }, 'two lines'],
      [{ title: 'Cafe\u0301' }, 'Café'],
      [{ title: 2025 }, '2025'],
      [{ title: 1.5 }, '1.5'],
      [{ title: '   ', seo: { title: 'SEO fallback' } }, 'SEO fallback'],
      [{ title: null, seo: { title: 'SEO fallback' } }, 'SEO fallback'],
    ])('%j → %j', (data, expected) => {
      const ctx = makeContext();
      expect(normalizeTitle(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([]);
    });

    it.each([[{}], [{ title: '' }], [{ title: ' \uFE0F ' }], [{ title: null }], [{ seo: 'not a block' }]])('%j → absent', (data) => {
      const ctx = makeContext();
      expect(normalizeTitle(data, ctx)).toBeUndefined();
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('invalid, with the exact message', () => {
    it.each([
      [{ title: true }, undefined, 'Invalid title true: expected text', ['title']],
      [{ title: Number.POSITIVE_INFINITY }, undefined, 'Invalid title Infinity: expected text', ['title']],
      [{ title: ['a', 'b'] }, undefined, 'Invalid title ["a","b"]: expected text', ['title']],
      [{ title: { en: 'Hi' }, seo: { title: 'Kept' } }, 'Kept', 'Invalid title {"en":"Hi"}: expected text', ['title']],
      [{ title: 'Kept', seo: { title: false } }, 'Kept', 'Invalid title false: expected text', ['seo', 'title']],
    ])('%j', (data, expected, reason, path) => {
      const ctx = makeContext();
      expect(normalizeTitle(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([{ reason, path, severity: 'error', ruleId: 'invalid-title' }]);
    });
  });

  describe('control characters: removed, with a warning at the key', () => {
    it.each([
      [{ title: 'A\x00B\x1bC' }, 'ABC', 'Control characters U+0000, U+001B removed from the title "A\\u{0}B\\u{1B}C": HTML and feeds do not allow them', ['title']],
      [{ title: 'Del\x7f and C1\x9b' }, 'Del and C1', 'Control characters U+007F, U+009B removed from the title "Del\\u{7F} and C1\\u{9B}": HTML and feeds do not allow them', ['title']],
      [{ seo: { title: '\x1b[31mRed' } }, '[31mRed', 'Control character U+001B removed from the title "\\u{1B}[31mRed": HTML and feeds do not allow them', ['seo', 'title']],
    ])('%j', (data, expected, reason, path) => {
      const ctx = makeContext();
      expect(normalizeTitle(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([{ reason, path, severity: 'warning', ruleId: 'control-chars' }]);
    });
  });
});

describe('humanizeFileName', () => {
  it.each([
    ['2025-02-03-my_first-post.md', 'My first post'],
    ['hello-world.md', 'Hello world'],
    ['2025/fosdem-recap.markdown', 'Fosdem recap'],
    ['2025/2025-02-03-fosdem/index.md', 'Fosdem'],
    ['trip_to__brussels/index.md', 'Trip to brussels'],
    ['日本語.md', '日本語'],
    ['élan.md', 'Élan'],
    ['index.md', 'Index'],
    ['2025-02-03.md', '2025 02 03'],
  ])('%j → %j', (relPath, expected) => {
    expect(humanizeFileName(relPath)).toBe(expected);
  });
});
