/**
 * Blogs migrated from Hugo, Zola, Jekyll, Eleventy, Docusaurus and Astro, copied as they are into
 * `test/sites/migrate-<generator>/` with only the config a migrating user would write. Each site's
 * `expected.json` says what that generator made of every post (its title, date, authors, tags, URL
 * and old URLs), read from the generator's documentation, not from this tool's output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../src/render/date-format.ts';
import { PROJECT, buildSite, jsonMessages, type BuiltSite } from '../helpers/cli.ts';
import { byTag, findAll, linkHref, parseHtml, text } from '../helpers/html.ts';

interface ExpectedPost {
  file: string;
  title: string;
  date: string;
  authors: Array<{ name: string; avatar: string | null }>;
  tags: string[];
  url: string;
  oldUrls?: string[];
  draft?: boolean;
}

interface Expected {
  posts: ExpectedPost[];
}

/** Foreign syntax that must never reach a page's visible text (code blocks may show it on purpose). */
const LEFTOVERS = ['{{<', '{{%', '{%', '{{ site', ':::', '{/*', '[!NOTE]', '{#', '**'];
/** An ES module import left in the text; prose may say "import" ("a post can import a component"). */
const IMPORT = /\bimport\s+(?:[\w*{}\s,]+\s+from\s+)?['"]/;

const GENERATORS = ['hugo', 'zola', 'jekyll', 'eleventy', 'docusaurus', 'astro'];

/** The site's own base path (`/` or `/blog/`) and language, from its config. */
function configOf(root: string): { basePath: string; language: string } {
  const config = JSON.parse(readFileSync(path.join(root, 'site.config.json'), 'utf8')) as { url?: string; language?: string };
  return { basePath: config.url ? new URL(config.url).pathname.replace(/\/?$/, '/') : '/', language: config.language ?? 'en' };
}

/** The output file a URL path of the site is served from. */
function fileOf(url: string, basePath: string): string {
  const pathname = decodeURI(new URL(url, 'https://x.invalid').pathname);
  expect(pathname.startsWith(basePath), `${url} is under ${basePath}`).toBe(true);
  const rel = pathname.slice(basePath.length);
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** Visible text of a page: no code, scripts or styles. */
function visibleText(tree: Root): string {
  const hidden = new Set(['pre', 'code', 'script', 'style', 'template']);
  const parts: string[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.type === 'element' && !hidden.has(child.tagName)) walk(child);
    }
  };
  walk(tree);
  return parts.join('');
}

const hasClass = (element: Element, name: string) => String(element.properties.className ?? '').split(/[\s,]+/).includes(name);

for (const generator of GENERATORS) {
  const root = path.join(PROJECT, `test/sites/migrate-${generator}`);
  describe.runIf(existsSync(path.join(root, 'expected.json')))(`a blog migrated from ${generator}`, () => {
    const expected = existsSync(path.join(root, 'expected.json')) ? (JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected) : { posts: [] };
    const { basePath, language } = configOf(root);
    const published = expected.posts.filter((post) => !post.draft);
    let site: BuiltSite;
    const pages = new Map<string, Root>();
    const page = async (file: string): Promise<Root> => {
      let tree = pages.get(file);
      if (!tree) pages.set(file, (tree = parseHtml(await site.read(file))));
      return tree;
    };

    beforeAll(async () => {
      site = await buildSite(['--root', root]);
    });

    it('builds with exit 0 and no errors', () => {
      expect(jsonMessages(site.run).filter((m) => m.severity === 'error')).toEqual([]);
      expect(site.run.code).toBe(0);
    });

    it('has at least 12 posts', () => {
      expect(published.length).toBeGreaterThanOrEqual(12);
    });

    it.each(published.map((post) => [post.file, post] as const))('%s: title, date, authors, tags and URL', async (_file, post) => {
      const tree = await page(fileOf(post.url, basePath));
      const article = findAll(tree, (e) => e.tagName === 'article' && hasClass(e, 'post'))[0]!;
      expect(text(byTag({ type: 'root', children: [article] }, 'h1')[0]!)).toBe(post.title);
      // The day shown, in the site's timezone and language (the datetime attribute keeps the value's own offset).
      const time = byTag({ type: 'root', children: [article] }, 'time')[0]!;
      expect(text(time)).toBe(formatLongDate(post.date, language));
      // Names from the byline; avatars from the author cards under the post (only authors with an avatar or bio have one).
      const byline = findAll(tree, (e) => e.tagName === 'a' && Array.isArray(e.properties.rel) && e.properties.rel.includes('author')).map((a) => text(a));
      const cards = findAll(tree, (e) => hasClass(e, 'author-card'));
      const avatarOf = (name: string) => {
        const card = cards.find((c) => text(findAll({ type: 'root', children: [c] }, (e) => hasClass(e, 'author-name'))[0]!) === name);
        const src = card && byTag({ type: 'root', children: [card] }, 'img')[0]?.properties.src;
        return src === undefined ? null : String(src);
      };
      const authors = byline.map((name) => ({ name, avatar: avatarOf(name) }));
      expect(authors.map((a) => a.name)).toEqual(post.authors.map((a) => a.name));
      post.authors.forEach((want, i) => {
        if (want.avatar === null) expect(authors[i]!.avatar).toBeNull();
        else if (/^https?:/.test(want.avatar)) expect(authors[i]!.avatar).toBe(want.avatar);
        else expect(authors[i]!.avatar, `avatar of ${want.name}`).toMatch(new RegExp(`${want.avatar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      });
      const tagList = findAll(tree, (e) => hasClass(e, 'tag-list'))[0];
      const tags = tagList ? byTag({ type: 'root', children: [tagList] }, 'a').map((a) => text(a).toLowerCase()) : [];
      // One tag per name: Zola's `tags = ["hardware"]` and `categories = ["Hardware"]` are one tag here.
      expect([...new Set(tags)].sort()).toEqual([...new Set(post.tags.map((tag) => tag.toLowerCase()))].sort());
    });

    it('answers every old URL with a redirect page to the new one', async () => {
      const redirects = published.flatMap((post) => (post.oldUrls ?? []).map((old) => [old, post.url] as const));
      for (const [old, url] of redirects) {
        const tree = await page(fileOf(old, basePath));
        const refresh = findAll(tree, (e) => e.tagName === 'meta' && String(e.properties.httpEquiv).toLowerCase() === 'refresh')[0];
        expect(refresh, `redirect page at ${old}`).toBeDefined();
        const target = String(refresh!.properties.content).replace(/^\d+;\s*url=/i, '');
        expect(new URL(target, 'https://x.invalid/').pathname, `${old} → ${url}`).toBe(new URL(url, 'https://x.invalid/').pathname);
        expect(new URL(linkHref(tree, 'canonical')!).pathname).toBe(new URL(url, 'https://x.invalid/').pathname);
      }
    });

    it('shows no leftover syntax of the old generator on any page', async () => {
      const leftovers: string[] = [];
      for (const file of site.files.filter((name) => name.endsWith('.html'))) {
        const visible = visibleText(await page(file));
        for (const pattern of LEFTOVERS) if (visible.includes(pattern)) leftovers.push(`${file}: ${pattern}`);
        if (IMPORT.test(visible)) leftovers.push(`${file}: ${IMPORT.exec(visible)![0]}`);
      }
      expect(leftovers).toEqual([]);
    });

    it('resolves every in-page anchor of every post', async () => {
      const missing: string[] = [];
      for (const post of published) {
        const file = fileOf(post.url, basePath);
        const tree = await page(file);
        const ids = new Set(findAll(tree, (e) => e.properties.id !== undefined).map((e) => String(e.properties.id)));
        for (const link of byTag(tree, 'a')) {
          const href = link.properties.href;
          if (typeof href !== 'string' || !href.startsWith('#') || href === '#') continue;
          if (!ids.has(decodeURIComponent(href.slice(1)))) missing.push(`${file}: ${href}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });
}
