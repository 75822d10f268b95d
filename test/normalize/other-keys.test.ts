import { describe, expect, it } from 'vitest';
import { normalizeOtherKeys } from '../../src/content/normalize/other-keys.ts';
import { makeContext } from './context.ts';

describe('normalizeOtherKeys', () => {
  describe('valid', () => {
    it.each<[string, Record<string, unknown>, object]>([
      ['nothing', {}, { draft: false }],
      ['draft: true', { draft: true }, { draft: true }],
      ['draft: false', { draft: false }, { draft: false }],
      ['image', { image: '/img/card.png' }, { draft: false, image: '/img/card.png' }],
      ['canonical', { canonical: 'https://example.org/a' }, { draft: false, canonical: 'https://example.org/a' }],
      ['twitterUsername', { twitterUsername: '@me' }, { draft: false, twitterUsername: '@me' }],
      ['lang', { lang: 'de' }, { draft: false, lang: 'de' }],
      ['imageAlt', { imageAlt: 'A cat' }, { draft: false, imageAlt: 'A cat' }],
      ['toc: false', { toc: false }, { draft: false, showToc: false }],
      ['toc: true', { toc: true }, { draft: false, showToc: true }],
      [
        'the seed seo block',
        { seo: { url: 'https://openinfra.org/blog/openinfra-fosdem-2026', twitterUsername: '@openinfradev' } },
        { draft: false, canonical: 'https://openinfra.org/blog/openinfra-fosdem-2026', twitterUsername: '@openinfradev' },
      ],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeOtherKeys(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each<[string, Record<string, unknown>, object]>([
      ['draft: "true"', { draft: 'true' }, { draft: true }],
      ['draft: yes', { draft: 'yes' }, { draft: true }],
      ['draft: Yes', { draft: ' Yes ' }, { draft: true }],
      ['draft: "no"', { draft: 'no' }, { draft: false }],
      ['draft: null', { draft: null }, { draft: false }],
      ['image from seo.image', { seo: { image: '/seo.png' } }, { draft: false, image: '/seo.png' }],
      ['image from cover', { cover: '/cover.png' }, { draft: false, image: '/cover.png' }],
      ['image from cover.image', { cover: { image: '/cover.png' } }, { draft: false, image: '/cover.png' }],
      ['image from cover_image', { cover_image: '/c.png' }, { draft: false, image: '/c.png' }],
      ['image wins over the fallbacks', { image: '/a.png', cover: '/b.png' }, { draft: false, image: '/a.png' }],
      ['canonicalURL', { canonicalURL: 'http://example.org/a' }, { draft: false, canonical: 'http://example.org/a' }],
      ['seo.url wins', { seo: { url: 'https://a.example/' }, canonical: 'https://b.example/' }, { draft: false, canonical: 'https://a.example/' }],
      ['top-level twitterUsername wins', { twitterUsername: '@a', seo: { twitterUsername: '@b' } }, { draft: false, twitterUsername: '@a' }],
      ['blank strings are absent', { image: ' ', lang: '', twitterUsername: '  ' }, { draft: false }],
      ['image alt from image_alt', { image_alt: ' A cat ' }, { draft: false, imageAlt: 'A cat' }],
      ['image alt from image: { alt }', { image: { alt: 'A cat' } }, { draft: false, imageAlt: 'A cat' }],
      ['a blank imageAlt falls through', { imageAlt: ' ', image_alt: 'A cat' }, { draft: false, imageAlt: 'A cat' }],
      ['toc: "no" leaves the contents to the number of headings', { toc: 'no' }, { draft: false }],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeOtherKeys(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('invalid, with the exact message', () => {
    it.each<[Record<string, unknown>, object, string, (string | number)[], string]>([
      [{ draft: 'maybe' }, { draft: false }, 'Invalid draft "maybe": expected true or false; the post is published', ['draft'], 'invalid-draft'],
      [{ draft: [true] }, { draft: false }, 'Invalid draft [true]: expected true or false; the post is published', ['draft'], 'invalid-draft'],
      [
        { seo: { url: '/blog/post' } },
        { draft: false },
        'Invalid canonical URL "/blog/post": expected an absolute http(s) URL; it is ignored',
        ['seo', 'url'],
        'invalid-url',
      ],
      [
        { canonical: 'ftp://example.org/x' },
        { draft: false },
        'Invalid canonical URL "ftp://example.org/x": expected an absolute http(s) URL; it is ignored',
        ['canonical'],
        'invalid-url',
      ],
    ])('%j', (data, expected, reason, path, ruleId) => {
      const ctx = makeContext();
      expect(normalizeOtherKeys(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([{ reason, path, severity: 'warning', ruleId }]);
    });
  });
});
