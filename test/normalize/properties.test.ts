/**
 * Property-based tests (fast-check) of every normaliser: whatever value a front matter field
 * holds, normalisation gives a usable value or a positioned message, and never throws.
 * Values come from fc.anything() (nested objects, arrays, odd keys such as `__proto__`,
 * -0, NaN…), plus the shapes YAML produces that JSON cannot (Uint8Array for `!!binary`,
 * Date, Map, Set) and hostile strings (NUL, bidi overrides, `..`, slashes, lone surrogates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';
import { normalizePost } from '../../src/content/normalize/index.ts';
import { cutAtWord } from '../../src/content/normalize/description.ts';
import { parseDate } from '../../src/content/normalize/dates.ts';
import { slugify, tagKey } from '../../src/content/normalize/slug.ts';
import { checkUrls } from '../../src/site/select.ts';
import { makeContext, makeRaw } from './context.ts';

/** Strings a hostile or careless author could write. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '..', '../../etc/passwd', '/', '\\', 'a/b', '\0', 'a\u202Eb', '\u200F', '<script>alert(1)</script>', ']]>', '%2e%2e', '!!!', '---', 'NaN', '-0', '\uD800'),
  fc.string({ unit: fc.constantFrom('.', '/', '\\', '\0', '\u0085', '\u202E', '-', ' ', 'a', 'é', '日', '\uFE0F') }),
);

/** Any value a parsed YAML or TOML document can hold, and then some. */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  nasty,
  fc.uint8Array({ maxLength: 8 }),
  fc.date({ noInvalidDate: false }),
  fc.array(nasty, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('name', 'id', 'title', 'url', 'avatar', 'slug', 'label', 'description'), fc.oneof(nasty, fc.anything({ maxDepth: 1 }))),
  fc.constantFrom(new Map([['a', 1]]), new Set(['x']), Number.NaN, Infinity, -0, 1e308, 2 ** 53 + 1),
);

/** Every key some normaliser reads, from Hugo, Jekyll, Docusaurus and CMS exports. */
const KEYS = [
  'title', 'date', 'published', 'pubDate', 'publishDate', 'updated', 'lastmod', 'modified', 'author', 'authors',
  'tags', 'tag', 'categories', 'category', 'keywords', 'slug', 'permalink', 'description', 'summary', 'excerpt',
  'draft', 'published', 'lang', 'language', 'image', 'cover', 'canonical', 'canonical_url', 'seo', 'twitter',
  'url', 'path', 'aliases', 'redirect_from',
] as const;

const frontMatter = fc.dictionary(fc.constantFrom(...KEYS), anyValue, { maxKeys: 8 });
const CONTROL = /\p{Cc}/u;

/** Every segment of a site-relative path, in the form written and as a server decodes it (`%2e%2e` is `..`): each one safe. */
function expectSafePath(path: string): void {
  for (const segment of path.split('/').filter(Boolean)) for (const form of [segment, decodedOrRaw(segment)]) expectSafeSegment(form);
  expect(path).not.toMatch(/^[/\\]|^[a-z][a-z0-9+.-]*:/i);
}

/** What every slug and path segment must be: one safe folder name. */
function expectSafeSegment(segment: string): void {
  expect(segment).not.toBe('');
  expect(segment).not.toMatch(/[/\\]/);
  expect(segment).not.toContain('..');
  expect(segment).not.toMatch(CONTROL);
}

describe('normalizePost on any front matter', () => {
  it('never throws and always gives usable values; every problem is a positioned message', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const ctx = makeContext();
        const post = normalizePost(makeRaw(data), ctx);
        // Astro's slugs may be nested (`2019/intro`): each part is one safe folder name.
        post.slug.split('/').forEach(expectSafeSegment);
        expect(post.path).toMatch(/(?:\/|\.html)$/);
        // Paths are raw (hrefs encode them), but a server decodes `%2e%2e` as `..`: both forms must be safe.
        expectSafePath(post.path);
        for (const alias of post.aliases ?? []) expectSafePath(alias.path);
        expect(Number.isFinite(post.published.epochMs)).toBe(true);
        expect(post.published.iso).toMatch(/^[+-]?\d{4,6}-\d\d-\d\dT/);
        if (post.title !== undefined) expect(post.title).not.toBe('');
        for (const author of post.authors) {
          expect(typeof author.id).toBe('string');
          expect(author.id).not.toBe('');
          expect(typeof author.name).toBe('string');
        }
        for (const tag of post.tags) {
          expect(tag.key).not.toBe('');
          expectSafeSegment(slugify(tag.spelling));
        }
        expect(typeof post.draft).toBe('boolean');
        for (const message of ctx.messages) {
          expect(message.reason).toEqual(expect.any(String));
          // An error is about a value someone wrote, so it points at its key; only notes about a
          // missing key (no date: the file's mtime is used) sit at the top of the file.
          if (message.severity === 'error') expect(message.path?.length ?? 0).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same post for the same input (no hidden state between posts)', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const first = normalizePost(makeRaw(data), makeContext());
        const second = normalizePost(makeRaw(data), makeContext());
        expect({ ...second, raw: undefined }).toEqual({ ...first, raw: undefined });
      }),
      { numRuns: 100 },
    );
  });
});

/** Paths built from the pieces traversal attacks use. */
const pathish = fc.string({ unit: fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', 'a', 'é', '/', '\\', '\0', '\u0085', 'C:', 'javascript:', '?', '#', ' '), maxLength: 10 });

describe('output paths from slug, permalink and aliases', () => {
  it('never leave the output folder, whatever the author writes', () => {
    fc.assert(
      fc.property(pathish, pathish, pathish, pathish, (slug, permalink, alias, redirect) => {
        const ctx = makeContext();
        const post = normalizePost(makeRaw({ slug, permalink, aliases: [alias], redirect_from: redirect }), ctx);
        post.slug.split('/').forEach(expectSafeSegment);
        expectSafePath(post.path);
        if (post.folderPath !== undefined) expectSafePath(post.folderPath);
        for (const entry of post.aliases ?? []) expectSafePath(entry.path);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('slugs', () => {
  it('are never empty and never contain a separator, "..", NUL or control characters', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expectSafeSegment(slugify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('are stable, and texts that slug to nothing stay apart', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('!', '?', '*', '…', '/', '.', '\0') }), fc.string({ unit: fc.constantFrom('!', '?', '#', '%') }), (a, b) => {
        expect(slugify(a)).toBe(slugify(a));
        if (a.trim() !== b.trim() && a.trim() !== '' && b.trim() !== '') expect(slugify(a)).not.toBe(slugify(b));
      }),
    );
  });

  it('stay unique across a site: posts sharing an output path are reported, naming both files', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(nasty, fc.constantFrom('Hello', 'hello', 'HELLO', 'a/b')), { minLength: 2, maxLength: 6 }), (slugs) => {
        const posts = slugs.map((slug, index) => normalizePost(makeRaw({ slug }, { relPath: `p${index}.md` }), makeContext()));
        checkUrls(posts);
        const byFile = new Map<string, number>();
        for (const post of posts) byFile.set(post.path.toLowerCase(), (byFile.get(post.path.toLowerCase()) ?? 0) + 1);
        for (const post of posts) {
          const shared = byFile.get(post.path.toLowerCase())! > 1;
          expect(post.raw.file.messages.some((message) => message.ruleId === 'duplicate-url')).toBe(shared);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tag keys fold case and separators, and are idempotent', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        expect(tagKey(tagKey(text))).toBe(tagKey(text));
      }),
    );
  });
});

describe('dates', () => {
  it('parse any value into a finite instant or an error, never an exception', () => {
    fc.assert(
      fc.property(anyValue, fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns'), (value, zone) => {
        const result = parseDate(value, zone);
        if ('error' in result) expect(result.error).toEqual(expect.any(String));
        else {
          expect(Number.isFinite(result.date.epochMs)).toBe(true);
          expect(result.date.day).toMatch(/^[+-]?\d{4,6}-\d\d-\d\d$/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('excerpts and descriptions', () => {
  it('are cut to at most the budget without splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constant(' '), fc.constant('😛'), fc.constant('日本'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const cut = cutAtWord(text, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('front matter text', () => {
  it('any text gives front matter or positioned problems, never an exception', () => {
    const yamlish = fc.string({ unit: fc.constantFrom('---\n', 'title: ', 'a', ':', ' ', '\n', '- ', '&x ', '*x', '!!binary ', '[', '{', '"', "'", '\0', '\t', '+++\n', '= ', '|', '>') , maxLength: 80 });
    fc.assert(
      fc.property(yamlish, (body) => {
        const result = parseFrontMatter(`---\n${body}\n---\nText`);
        if (!result.ok) {
          for (const problem of result.problems) {
            expect(problem.reason).toEqual(expect.any(String));
            expect(problem.place.line).toBeGreaterThanOrEqual(1);
            expect(problem.place.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** The segment as a server decodes it; a stray `%` is a literal character, as it is for the normaliser. */
function decodedOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
