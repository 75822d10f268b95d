/** The bundled sample blog (the five seed posts, quirks intact), built from a sub-path. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, readOut, runCli, tempDir, type CliRun } from '../helpers/cli.ts';
import { byTag, findAll, jsonLd, linkHref, meta, parseHtml, text } from '../helpers/html.ts';

const BASE = 'https://example.org/blog/';
let out: string;
let run: CliRun;
let files: string[];

beforeAll(async () => {
  ({ out, run, files } = await buildSite(['--base-url', BASE]));
});

const page = async (file: string) => parseHtml(await readOut(out, file));

describe('sample blog', () => {
  it('builds with warnings only: the missing image and the post without front matter', () => {
    expect(run.code).toBe(0);
    const messages = jsonMessages(run);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(messages).toContainEqual(
      expect.objectContaining({ file: 'content/posts/2025-02-03-fosdem-2025.md', line: 26, column: 1, rule: 'missing-asset', severity: 'warning' }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({ file: 'content/posts/fosdem-2014-unikernels.md', rule: 'title-from-filename', severity: 'warning' }),
    );
    // Committed, the post takes its first git commit date; in a working copy not yet committed, its mtime.
    const dateRules = messages.filter((m) => m.file === 'content/posts/fosdem-2014-unikernels.md' && m.rule?.startsWith('date-from-'));
    expect(dateRules).toHaveLength(1);
  });

  it('writes every page of the output layout', () => {
    for (const file of [
      'index.html',
      '404.html',
      'archive/index.html',
      'tags/index.html',
      'tags/conferences/index.html',
      'tags/conferences/rss.xml',
      'tags/community/index.html',
      'authors/index.html',
      'authors/gerrit/index.html',
      'authors/thierry/index.html',
      'posts/fosdem-2025/index.html',
      'posts/looking-back-at-fosdem-2026/index.html',
      'posts/fosdem-2020/index.html',
      'posts/openinfra-at-fosdem-2026/index.html',
      'posts/fosdem-2014-unikernels/index.html',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'sitemap.xml',
      'robots.txt',
      'style.css',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('puts both of Gerrit’s posts (gerrit and gerrit91) on one author page', async () => {
    const titles = byTag(await page('authors/gerrit/index.html'), 'a').map((a) => text(a));
    expect(titles).toContain('FOSDEM 2025 ❤️');
    expect(titles).toContain('Looking back at FOSDEM 2026');
    expect(files.filter((file) => file.startsWith('authors/gerrit'))).toEqual(['authors/gerrit/index.html']);
  });

  it('drops the stray variation selector from the FOSDEM 2025 title but keeps the heart’s', async () => {
    const h1 = byTag(await page('posts/fosdem-2025/index.html'), 'h1')[0]!;
    expect(text(h1)).toBe('FOSDEM 2025 ❤️');
  });

  it('embeds a BlogPosting JSON-LD on every post page', async () => {
    for (const file of files.filter((f) => f.startsWith('posts/') && f.endsWith('index.html'))) {
      const [data] = jsonLd(await page(file)).filter((d) => d['@type'] === 'BlogPosting');
      expect(data, file).toBeDefined();
      expect(data!.headline).toEqual(expect.any(String));
      expect(data!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}:\d{2}$/);
      expect(data!.url).toBe(BASE + file.replace(/index\.html$/, ''));
      expect(Array.isArray(data!.keywords)).toBe(true);
      for (const author of data!.author as Array<Record<string, unknown>>) expect(author['@type']).toBe('Person');
    }
    const [fosdem] = jsonLd(await page('posts/fosdem-2025/index.html'));
    expect(fosdem).toMatchObject({
      datePublished: '2025-02-03T10:00:00+02:00',
      author: [{ '@type': 'Person', name: 'Gerrit' }],
      keywords: ['News', 'Conferences'],
      description: 'For the first time metal-stack was part of the biggest Open Source conference in Europe.',
    });
  });

  it('normalises the CMS post: author name, category object, seo block', async () => {
    const tree = await page('posts/openinfra-at-fosdem-2026/index.html');
    const [data] = jsonLd(tree);
    expect(data).toMatchObject({ author: [{ name: 'Thierry Carrez' }], keywords: ['Community'] });
    expect(linkHref(tree, 'canonical')).toBe('https://openinfra.org/blog/openinfra-fosdem-2026');
    expect(meta(tree, 'twitter:site')).toBe('@openinfradev');
    expect(meta(tree, 'description')).toMatch(/^In 2026, OpenInfra staff were on the ground/);
  });

  it('closes the unclosed iframe inside its post, so the page footer survives', async () => {
    const tree = await page('posts/fosdem-2014-unikernels/index.html');
    const [iframe] = byTag(tree, 'iframe');
    expect(iframe?.children).toEqual([]);
    expect(byTag(tree, 'footer').length).toBeGreaterThan(0);
    expect(text(byTag(tree, 'main')[0]!)).toContain('Nymote toolstack');
  });

  it('resolves Hugo reference links and gives root-relative images the base path', async () => {
    const tree = await page('posts/fosdem-2020/index.html');
    const hrefs = byTag(tree, 'a').map((a) => a.properties.href);
    expect(hrefs).toContain('https://fosdem.org/2020/');
    expect(hrefs).toContain('https://blogs.cisco.com/getyourbuildon/fosdem-2020-trends-and-analysis');
    const srcs = byTag(tree, 'img').map((img) => img.properties.src);
    expect(srcs).toContain('/blog/static/fosdem34.png#center');
  });

  it('cuts the home page excerpt at <!-- truncate -->', async () => {
    const home = text(await page('index.html'));
    expect(home).toContain('Without high expectations, we submitted an application');
    expect(home).not.toContain('FOSDEM is an open source conference held in the heart of Europe');
  });

  it('keeps every internal link and asset under the /blog/ sub-path', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const tree = await page(file);
      for (const element of findAll(tree, (e) => typeof e.properties.href === 'string' || typeof e.properties.src === 'string')) {
        const url = String(element.properties.href ?? element.properties.src);
        if (/^(?:[a-z]+:|\/\/|#)/i.test(url)) continue;
        expect(url.startsWith('/blog/'), `${file}: ${url}`).toBe(true);
        const target = url.slice('/blog/'.length).split(/[?#]/)[0]!;
        if (target.startsWith('static/')) continue; // the 2020 post's Hugo images are not in the sample (a check warns)
        const resolved = target === '' || target.endsWith('/') ? `${target}index.html` : target;
        if (!resolved.endsWith('IMG_5353.jpeg')) expect(files, `${file} links to ${url}`).toContain(decodeURI(resolved));
      }
    }
  });

  it('writes RSS, Atom and JSON feeds with absolute URLs and authors', async () => {
    const parser = new Parser<Record<string, never>, { creators: string[]; 'content:encoded': string }>({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
    const rss = await parser.parseString(await readOut(out, 'rss.xml'));
    expect(rss.items).toHaveLength(5);
    // The post without a date takes its git (or file) date, so it sorts first; the dated ones follow newest first.
    expect(rss.items.slice(1).map((item) => item.title)).toEqual([
      'OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued Momentum',
      'Looking back at FOSDEM 2026',
      'FOSDEM 2025 ❤️',
      'Fosdem 2020',
    ]);
    for (const item of rss.items) expect(item.link?.startsWith(BASE)).toBe(true);
    expect(rss.items[1]!.creators).toEqual(['Thierry Carrez']);
    const atom = await parser.parseString(await readOut(out, 'atom.xml'));
    expect(atom.items).toHaveLength(5);
    const json = JSON.parse(await readOut(out, 'feed.json')) as { version: string; items: Array<{ url: string; authors?: Array<{ name: string }> }> };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((item) => item.authors?.[0]?.name)).toContain('Gerrit');
    // Content inside the feed uses absolute URLs too.
    const fosdem2020 = rss.items.find((item) => item.title === 'Fosdem 2020')!;
    expect(fosdem2020['content:encoded']).toContain('src="https://example.org/blog/static/fosdem34.png#center"');
  });

  it('lists every page in the sitemap with absolute URLs, and robots.txt points at it', async () => {
    const sitemap = new XMLParser().parse(await readOut(out, 'sitemap.xml')) as { urlset: { url: Array<{ loc: string }> } };
    const locs = sitemap.urlset.url.map((url) => url.loc);
    expect(locs).toContain(`${BASE}posts/fosdem-2025/`);
    expect(locs).toContain(BASE);
    for (const loc of locs) expect(loc.startsWith(BASE)).toBe(true);
    expect(await readOut(out, 'robots.txt')).toContain(`Sitemap: ${BASE}sitemap.xml`);
  });

  it('copies static/ to the output root', async () => {
    expect(await readOut(out, 'style.css')).toBe(await readFile(path.join(PROJECT, 'static/style.css'), 'utf8'));
  });
});
