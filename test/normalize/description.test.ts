import { describe, expect, it } from 'vitest';
import { cutAtWord, explicitDescription } from '../../src/content/normalize/description.ts';
import { makeContext } from './context.ts';

const SEO_TEXT =
  'In 2026, OpenInfra staff were on the ground across FOSDEM devrooms, policy sessions, Birds of a Feather discussions, and community events, but also several of the ancillary events — listening, contributing, and helping connect the dots across ecosystems.';

describe('explicitDescription', () => {
  describe('valid', () => {
    it.each<[string, Record<string, unknown>, string | undefined]>([
      ['description', { description: 'For the first time.' }, 'For the first time.'],
      ['seo.description (seed)', { seo: { description: SEO_TEXT } }, SEO_TEXT],
      ['shortDescription', { shortDescription: 'Short.' }, 'Short.'],
      ['summary', { summary: 'Sum.' }, 'Sum.'],
      ['description wins', { description: 'D', seo: { description: 'S' }, shortDescription: 'SD', summary: 'Su' }, 'D'],
      ['seo.description before shortDescription', { seo: { description: 'S' }, shortDescription: 'SD' }, 'S'],
      ['none', {}, undefined],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(explicitDescription(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each<[string, Record<string, unknown>, string | undefined]>([
      // The seed's `shortDescription:` is YAML null and must not hide the description.
      ['empty shortDescription (null) with description (seed)', { shortDescription: null, description: 'D' }, 'D'],
      ['empty shortDescription (null) falls through to summary', { shortDescription: null, summary: 'Su' }, 'Su'],
      ['blank description falls through', { description: '   ', summary: 'Su' }, 'Su'],
      ['folded YAML line breaks become spaces', { description: 'one\n  two\tthree ' }, 'one two three'],
      ['non-strings are ignored', { description: 42, seo: 'x', summary: ['a'] }, undefined],
      ['tab and line breaks are white space, not controls', { description: 'one\r\ntwo\tthree' }, 'one two three'],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(explicitDescription(data, ctx)).toBe(expected);
      expect(ctx.messages).toEqual([]);
    });
  });
});

describe('cutAtWord', () => {
  describe('valid: short text is unchanged', () => {
    it.each([
      ['Hello world', 160, 'Hello world'],
      ['exactly ten', 11, 'exactly ten'],
      ['', 160, ''],
    ])('%j (max %d)', (text, max, expected) => {
      expect(cutAtWord(text, max)).toBe(expected);
    });
  });

  describe('convertible: long text is cut at a word boundary, … included in max', () => {
    it.each([
      ['The quick brown fox jumps', 12, 'The quick…'],
      ['The quick brown fox jumps', 15, 'The quick…'],
      ['The quick brown fox jumps', 16, 'The quick brown…'],
      ['Hello, world and more', 13, 'Hello, world…'],
      ['Hello, world and more', 12, 'Hello…'],
      ['one two.  three four', 14, 'one two…'],
      ['Supercalifragilistic', 6, 'Super…'],
      // The cut may not split the emoji's surrogate pair.
      ['ab😀cd', 4, 'ab…'],
      ['😀😀😀😀', 4, '😀…'],
      ['日本語のテキストはスペースがありません', 8, '日本語の…'],
    ])('%j (max %d) → %j', (text, max, expected) => {
      const result = cutAtWord(text, max);
      expect(result).toBe(expected);
      expect(result.length).toBeLessThanOrEqual(max);
    });

    it('defaults to 160 characters', () => {
      const cut = cutAtWord(SEO_TEXT);
      expect(cut).toBe(
        'In 2026, OpenInfra staff were on the ground across FOSDEM devrooms, policy sessions, Birds of a Feather discussions, and community events, but also several of…',
      );
      expect(cut.length).toBeLessThanOrEqual(160);
    });
  });
});
