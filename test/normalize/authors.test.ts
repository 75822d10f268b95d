import { describe, expect, it } from 'vitest';
import { normalizeAuthors } from '../../src/content/normalize/authors.ts';
import type { Author } from '../../src/types.ts';
import { makeContext } from './context.ts';

const GERRIT: Author = { id: 'gerrit', name: 'Gerrit Schwerthelm', url: 'https://github.com/Gerrit91' };
const THIERRY: Author = { id: 'thierry', name: 'Thierry Carrez', email: 'thierry@openinfra.dev' };

describe('normalizeAuthors', () => {
  describe('valid: every shape of the SPEC', () => {
    it.each<[string, Record<string, unknown>, Author[]]>([
      ['authors: [key]', { authors: ['gerrit'] }, [GERRIT]],
      ['authors: [alias] (seed: gerrit91 is gerrit)', { authors: ['gerrit91'] }, [GERRIT]],
      ['authors: key', { authors: 'gerrit' }, [GERRIT]],
      ['author: "Full Name" of a registered author (seed)', { author: 'Thierry Carrez' }, [THIERRY]],
      ['author: "Full Name" unregistered', { author: 'Ada Lovelace' }, [{ id: 'ada-lovelace', name: 'Ada Lovelace' }]],
      ['author: { name, url }', { author: { name: 'Ada Lovelace', url: 'https://ada.example' } }, [{ id: 'ada-lovelace', name: 'Ada Lovelace', url: 'https://ada.example' }]],
      [
        'authors: [{ name, ... }]',
        { authors: [{ name: 'Ada Lovelace', email: 'ada@example.org', avatar: '/ada.png' }] },
        [{ id: 'ada-lovelace', name: 'Ada Lovelace', email: 'ada@example.org', avatar: '/ada.png' }],
      ],
      ['keys and names mixed', { authors: ['gerrit', 'Ada Lovelace', 'ttx'] }, [GERRIT, { id: 'ada-lovelace', name: 'Ada Lovelace' }, THIERRY]],
      ['a name with non-Latin letters', { author: '山田太郎' }, [{ id: '山田太郎', name: '山田太郎' }]],
      ['none at all', {}, []],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeAuthors(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });
  });

  describe('convertible', () => {
    it.each<[string, Record<string, unknown>, Author[]]>([
      ['author: [list]', { author: ['gerrit', 'Ada Lovelace'] }, [GERRIT, { id: 'ada-lovelace', name: 'Ada Lovelace' }]],
      ['authors: "a, b"', { authors: 'gerrit, ttx' }, [GERRIT, THIERRY]],
      ['author: "Last, First" is one person', { author: 'Lovelace, Ada' }, [{ id: 'lovelace-ada', name: 'Lovelace, Ada' }]],
      ['key, alias and name of one author collapse to one', { authors: ['gerrit', 'gerrit91', 'Gerrit Schwerthelm'] }, [GERRIT]],
      ['names and keys match case-insensitively', { authors: ['THIERRY CARREZ', 'Gerrit91'] }, [THIERRY, GERRIT]],
      ['authors then author, without duplicates', { authors: ['gerrit'], author: 'Gerrit Schwerthelm' }, [GERRIT]],
      ['white space and NFC', { author: '  Ame\u0301lie  ' }, [{ id: 'amélie', name: 'Amélie' }]],
      ['empty and null items are skipped', { authors: ['', null, 'gerrit'], author: null }, [GERRIT]],
      [
        'object spellings: title, link, image_url',
        { authors: [{ title: 'Ada Lovelace', link: 'https://ada.example', image_url: '/a.png' }] },
        [{ id: 'ada-lovelace', name: 'Ada Lovelace', url: 'https://ada.example', avatar: '/a.png' }],
      ],
      [
        'object spellings: label, website, imageURL',
        { authors: [{ label: 'Ada Lovelace', website: 'https://ada.example', imageURL: '/a.png' }] },
        [{ id: 'ada-lovelace', name: 'Ada Lovelace', url: 'https://ada.example', avatar: '/a.png' }],
      ],
      [
        'an object naming a registered author is that author, its own fields winning',
        { author: { name: 'Gerrit Schwerthelm', url: 'https://gerrit.example' } },
        [{ ...GERRIT, url: 'https://gerrit.example' }],
      ],
    ])('%s', (_name, data, expected) => {
      const ctx = makeContext();
      expect(normalizeAuthors(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });

    it.each<[string, string, Author[]]>([
      ['a registry key', 'gerrit', [GERRIT]],
      ['a registry alias', 'gerrit91', [GERRIT]],
      ['a registered name', 'Thierry Carrez', [THIERRY]],
      ['an unregistered key, without a warning', 'editor', [{ id: 'editor', name: 'editor' }]],
      ['an unregistered name', 'The Team', [{ id: 'the-team', name: 'The Team' }]],
    ])('no author: config.author as %s', (_name, author, expected) => {
      const ctx = makeContext({ config: { author } });
      expect(normalizeAuthors({}, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([]);
    });

    it('config.author is not used when the post names an author', () => {
      expect(normalizeAuthors({ author: 'Ada Lovelace' }, makeContext({ config: { author: 'gerrit' } }))).toEqual([{ id: 'ada-lovelace', name: 'Ada Lovelace' }]);
    });
  });

  describe('convertible, with an info message at the key', () => {
    const JANE: Author = { id: 'jane-doe', name: 'Jane Doe', url: 'https://jane.example' };
    it.each<[string, Record<string, unknown>, Author[], string, (string | number)[]]>([
      ['a Markdown link', { author: '[Jane Doe](https://jane.example)' }, [JANE], '[Jane Doe](https://jane.example)', ['author']],
      ['an HTML link', { author: '<a href="https://jane.example">Jane Doe</a>' }, [JANE], '<a href="https://jane.example">Jane Doe</a>', ['author']],
      ['a link in a list', { authors: ['gerrit', '[Jane Doe](https://jane.example)'] }, [GERRIT, JANE], '[Jane Doe](https://jane.example)', ['authors', 1]],
      [
        'a comma inside a linked name does not split it',
        { authors: '[Doe, Jane](https://jane.example)' },
        [{ id: 'doe-jane', name: 'Doe, Jane', url: 'https://jane.example' }],
        '[Doe, Jane](https://jane.example)',
        ['authors'],
      ],
      [
        'a link naming a registered author is that author, with the link’s url',
        { author: '[Thierry Carrez](https://ttx.example)' },
        [{ ...THIERRY, url: 'https://ttx.example' }],
        '[Thierry Carrez](https://ttx.example)',
        ['author'],
      ],
    ])('%s', (_name, data, expected, text, path) => {
      const ctx = makeContext();
      expect(normalizeAuthors(data, ctx)).toEqual(expected);
      const [name, url] = [expected.at(-1)!.name, expected.at(-1)!.url!];
      expect(ctx.messages).toEqual([
        { reason: `Author "${text}" is a link: read as name "${name}" with url "${url}"`, path, severity: 'info', ruleId: 'author-link' },
      ]);
    });

    it('an unsafe link target is dropped with a warning, the name kept', () => {
      const ctx = makeContext();
      expect(normalizeAuthors({ author: '[Jane Doe](javascript:void)' }, ctx)).toEqual([{ id: 'jane-doe', name: 'Jane Doe' }]);
      expect(ctx.messages).toEqual([
        { reason: 'Unsafe author url "javascript:void": only http(s), mailto or a path; it is ignored', path: ['author'], severity: 'warning', ruleId: 'invalid-url' },
      ]);
    });
  });

  describe('invalid, with the exact message', () => {
    it('a bare unknown key is a warning, and an inline author', () => {
      const ctx = makeContext();
      expect(normalizeAuthors({ authors: ['gerit', 'gerrit'] }, ctx)).toEqual([{ id: 'gerit', name: 'gerit' }, GERRIT]);
      expect(ctx.messages).toEqual([
        { reason: 'Unknown author "gerit": not a key of authors.yml; using it as a name', path: ['authors', 0], severity: 'warning', ruleId: 'unknown-author' },
      ]);
    });

    it('a bare unknown key as a single value is reported at the key', () => {
      const ctx = makeContext();
      expect(normalizeAuthors({ authors: 'jdoe_2' }, ctx)).toEqual([{ id: 'jdoe_2', name: 'jdoe_2' }]);
      expect(ctx.messages).toEqual([
        { reason: 'Unknown author "jdoe_2": not a key of authors.yml; using it as a name', path: ['authors'], severity: 'warning', ruleId: 'unknown-author' },
      ]);
    });

    it.each<[string, Record<string, unknown>, Author[], string, (string | number)[]]>([
      ['a number', { authors: 42 }, [], 'Invalid author 42: expected a name, a key of authors.yml, or an object with a name', ['authors']],
      [
        'a nested list',
        { authors: ['gerrit', ['ttx']] },
        [GERRIT],
        'Invalid author ["ttx"]: expected a name, a key of authors.yml, or an object with a name',
        ['authors', 1],
      ],
      ['a boolean', { author: true }, [], 'Invalid author true: expected a name, a key of authors.yml, or an object with a name', ['author']],
      [
        'an object without a name',
        { authors: [{ url: 'https://x.example' }, 'ttx'] },
        [THIERRY],
        'Author {"url":"https://x.example"} has no name: add name: "Full Name"',
        ['authors', 0],
      ],
    ])('%s', (_name, data, expected, reason, path) => {
      const ctx = makeContext();
      expect(normalizeAuthors(data, ctx)).toEqual(expected);
      expect(ctx.messages).toEqual([{ reason, path, severity: 'error', ruleId: 'invalid-author' }]);
    });
  });
});
