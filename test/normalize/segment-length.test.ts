/**
 * URL segments the site makes (a tag's page, an author's page, a slug from a file or folder name)
 * are held to the 200 bytes an explicit `slug` or `permalink` is: measured after slugging, which
 * may lengthen a name (`Ⱥ` is 2 bytes in UTF-8, lower case `ⱥ` 3). Too long is a positioned error
 * naming the value, where a long name used to pass `check` and fail `build` at a staging path.
 */
import { describe, expect, it } from 'vitest';
import { normalizeAuthors } from '../../src/content/normalize/authors.ts';
import { normalizePagePath } from '../../src/content/normalize/page-path.ts';
import { parseDate } from '../../src/content/normalize/dates.ts';
import { MAX_SEGMENT_BYTES } from '../../src/content/normalize/site-path.ts';
import { normalizePath } from '../../src/content/normalize/slug-path.ts';
import { normalizeTags } from '../../src/content/normalize/tags.ts';
import type { PostDate } from '../../src/types.ts';
import { makeContext, makeRaw } from './context.ts';

const PUBLISHED = parseDate('2024-01-01', 'UTC') as { date: PostDate };
/** 100 × `Ⱥ`: 200 bytes as written, 300 once slugging lower-cases it. */
const GROWS = 'Ⱥ'.repeat(100);
const bytes = (text: string) => Buffer.byteLength(text);

describe('tags', () => {
  it.each([
    ['200 ASCII characters', 'a'.repeat(200)],
    ['200 bytes of Japanese', '語'.repeat(66)],
  ])('keeps a tag of %s', (_name, text) => {
    const ctx = makeContext();
    expect(normalizeTags({ tags: [text] }, ctx).map((tag) => tag.spelling)).toEqual([text]);
    expect(ctx.messages).toEqual([]);
  });

  it.each([
    ['300 characters', 'x'.repeat(300), 300],
    ['a name that lower case lengthens', GROWS, 300],
  ])('leaves out a tag of %s, with an error at its item naming it', (_name, text, size) => {
    const ctx = makeContext();
    expect(normalizeTags({ tags: ['news', text] }, ctx).map((tag) => tag.key)).toEqual(['news']);
    expect(ctx.messages).toEqual([
      {
        reason: expect.stringMatching(new RegExp(`^Tag "${text.slice(0, 20)}[^"]*" makes the URL segment ".*" of ${size} bytes, over the 200 a segment may have: shorten the tag$`)),
        path: ['tags', 1],
        severity: 'error',
        ruleId: 'segment-too-long',
      },
    ]);
  });
});

describe('authors', () => {
  it('leaves out an author whose page name is too long, with an error at the item', () => {
    const ctx = makeContext();
    const authors = normalizeAuthors({ authors: ['Ana Lima', `Dr. ${'Long'.repeat(60)}`] }, ctx);
    expect(authors.map((author) => author.id)).toEqual(['ana-lima']);
    expect(ctx.messages).toEqual([
      { reason: expect.stringMatching(/^Author "Dr\. LongLong.*…" makes the URL segment "dr-longlong.*…" of 243 bytes, over the 200 a segment may have/), path: ['authors', 1], severity: 'error', ruleId: 'segment-too-long' },
    ]);
  });
});

describe('slugs from file names', () => {
  it('measures the slug after lower case, not the name as written', () => {
    const ctx = makeContext();
    const result = normalizePath(makeRaw({}, { relPath: `${GROWS}.md` }), {}, ctx, PUBLISHED.date);
    expect(ctx.messages).toEqual([
      { reason: expect.stringMatching(/^The file name makes the URL segment "ⱥ{100}" of 300 bytes, over the 200 a segment may have: rename it or set a shorter slug$/), severity: 'error', ruleId: 'segment-too-long' },
    ]);
    // The run fails; `check` and the dev server go on with a name the file system takes.
    expect(bytes(result.slug)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
  });

  it('takes an explicit slug instead, with no error', () => {
    const ctx = makeContext();
    expect(normalizePath(makeRaw({ slug: 'short' }, { relPath: `${GROWS}.md` }), { slug: 'short' }, ctx, PUBLISHED.date).path).toBe('posts/short/');
    expect(ctx.messages).toEqual([]);
  });

  it('offers no folder path from a folder name too long for one', () => {
    const ctx = makeContext();
    expect(normalizePath(makeRaw({}, { relPath: `${GROWS}/intro.md` }), {}, ctx, PUBLISHED.date)).toEqual({ slug: 'intro', path: 'posts/intro/' });
    expect(ctx.messages).toEqual([]);
  });

  it('measures a standalone page’s folders, which are part of its URL', () => {
    const ctx = makeContext();
    const page = normalizePagePath(makeRaw({}, { relPath: `${GROWS}/about.md` }), {}, ctx);
    expect(ctx.messages.map((message) => message.reason)).toEqual([expect.stringMatching(/^A folder name makes the URL segment "ⱥ{100}" of 300 bytes/)]);
    expect(page.path.split('/').every((segment) => bytes(segment) <= MAX_SEGMENT_BYTES)).toBe(true);
  });
});
