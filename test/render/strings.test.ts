/** The UI string tables, the choice of one by config `language`, and the theme's config keys. */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config.ts';
import { STRING_KEYS, STRING_TABLES, stringsFor } from '../../src/render/strings/index.ts';
import { PROJECT, runCli } from '../helpers/cli.ts';
import { findAll, parseHtml } from '../helpers/html.ts';
import { createEngine } from '../../src/render/liquid.ts';
import { toString } from 'hast-util-to-string';
import { copySite } from '../helpers/site-copy.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('string tables', () => {
  it.each(Object.keys(STRING_TABLES))('%s has every key, non-empty, with the English placeholders', (language) => {
    const table = STRING_TABLES[language]!;
    expect(Object.keys(table).sort()).toEqual([...STRING_KEYS].sort());
    for (const key of STRING_KEYS) {
      expect(table[key].trim(), `${language}.${key}`).not.toBe('');
      expect(placeholders(table[key]), `${language}.${key}`).toEqual(placeholders(STRING_TABLES.en![key]));
    }
  });

  it.each([
    ['de-CH', 'Weiterlesen'],
    ['pt-BR', 'Ler mais'],
    ['zh-Hans-CN', '阅读全文'],
    ['JA', '続きを読む'],
    ['fr_CA', 'Lire la suite'],
    ['es', 'Leer más'],
    ['nl', 'Read more'],
    ['', 'Read more'],
  ])('language %j reads "Read more" as %j', (language, readMore) => {
    expect(stringsFor(language).readMore).toBe(readMore);
  });

  it.each([
    ['zh-TW', 'Read more'],
    ['zh-Hant', 'Read more'],
    ['zh-HK', 'Read more'],
    ['zh-Hans-HK', '阅读全文'],
    ['zh-CN', '阅读全文'],
  ])('a Traditional Chinese tag, %j, reads English rather than Simplified: %j', (language, readMore) => {
    expect(stringsFor(language).readMore).toBe(readMore);
  });

  it('show readers no markup, and Portuguese in its Brazilian forms', () => {
    for (const [language, table] of Object.entries(STRING_TABLES)) {
      for (const [key, text] of Object.entries(table)) expect(text, `${language}.${key}`).not.toMatch(/`/);
    }
    expect(STRING_TABLES.pt!.searching).toBe('Pesquisando…');
    // European Portuguese: "a" + infinitive for a continuing action (A pesquisar), "etiqueta" for a tag.
    expect(Object.values(STRING_TABLES.pt!).join('\n')).not.toMatch(/\bA \p{L}+ar\b|etiqueta/iu);
    expect(STRING_TABLES.de!.searchUnavailable).toContain('beim Erstellen der Website');
  });

  it('takes the config’s own strings over the table', () => {
    expect(stringsFor('de', { readMore: 'Ganzer Beitrag' })).toMatchObject({ readMore: 'Ganzer Beitrag', home: 'Startseite' });
  });
});

describe('bylines and the feed links', () => {
  const engine = createEngine([path.join(PROJECT, 'templates')]);
  const byline = (language: string, names: string[], overrides = {}) => {
    const post = { published: { iso: '2025-01-02', display: '2. Januar 2025' }, readingMinutes: 1, authors: names.map((name) => ({ name, href: '/a/' })) };
    const html = engine.renderFileSync('_post-meta', { post }, { globals: { t: stringsFor(language, overrides) } }) as string;
    return toString(findAll(parseHtml(html), (el) => el.tagName === 'span' && String(el.properties.className) === 'authors')[0]!);
  };

  it.each([
    ['en', ['Ann', 'Bo', 'Cy'], '· by Ann, Bo and Cy'],
    ['fr', ['Ann', 'Bo'], '· par Ann et Bo'],
    ['ja', ['山田', '佐藤'], '· 著者：山田、佐藤'],
    ['ja', ['山田', '佐藤', '鈴木'], '· 著者：山田、佐藤、鈴木'],
    ['zh', ['王', '李', '张'], '· 作者：王、李和张'],
  ])('read naturally in %s: %j', (language, names, expected) => {
    expect(byline(language, names)).toBe(expected);
  });

  it('keep the spacing with a site’s own words written without it', () => {
    expect(byline('de', ['Ann', 'Bo'], { by: 'geschrieben von', and: 'sowie' })).toBe('· geschrieben von Ann sowie Bo');
  });

  it('have their colon from the strings: French puts a no-break space before it', () => {
    const footer = (language: string) => {
      const html = engine.renderFileSync('base', { site: { feeds: { rss: '/rss.xml' } }, page: {} }, { globals: { t: stringsFor(language) } }) as string;
      return toString(findAll(parseHtml(html), (el) => String(el.properties.className) === 'feeds')[0]!);
    };
    expect(footer('fr')).toBe('S’abonner\u00a0: RSS · Atom · JSON Feed');
    expect(footer('en')).toBe('Subscribe: RSS · Atom · JSON Feed');
    expect(footer('ja')).toBe('購読：RSS · Atom · JSON Feed');
  });
});

describe('theme keys in the config', () => {
  it('accepts nav, css, favicon, image and strings', () => {
    const config = validateConfig(
      {
        nav: [{ label: ' About ', url: '/about/' }, { label: 'Mail', url: 'mailto:me@example.org' }, { label: 'Code', url: 'https://code.example/' }],
        css: ['extra.css', '/css/more.css', 'https://cdn.example/font.css'],
        favicon: '/icon.png',
        image: 'https://cdn.example/card.png',
        strings: { readMore: 'Weiterlesen' },
      },
      'test',
    );
    expect(config.nav).toEqual([{ label: 'About', url: '/about/' }, { label: 'Mail', url: 'mailto:me@example.org' }, { label: 'Code', url: 'https://code.example/' }]);
    expect(config.css).toEqual(['extra.css', '/css/more.css', 'https://cdn.example/font.css']);
    expect(config).toMatchObject({ favicon: '/icon.png', image: 'https://cdn.example/card.png', strings: { readMore: 'Weiterlesen' } });
  });

  it('names every problem at once', () => {
    const input = {
      nav: [{ label: '', url: 'about/' }, 'Home', { label: 'X', url: '/x/', target: '_blank' }],
      css: ['../secret.css'],
      favicon: 3,
      strings: { readMoar: 'x', home: 4 },
    };
    expect(() => validateConfig(input, 'site.config.json')).toThrow(
      new ConfigError(
        [
          'site.config.json: "nav[0]".label must be a non-empty string, got ""',
          '"nav[0]".url must be a root-relative path ("/about/"), an http(s) URL or a mailto: address, got "about/"',
          '"nav[1]" must be an object { label, url }, got "Home"',
          '"nav[2]" has unknown key "target" (known: label, url)',
          '"css[0]" must be a path in static/ ("extra.css") or an http(s) URL, got "../secret.css"',
          '"favicon" must be a path in static/ ("/icon.svg") or an http(s) URL, got 3',
          `unknown UI string "readMoar" in "strings" (known: ${STRING_KEYS.join(', ')})`,
          '"strings.home" must be a string, got 4',
        ].join('; '),
      ),
    );
  });

  it('takes no scheme but http(s) for stylesheets, the favicon and the image, which pages would link as written', () => {
    const input = { css: ['javascript:alert(1)', '//cdn.example/a.css'], favicon: 'data:image/png;base64,AAAA', image: 'mailto:me@example.org', nav: [{ label: 'JS', url: 'javascript:alert(1)' }] };
    expect(() => validateConfig(input, 'site.config.json')).toThrow(
      new ConfigError(
        [
          'site.config.json: "nav[0]".url must be a root-relative path ("/about/"), an http(s) URL or a mailto: address, got "javascript:alert(1)"',
          '"css[0]" must be a path in static/ ("extra.css") or an http(s) URL, got "javascript:alert(1)"',
          '"favicon" must be a path in static/ ("/icon.svg") or an http(s) URL, got "data:image/png;base64,AAAA"',
          '"image" must be a path in static/ ("/card.png") or an http(s) URL, got "mailto:me@example.org"',
        ].join('; '),
      ),
    );
  });

  it('stops the build with exit code 2 on a bad theme key', async () => {
    const root = await copySite('theme');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'T', strings: { readMoar: 'x' } }));
    const run = await runCli(['build', '--root', root, '--out', path.join(root, 'dist')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown UI string "readMoar" in "strings"');
  });
});

