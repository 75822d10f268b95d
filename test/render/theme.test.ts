/**
 * A site that extends the default theme without copying it (test/sites/theme): custom.css and
 * config `css` after the theme, fingerprinted file names, config `nav`, `image` and `favicon`, hook
 * partials, UI strings in the site language, and the note on robots.txt under a sub-path.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { createEngine } from '../../src/render/liquid.ts';
import { buildSite, jsonMessages, PROJECT, readOut, runCli, tempDir, type BuiltSite } from '../helpers/cli.ts';
import { byTag, findAll, meta, parseHtml } from '../helpers/html.ts';
import { copySite } from '../helpers/site-copy.ts';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';

const ROOT = path.join(PROJECT, 'test/sites/theme');

let site: BuiltSite;
/** A site with none of the theme keys (test/sites/shapes, English, under /blog/). */
let plain: BuiltSite;
/** test/sites/theme built, edited and built again into the same folder (an incremental build). */
let rebuilt: { out: string };
const page = async (file: string): Promise<Root> => parseHtml(await site.read(file));
const stylesheets = (tree: Root) => findAll(tree, (el) => el.tagName === 'link' && String(el.properties.rel) === 'stylesheet').map((el) => String(el.properties.href));
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);
const textOf = (tree: Root, test: Parameters<typeof findAll>[1]) => findAll(tree, test).map((el) => toString(el).replace(/\s+/g, ' ').trim());
const hasClass = (name: string) => (el: { properties: Record<string, unknown> }) => Array.isArray(el.properties.className) && el.properties.className.includes(name);

beforeAll(async () => {
  site = await buildSite(['--root', ROOT]);
  plain = await buildSite(['--root', path.join(PROJECT, 'test/sites/shapes')]);
  // Built, edited (a new custom.css, two hook partials added), built again into the same folder.
  const root = await copySite('theme');
  rebuilt = { out: await tempDir() };
  expect((await runCli(['build', '--root', root, '--out', rebuilt.out])).code).toBe(0);
  await writeFile(path.join(root, 'static/custom.css'), ':root { --accent: light-dark(#005f5f, #7fdfdf); }\n');
  await writeFile(path.join(root, 'templates/partials/before-content.liquid'), '<p class="banner">Neu hier?</p>\n');
  await writeFile(path.join(root, 'templates/partials/footer.liquid'), '<p class="imprint">Impressum</p>\n');
  expect((await runCli(['build', '--root', root, '--out', rebuilt.out])).code).toBe(0);
});

describe('the theme files a build links', () => {
  it('are copies named by the hash of their bytes, the site’s custom.css and config css after the theme', async () => {
    expect(site.run.code).toBe(0);
    const theme = await readFile(path.join(PROJECT, 'static/style.css'), 'utf8');
    const custom = await readFile(path.join(ROOT, 'static/custom.css'), 'utf8');
    const extra = await readFile(path.join(ROOT, 'static/extra.css'), 'utf8');
    for (const file of ['index.html', 'posts/wide/index.html', '404.html']) {
      expect(stylesheets(await page(file)), file).toEqual([`/blog/style.${hash(theme)}.css`, `/blog/custom.${hash(custom)}.css`, `/blog/extra.${hash(extra)}.css`]);
    }
    expect(await site.read(`style.${hash(theme)}.css`)).toBe(theme);
    expect(await site.read(`custom.${hash(custom)}.css`)).toBe(custom);
    // The plain names stay, for anything that links them.
    expect(await site.read('style.css')).toBe(theme);
    const script = await readFile(path.join(PROJECT, 'static/theme.js'), 'utf8');
    expect(byTag(await page('index.html'), 'script').map((el) => el.properties.src).filter(Boolean)).toEqual([`/blog/theme.${hash(script)}.js`]);
    const search = await readFile(path.join(PROJECT, 'static/search.js'), 'utf8');
    expect(byTag(await page('search/index.html'), 'script').map((el) => el.properties.src)).toContain(`/blog/search.${hash(search)}.js`);
  });

  it('change their names when their bytes change, and every page links the new ones', async () => {
    const href = `/blog/custom.${hash(':root { --accent: light-dark(#005f5f, #7fdfdf); }\n')}.css`;
    for (const file of ['index.html', 'posts/about/index.html', 'tags/tabellen/index.html']) {
      expect(stylesheets(parseHtml(await readOut(rebuilt.out, file)))).toContain(href);
    }
  });

  it('take a site’s own style.css in place of the theme’s, with a note that custom.css is the way to add rules', async () => {
    const root = await copySite('theme');
    await writeFile(path.join(root, 'static/style.css'), 'body { color: red; }\n');
    const built = await buildSite(['--root', root]);
    expect(built.run.code).toBe(0);
    expect(stylesheets(parseHtml(await built.read('index.html')))[0]).toBe(`/blog/style.${hash('body { color: red; }\n')}.css`);
    const notes = jsonMessages(built.run).filter((message) => message.rule === 'theme-override');
    expect(notes.map((message) => message.message)).toEqual([
      "static/style.css replaces the theme's whole stylesheet: to change a few rules or variables, put them in static/custom.css, which loads after the theme",
    ]);
    expect(jsonMessages(site.run).filter((message) => message.rule === 'theme-override')).toEqual([]);
  });

  it('keep their plain names in the dev server, whose live reload swaps a changed stylesheet in place, and render a partial or custom.css added meanwhile', async () => {
    const root = await copySite('theme');
    const dev: DevServer = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), log: () => undefined });
    try {
      const html = await (await fetch(new URL('/blog/posts/wide/', dev.url))).text();
      expect(stylesheets(parseHtml(html))).toEqual(['/blog/style.css', '/blog/custom.css', '/blog/extra.css']);
      expect(html).toContain('<script src="/blog/theme.js" defer');
      // A hook partial the site adds while the server runs shows on the next rebuild.
      await writeFile(path.join(root, 'templates/partials/before-content.liquid'), '<p class="banner">Neu hier?</p>\n');
      await expect.poll(async () => (await fetch(new URL('/blog/archive/', dev.url))).text(), { timeout: 15_000 }).toContain('<p class="banner">Neu hier?</p>');
      // custom.css deleted and created again while the server runs: pages stop linking it, then link it again.
      const linked = async () => stylesheets(parseHtml(await (await fetch(new URL('/blog/posts/wide/', dev.url))).text()));
      await rm(path.join(root, 'static/custom.css'));
      await expect.poll(linked, { timeout: 15_000 }).toEqual(['/blog/style.css', '/blog/extra.css']);
      await writeFile(path.join(root, 'static/custom.css'), 'h1 { color: teal; }\n');
      await expect.poll(linked, { timeout: 15_000 }).toEqual(['/blog/style.css', '/blog/custom.css', '/blog/extra.css']);
    } finally {
      await dev.close();
    }
  });
});

describe('config nav, image and favicon', () => {
  it('shows nav links after the built-in ones, root-relative ones under the base path, the current one marked', async () => {
    const nav = (tree: Root) =>
      findAll(tree, (el) => el.tagName === 'nav' && el.properties.className?.toString() === 'site-nav').flatMap((el) =>
        findAll({ type: 'root', children: [el] }, (a) => a.tagName === 'a').map((a) => `${toString(a)} ${a.properties.href}${a.properties.ariaCurrent ? ' (current)' : ''}`),
      );
    expect(nav(await page('posts/about/index.html'))).toEqual([
      'Startseite /blog/',
      'Archiv /blog/archive/',
      'Schlagwörter /blog/tags/',
      'Autoren /blog/authors/',
      'Über uns /blog/posts/about/ (current)',
      // The query and fragment as written, not percent-encoded into the path (/blog/posts/about/%23team).
      'Team /blog/posts/about/#team',
      'Tabellen /blog/search/?q=tabelle',
      'Code https://code.example/thema',
    ]);
    expect(nav(await page('posts/wide/index.html'))).not.toContain('Über uns /blog/posts/about/ (current)');
  });

  it('gives pages without their own image the config image, as an absolute URL in a large card', async () => {
    const tree = await page('posts/wide/index.html');
    expect(meta(tree, 'og:image')).toBe('https://example.org/blog/card.png');
    expect(meta(tree, 'twitter:image')).toBe('https://example.org/blog/card.png');
    expect(meta(tree, 'twitter:card')).toBe('summary_large_image');
    expect(meta(await page('index.html'), 'og:image')).toBe('https://example.org/blog/card.png');
  });

  it('links the config favicon, and the theme’s own SVG when there is none', async () => {
    const icon = (tree: Root) => findAll(tree, (el) => el.tagName === 'link' && String(el.properties.rel) === 'icon').map((el) => [el.properties.href, el.properties.type ?? null]);
    expect(icon(await page('index.html'))).toEqual([['/blog/icon.png', null]]);
    expect(icon(parseHtml(await plain.read('index.html')))).toEqual([['/blog/favicon.svg', 'image/svg+xml']]);
    expect(await plain.read('favicon.svg')).toContain('<svg');
    expect(meta(parseHtml(await plain.read('index.html')), 'og:image')).toBeUndefined();
  });
});

describe('config keys naming what the site lacks', () => {
  it('warn on the config file: a stylesheet, favicon or image not in static/, a nav path the site does not produce', async () => {
    const root = await copySite('theme');
    const config = JSON.parse(await readFile(path.join(root, 'site.config.json'), 'utf8'));
    const nav = [...config.nav, { label: 'Weg', url: '/nope/#x' }];
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ ...config, nav, css: ['extra.css', 'nope.css'], favicon: 'missing.ico', image: '/nope.png' }));
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(0);
    const found = jsonMessages(run).filter((message) => message.rule === 'missing-asset' || message.rule === 'broken-link');
    expect(found.map(({ file, line, severity, rule, message }) => [path.basename(file), line, severity, rule, message])).toEqual([
      ['site.config.json', 1, 'warning', 'missing-asset', '"css[1]" names "nope.css", which is not in static/: every page links a file that is not there'],
      ['site.config.json', 1, 'warning', 'missing-asset', '"favicon" names "missing.ico", which is not in static/: every page links a file that is not there'],
      ['site.config.json', 1, 'warning', 'missing-asset', '"image" names "/nope.png", which is not in static/: every page links a file that is not there'],
      ['site.config.json', 1, 'warning', 'broken-link', '"nav[4]".url "/nope/#x" is neither a page of the site nor a file in static/'],
    ]);
    // The fixture's own keys, nav with a fragment and a query among them, name what is there.
    expect(jsonMessages(site.run).filter((message) => message.rule === 'missing-asset' || message.rule === 'broken-link')).toEqual([]);
  });
});

describe('hook partials', () => {
  it('render the site’s own partials where the theme calls them', async () => {
    const post = await page('posts/wide/index.html');
    expect(meta(post, 'theme-hook')).toBe('posts/wide/');
    expect(textOf(post, hasClass('comments'))).toEqual(['Kommentare zu Eine breite Tabelle']);
    // After the article, only on post pages.
    expect(textOf(await page('index.html'), hasClass('comments'))).toEqual([]);
  });

  it('are empty in the theme', async () => {
    const engine = createEngine([path.join(PROJECT, 'templates')]);
    for (const name of ['head', 'before-content', 'after-post', 'footer']) {
      expect(engine.renderFileSync(`partials/${name}`, { site: {}, page: {}, post: {} }).trim(), name).toBe('');
    }
  });

  it('added to a built site render into every page they belong to on the next build', async () => {
    for (const file of ['index.html', 'posts/about/index.html', 'archive/index.html', '404.html']) {
      const tree = parseHtml(await readOut(rebuilt.out, file));
      expect(textOf(tree, hasClass('banner')), file).toEqual(['Neu hier?']);
      expect(textOf(tree, hasClass('imprint')), file).toEqual(['Impressum']);
    }
  });
});

describe('UI strings', () => {
  it('speak the site language (de-CH → German), with the config’s own strings on top', async () => {
    const home = await page('index.html');
    expect(textOf(home, (el) => el.tagName === 'h1')).toEqual(['Neueste Beiträge']);
    expect(textOf(home, hasClass('read-more'))).toEqual(['Ganzer Beitrag: Eine breite Tabelle']);
    expect(textOf(home, hasClass('skip-link'))).toEqual(['Zum Inhalt springen']);
    expect(textOf(await page('posts/wide/index.html'), hasClass('reading-time'))).toEqual(['· 1 Min. Lesezeit']);
    expect(textOf(await page('404.html'), (el) => el.tagName === 'h1')).toEqual(['Seite nicht gefunden']);
    const results = findAll(await page('search/index.html'), (el) => el.properties.id === 'search-results')[0]!;
    expect(results.properties.dataNone).toBe('Keine Beiträge zu „{query}“ gefunden.');
    expect(findAll(await page('archive/index.html'), (el) => el.tagName === 'title').map((el) => toString(el))).toEqual(['Archiv – Thema']);
  });

  it('are English on an English site', async () => {
    const home = parseHtml(await plain.read('index.html'));
    expect(textOf(home, hasClass('skip-link'))).toEqual(['Skip to content']);
    expect(textOf(home, (el) => el.tagName === 'h1')).toEqual(['Latest posts']);
  });
});

describe('robots.txt under a sub-path', () => {
  it('is noted once, with the sitemap URL to register instead', () => {
    const notes = jsonMessages(site.run).filter((message) => message.rule === 'robots-under-base-path');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', file: 'test/sites/theme/site.config.json' });
    expect(notes[0]!.message).toContain('https://example.org/blog/robots.txt');
    expect(notes[0]!.message).toContain('https://example.org/blog/sitemap.xml');
  });
});

