import { describe, expect, it } from 'vitest';
import { normalizeTags } from '../../src/content/normalize/tags.ts';
import type { TagRef } from '../../src/types.ts';
import { makeContext } from './context.ts';

const tag = (key: string, spelling: string): TagRef => ({ key, spelling });

describe('normalizeTags', () => {
  describe('valid', () => {
    it.each<[string, Record<string, unknown>, TagRef[]]>([
      ['tags: [list] (seed)', { tags: ['news', 'conferences'] }, [tag('news', 'news'), tag('conferences', 'conferences')]],
      ['tags: one string', { tags: 'news' }, [tag('news', 'news')]],
      ['categories: [list]', { categories: ['Rust'] }, [tag('rust', 'Rust')]],
      ['category: one string', { category: 'Community' }, [tag('community', 'Community')]],
      [
        'category: [{ value, label }] (seed, CMS style)',
        { category: [{ value: 'category-h2Ztx9rpD', label: 'Community' }] },
        [tag('community', 'Community')],
      ],
      ['non-Latin tags', { tags: ['日本語', 'Ελληνικά'] }, [tag('日本語', '日本語'), tag('ελληνικά', 'Ελληνικά')]],
      ['none', {}, []],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeTags(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each<[string, Record<string, unknown>, TagRef[]]>([
      ['comma-separated string', { tags: 'news, rust ,, go' }, [tag('news', 'news'), tag('rust', 'rust'), tag('go', 'go')]],
      ['trimmed, empty and null dropped', { tags: ['  news ', '', '   ', null] }, [tag('news', 'news')]],
      ['numbers become text', { tags: [2025, 1.5] }, [tag('2025', '2025'), tag('1-5', '1.5')]],
      [
        'one tag whatever the case and separators; first spelling kept',
        { tags: ['Open Source', 'open-source', 'open  source', 'OPEN_SOURCE'] },
        [tag('open-source', 'Open Source')],
      ],
      ['tags.yml aliases resolve to the id', { tags: ['OSS', 'foss', 'Events'] }, [tag('open-source', 'OSS'), tag('conferences', 'Events')]],
      ['aliases match separator-insensitively too', { tags: ['FREE_Software', 'open.source'] }, [tag('open-source', 'FREE_Software')]],
      [
        'tags, categories, category merged in that order, deduplicated',
        { category: 'c', categories: ['b', 'News'], tags: ['news'] },
        [tag('news', 'news'), tag('b', 'b'), tag('c', 'c')],
      ],
      [
        'objects: label, then name, then value',
        { tags: [{ name: 'N', value: 'v' }, { value: 'only-value' }, { label: '', name: 'Named' }] },
        [tag('n', 'N'), tag('only-value', 'only-value'), tag('named', 'Named')],
      ],
      ['a single object', { category: { value: 'x', label: 'Community' } }, [tag('community', 'Community')]],
      ['NFC spelling', { tags: ['Cafe\u0301'] }, [tag('café', 'Café')]],
      ['a list item is not split on commas', { tags: ['Hello, World'] }, [tag('hello,-world', 'Hello, World')]],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeTags(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('invalid, with the exact message (warnings; the tag is skipped)', () => {
    it.each<[string, Record<string, unknown>, TagRef[], string, (string | number)[]]>([
      ['a boolean item', { tags: ['news', true] }, [tag('news', 'news')], 'Invalid tag true: expected text, or an object with a label', ['tags', 1]],
      ['a nested list', { tags: [['a']] }, [], 'Invalid tag ["a"]: expected text, or an object with a label', ['tags', 0]],
      ['an object without a label', { category: [{ id: 3 }] }, [], 'Invalid tag {"id":3}: expected text, or an object with a label', ['category', 0]],
      ['a boolean value', { categories: false }, [], 'Invalid tag false: expected text, or an object with a label', ['categories']],
      ['only separators', { tags: ['news', '--'] }, [tag('news', 'news')], 'Invalid tag "--": a tag needs a letter or a digit', ['tags', 1]],
    ])('%s', (_name, data, expected, reason, path) => {
      const ctx = makeContext();
      expect(normalizeTags(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([{ reason, path, severity: 'warning', ruleId: 'invalid-tag' }]);
    });
  });
});
