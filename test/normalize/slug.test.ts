import { describe, expect, it } from 'vitest';
import { postSlug, slugify, tagKey } from '../../src/content/normalize/slug.ts';

describe('slugify', () => {
  describe('valid: already slug-like or plain words', () => {
    it.each([
      ['open-source', 'open-source'],
      ['Open Source', 'open-source'],
      ['FOSDEM 2025', 'fosdem-2025'],
      ['日本語', '日本語'],
      ['Ünïcödé Straße', 'ünïcödé-straße'],
      ['Привет мир', 'привет-мир'],
    ])('%j → %j', (input, expected) => {
      expect(slugify(input)).toBe(expected);
    });
  });

  describe('convertible: punctuation, separators and odd forms are cleaned', () => {
    it.each([
      ['C++ & Rust', 'c-rust'],
      ['  --Hello--World--  ', 'hello-world'],
      ['a/b', 'a-b'],
      ['a\\b', 'a-b'],
      ['a\u0000b\u0007c', 'abc'],
      ['What is new in v2.0?', 'what-is-new-in-v20'],
      // NFD input gives the same slug as NFC input.
      ['Cafe\u0301', 'café'],
    ])('%j → %j', (input, expected) => {
      expect(slugify(input)).toBe(expected);
    });
  });

  describe('fallbacks: never empty, never a path escape', () => {
    it('empty or blank input is "untitled"', () => {
      expect(slugify('')).toBe('untitled');
      expect(slugify('   ')).toBe('untitled');
    });

    it('pure punctuation gives a stable hash slug, different for different inputs', () => {
      expect(slugify('!!!')).toMatch(/^x-[0-9a-f]{8}$/);
      expect(slugify('!!!')).toBe(slugify('!!!'));
      expect(slugify('???')).not.toBe(slugify('!!!'));
    });

    it.each(['..', '../..', '../../etc/passwd', 'a/../b', '/', '\\', '\u0000', '.', 'a\u0085b'])('%j is one safe segment', (input) => {
      const result = slugify(input);
      expect(result).not.toBe('');
      expect(result).not.toMatch(/[/\\]|\.\.|\p{Cc}/u);
    });
  });
});

describe('postSlug', () => {
  describe('valid: dots between digits stay, as in Hugo and Jekyll URLs', () => {
    it.each([
      ['4.2.0', '4.2.0'],
      ['v2.0 release', 'v2.0-release'],
      ['What is new in v2.0?', 'what-is-new-in-v2.0'],
      ['3.14 pi', '3.14-pi'],
      ['fosdem-2025', 'fosdem-2025'],
    ])('%j → %j', (input, expected) => {
      expect(postSlug(input)).toBe(expected);
    });
  });

  describe('convertible: other dots go, as slugify drops them', () => {
    it.each([
      ['a.b', 'ab'],
      ['2.x', '2x'],
      ['1..2', '12'],
      ['Release 1.0.', 'release-1.0'],
      ['.5', '5'],
    ])('%j → %j', (input, expected) => {
      expect(postSlug(input)).toBe(expected);
    });
  });

  it('is slugify for text without a version dot', () => {
    for (const text of ['Open Source', '日本語', '!!!', '', '../..']) expect(postSlug(text)).toBe(slugify(text));
  });
});

describe('tagKey', () => {
  describe('valid: one key for every spelling of a tag', () => {
    it.each([
      ['Open Source', 'open-source'],
      ['open-source', 'open-source'],
      ['open  source', 'open-source'],
      ['OPEN_SOURCE', 'open-source'],
      ['open.source', 'open-source'],
      [' -Open - Source- ', 'open-source'],
      ['日本語', '日本語'],
    ])('%j → %j', (input, expected) => {
      expect(tagKey(input)).toBe(expected);
    });
  });

  describe('convertible: compatibility forms fold together', () => {
    it.each([
      ['Ｏｐｅｎ　Ｓｏｕｒｃｅ', 'open-source'],
      ['ﬁle', 'file'],
      ['C++', 'c++'],
    ])('%j → %j', (input, expected) => {
      expect(tagKey(input)).toBe(expected);
    });
  });

  it('separators alone give an empty key (the tag normaliser rejects it)', () => {
    expect(tagKey(' - _ . ')).toBe('');
  });
});
