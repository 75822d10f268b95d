import { describe, expect, it } from 'vitest';
import { AUTHOR_OBJECT_KEYS, FRONT_MATTER_KEYS, TAG_OBJECT_KEYS } from '../../src/content/keys.ts';
import { normalizePost } from '../../src/content/normalize/index.ts';
import type { KeyPath, Post } from '../../src/types.ts';
import { makeContext, makeRaw } from './context.ts';

/**
 * One meaning of front matter: the key paths that may hold it, spelled out here in order of
 * preference (so reordering the table in src/ fails this test), a valid value for the i-th path,
 * and how the normalised Post shows it. `merged` meanings take every path, in this order.
 */
interface Row {
  paths: KeyPath[];
  value: (i: number) => unknown;
  read: (post: Post) => unknown;
  shown?: (i: number) => unknown;
  merged?: boolean;
}

/** Every meaning of front matter, keyed as in src/content/keys.ts. */
const ROWS: Record<string, Row> = {
  title: { paths: [['title'], ['seo', 'title']], value: (i) => `Title ${i}`, read: (post) => post.title },
  published: { paths: [['date'], ['pubDate'], ['published']], value: (i) => `201${i}-05-06`, read: (post) => post.published.day },
  updated: { paths: [['updated'], ['lastmod'], ['modified']], value: (i) => `201${i}-07-08`, read: (post) => post.updated?.day },
  description: {
    paths: [['description'], ['seo', 'description'], ['shortDescription'], ['summary']],
    value: (i) => `Description ${i}`,
    read: (post) => post.description,
  },
  image: {
    paths: [['image'], ['seo', 'image'], ['cover'], ['cover', 'image'], ['cover_image'], ['heroImage']],
    value: (i) => `/image-${i}.png`,
    read: (post) => post.image,
  },
  imageAlt: { paths: [['imageAlt'], ['image_alt'], ['image', 'alt']], value: (i) => `Alt ${i}`, read: (post) => post.imageAlt },
  canonical: {
    paths: [['seo', 'url'], ['canonical'], ['canonicalURL']],
    value: (i) => `https://example.org/${i}`,
    read: (post) => post.canonical,
  },
  twitterUsername: { paths: [['twitterUsername'], ['seo', 'twitterUsername']], value: (i) => `@user${i}`, read: (post) => post.twitterUsername },
  lang: { paths: [['lang']], value: (i) => `l${i}`, read: (post) => post.lang },
  draft: { paths: [['draft']], value: () => true, read: (post) => post.draft },
  // Jekyll's `published: false` makes a draft (a date under `published` is a date: see `published`).
  publishedFlag: { paths: [['published']], value: () => false, read: (post) => post.draft, shown: () => true },
  toc: { paths: [['toc']], value: () => false, read: (post) => post.showToc },
  slug: { paths: [['slug']], value: (i) => `slug-${i}`, read: (post) => post.slug },
  permalink: { paths: [['permalink'], ['url'], ['path']], value: (i) => `/custom-${i}/`, read: (post) => post.path, shown: (i) => `custom-${i}/` },
  aliases: {
    paths: [['aliases'], ['redirect_from']],
    value: (i) => `/old-${i}/`,
    read: (post) => post.aliases?.map((alias) => alias.path),
    shown: (i) => `old-${i}/`,
    merged: true,
  },
  tags: {
    paths: [['tags'], ['categories'], ['category'], ['taxonomies', 'tags'], ['taxonomies', 'categories']],
    value: (i) => `tag${i}`,
    read: (post) => post.tags.map((tag) => tag.spelling),
    merged: true,
  },
  authors: {
    paths: [['authors'], ['author']],
    value: (i) => `Author ${i}`,
    read: (post) => post.authors.map((author) => author.name),
    merged: true,
  },
};

/** Keys inside an author object (`author: { name, url }`), in order of preference, and a valid value. */
const AUTHOR_FIELDS: Record<string, { keys: string[]; value: (i: number) => string }> = {
  name: { keys: ['name', 'title', 'label'], value: (i) => `Person ${i}` },
  url: { keys: ['url', 'link', 'website'], value: (i) => `https://example.org/${i}` },
  email: { keys: ['email'], value: (i) => `p${i}@example.org` },
  avatar: { keys: ['avatar', 'image_url', 'imageURL'], value: (i) => `/avatar-${i}.png` },
};

/** Keys a tag object (CMS exports) holds its text under, in order of preference. */
const TAG_LABEL_KEYS = ['label', 'name', 'value'];

/** `data` with `value` at `path`, making the objects on the way. */
function setAt(data: Record<string, unknown>, path: KeyPath, value: unknown): void {
  let current = data;
  for (const key of path.slice(0, -1)) current = (current[key] ??= {}) as Record<string, unknown>;
  current[path.at(-1)!] = value;
}

/** Two paths that can't both be written: one is inside the other (`cover` and `cover.image`). */
function overlap(a: KeyPath, b: KeyPath): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((key, i) => key === b[i]);
}

/** Normalise a post with this front matter; its file name gives it a date, so no message is expected. */
function normalize(data: Record<string, unknown>): Post {
  const ctx = makeContext();
  const post = normalizePost(makeRaw(data, { relPath: '2001-02-03-post.md' }), ctx);
  expect(ctx.messages).toEqual([]);
  return post;
}

/** Front matter with the row's value at each of `indexes`. */
function dataFor(row: Row, indexes: number[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const i of indexes) setAt(data, row.paths[i]!, row.value(i));
  return data;
}

describe('the key table', () => {
  it('lists exactly the meanings and keys this test holds the normalisers to, in the same order', () => {
    expect(FRONT_MATTER_KEYS).toEqual(Object.fromEntries(Object.entries(ROWS).map(([meaning, row]) => [meaning, row.paths])));
    expect(AUTHOR_OBJECT_KEYS).toEqual(Object.fromEntries(Object.entries(AUTHOR_FIELDS).map(([field, { keys }]) => [field, keys])));
    expect(TAG_OBJECT_KEYS).toEqual(TAG_LABEL_KEYS);
  });

  it('cannot be changed through a path a message carries', () => {
    const path = FRONT_MATTER_KEYS.tags[0] as unknown as string[];
    expect(() => path.push('x')).toThrow(TypeError);
    expect(() => (FRONT_MATTER_KEYS.tags as unknown as KeyPath[]).reverse()).toThrow(TypeError);
    expect(FRONT_MATTER_KEYS.tags).toEqual(ROWS.tags!.paths);
  });
});

describe('front matter keys', () => {
  const shown = (row: Row, i: number): unknown => (row.shown ?? row.value)(i);

  describe.each(Object.entries(ROWS))('%s', (_meaning, row) => {
    it.each(row.paths.map((path, i) => [path.join('.'), i] as const))('is read from %s', (_name, i) => {
      const post = normalize(dataFor(row, [i]));
      expect(row.read(post)).toEqual(row.merged ? [shown(row, i)] : shown(row, i));
    });

    const pairs = row.paths.flatMap((a, i) => row.paths.flatMap((b, j) => (i < j && !overlap(a, b) ? [[a.join('.'), b.join('.'), i, j] as const] : [])));
    if (pairs.length === 0) return;
    it.each(pairs)(row.merged ? '%s comes before %s' : '%s wins over %s', (_a, _b, i, j) => {
      const post = normalize(dataFor(row, [j, i]));
      expect(row.read(post)).toEqual(row.merged ? [shown(row, i), shown(row, j)] : shown(row, i));
    });
  });

  describe.each(Object.entries(AUTHOR_FIELDS))('author object %s', (field, { keys, value }) => {
    const base = field === 'name' ? {} : { name: 'Someone' };
    it.each(keys.map((key, i) => [key, i] as const))('is read from %s', (key, i) => {
      const [author] = normalize({ author: { ...base, [key]: value(i) } }).authors;
      expect(author).toHaveProperty(field, value(i));
    });
    it.each(keys.slice(1).map((key, i) => [keys[0]!, key, i + 1] as const))('%s wins over %s', (first, later, i) => {
      const [author] = normalize({ author: { ...base, [later]: value(i), [first]: value(0) } }).authors;
      expect(author).toHaveProperty(field, value(0));
    });
  });

  describe('tag object label', () => {
    it.each(TAG_LABEL_KEYS.map((key, i) => [key, i] as const))('is read from %s, before the keys after it', (_key, i) => {
      // Written last-first, so the order of the object's keys can't be what decides.
      const item = Object.fromEntries(TAG_LABEL_KEYS.slice(i).map((later, j) => [later, `Label ${i + j}`]).reverse());
      expect(normalize({ tags: [item] }).tags.map((tag) => tag.spelling)).toEqual([`Label ${i}`]);
    });
  });
});
