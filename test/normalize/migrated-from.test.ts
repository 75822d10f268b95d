/**
 * What a migrated blog's front matter means where generators disagree: the config's `migratedFrom`
 * (Jekyll's space-separated tags, Eleventy's collection tags, Docusaurus's blog URLs), and the
 * spellings every generator's posts are read with (Jekyll's `published: false`, Zola's
 * `[taxonomies]` and `YYYY-MM-DD_` file names, Astro's `heroImage`).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config.ts';
import { normalizeDates, parseDate } from '../../src/content/normalize/dates.ts';
import { fileDatePrefix, undatedStem } from '../../src/content/normalize/file-name.ts';
import { normalizeOtherKeys } from '../../src/content/normalize/other-keys.ts';
import { normalizePath } from '../../src/content/normalize/slug-path.ts';
import { normalizeTags } from '../../src/content/normalize/tags.ts';
import { isPostSource } from '../../src/shared/post-files.ts';
import type { MigratedFrom, PostDate } from '../../src/types.ts';
import { makeContext, makeRaw } from './context.ts';

const tagsOf = (data: Record<string, unknown>, migratedFrom?: MigratedFrom) => normalizeTags(data, makeContext({ config: { migratedFrom } })).map((tag) => tag.spelling);

describe('tags', () => {
  it.each<[string, Record<string, unknown>, MigratedFrom | undefined, string[]]>([
    ['a string is one tag, or a comma-separated list', { tags: 'open source' }, undefined, ['open source']],
    ['Jekyll splits a string on spaces', { tags: 'ruby testing', categories: 'books' }, 'jekyll', ['ruby', 'testing', 'books']],
    ['Jekyll with commas keeps the commas', { tags: 'open source, ruby' }, 'jekyll', ['open source', 'ruby']],
    ['Eleventy hides its collection tags', { tags: ['posts', 'garlic', 'all'] }, 'eleventy', ['garlic']],
    ['elsewhere `posts` is a tag like any other', { tags: ['posts', 'garlic'] }, undefined, ['posts', 'garlic']],
    ['Zola taxonomies', { taxonomies: { tags: ['rust'], categories: ['Software'] } }, 'zola', ['rust', 'Software']],
  ])('%s', (_name, data, from, tags) => {
    expect(tagsOf(data, from)).toEqual(tags);
  });
});

describe('Jekyll `published`', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{ published: false }, true],
    [{ published: true }, false],
    [{ published: false, draft: false }, false],
    [{}, false],
  ])('%j is a draft: %s', (data, draft) => {
    expect(normalizeOtherKeys(data, makeContext()).draft).toBe(draft);
  });

  it('is no date, and reports nothing', () => {
    const ctx = makeContext();
    const { published } = normalizeDates(makeRaw({ published: false }, { relPath: '2019-07-02-x.md' }), { published: false }, ctx);
    expect(published.iso.slice(0, 10)).toBe('2019-07-02');
    expect(ctx.messages).toEqual([]);
  });
});

it("reads Astro's heroImage as the post's image", () => {
  expect(normalizeOtherKeys({ heroImage: '/blog-placeholder-1.jpg' }, makeContext()).image).toBe('/blog-placeholder-1.jpg');
});

describe('file names', () => {
  it.each([
    ['2020-11-30_advent-prep.md', '2020-11-30', 'advent-prep'],
    ['2020-11-30-advent-prep.md', '2020-11-30', 'advent-prep'],
    ['advent_prep.md', undefined, 'advent_prep'],
  ])('%s: date %s, name %s', (file, date, name) => {
    expect(fileDatePrefix(file)).toBe(date);
    expect(undatedStem(file)).toBe(name);
  });

  it.each([
    ['_index.md', false],
    ['_index.markdown', false],
    ['index.md', true],
    ['_intro.md', true],
    ['post.mdx', true],
  ])("%s is a post: %s (Hugo's and Zola's section files are not)", (name, post) => {
    expect(isPostSource(name)).toBe(post);
  });
});

describe('Docusaurus blog URLs (`migratedFrom: docusaurus`)', () => {
  const PATTERN = '/blog/:year/:month/:day/:slug/';
  const path = (relPath: string, data: Record<string, unknown>, migratedFrom?: MigratedFrom) => {
    const ctx = makeContext({ config: { permalink: PATTERN, migratedFrom } });
    const date = parseDate('2019-05-28', 'UTC') as { date: PostDate };
    return normalizePath(makeRaw(data, { relPath }), data, ctx, date.date).path;
  };

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a dated file name: the date in the URL', '2019-05-28-first-post.md', {}, 'blog/2019/05/28/first-post/'],
    ['a dated folder', '2021-08-26-welcome/index.md', {}, 'blog/2019/05/28/welcome/'],
    ['no date in the name: none in the URL', 'release-notes.md', { date: '2019-05-28' }, 'blog/release-notes/'],
    ['`slug` is the path under the blog', '2019-05-28-first-post.md', { slug: 'first-blog-post' }, 'blog/first-blog-post/'],
  ])('%s', (_name, relPath, data, expected) => {
    expect(path(relPath, data, 'docusaurus')).toBe(expected);
  });

  it('without migratedFrom, the pattern is filled as written', () => {
    expect(path('release-notes.md', {}, undefined)).toBe('blog/2019/05/28/release-notes/');
  });
});

it('refuses an unknown generator', () => {
  expect(() => validateConfig({ migratedFrom: 'wordpress' }, 'test')).toThrow(
    new ConfigError('test: "migratedFrom" must be one of "hugo", "zola", "jekyll", "eleventy", "docusaurus", "astro", got "wordpress"'),
  );
});
