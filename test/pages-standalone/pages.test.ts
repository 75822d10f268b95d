/**
 * Standalone pages (`content/pages/`), built by the real CLI from test/sites/pages: each at its own
 * URL with its own template, in the sitemap and search index, never in feeds, lists or tags;
 * links to them (as `pages/about.md` or `/about/`) resolve and are checked; a page needs no date;
 * a page on a post's, or the site's own, URL is an error naming the files.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, runCli, type BuiltSite } from '../helpers/cli.ts';
import { byTag, jsonLd, parseHtml, text } from '../helpers/html.ts';
import { copySite } from '../helpers/site-copy.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(['--root', path.join(PROJECT, 'test/sites/pages')]);
});

describe('standalone pages', () => {
  it('builds without a message about its content: a page needs no date', () => {
    expect(site.run.code, site.run.stderr).toBe(0);
    // The one note is the site's: it lives under /blog/, where robots.txt is never read.
    expect(jsonMessages(site.run).map((message) => message.rule)).toEqual(['robots-under-base-path']);
  });

  it('puts pages at their place under content/pages/, an index.md at its folder, drafts left out', () => {
    expect(site.files).toEqual(expect.arrayContaining(['about/index.html', 'team/index.html']));
    expect(site.files.filter((file) => file.includes('unfinished'))).toEqual([]);
  });

  it('renders a page with page.liquid: title, body, a WebPage JSON-LD, indexed by Pagefind', async () => {
    const tree = parseHtml(await site.read('about/index.html'));
    const [article] = byTag(tree, 'article');
    expect(article!.properties.className).toEqual(['page']);
    expect(article!.properties.dataPagefindBody).toBe('');
    expect(text(byTag(tree, 'h1')[0]!)).toBe('About this blog');
    expect(jsonLd(tree).map((data) => data['@type'])).toEqual(['WebPage']);
    // No post furniture: no date line, no neighbours.
    expect(byTag(tree, 'time')).toEqual([]);
    expect(byTag(tree, 'nav').map((nav) => nav.properties.ariaLabel)).not.toContain('More posts');
  });

  it('shows a page’s `updated` date, and gives it as the sitemap’s lastmod', async () => {
    const tree = parseHtml(await site.read('team/index.html'));
    expect(byTag(tree, 'time').map((time) => time.properties.dateTime)).toEqual(['2025-04-01T00:00:00+00:00']);
    const sitemap = await site.read('sitemap.xml');
    expect(sitemap).toContain('<loc>https://example.org/blog/about/</loc>\n  </url>');
    expect(sitemap).toContain('<loc>https://example.org/blog/team/</loc>\n    <lastmod>2025-04-01T00:00:00+00:00</lastmod>');
  });

  it('keeps pages out of feeds, lists, tags and post navigation', async () => {
    for (const file of ['index.html', 'archive/index.html', 'tags/intro/index.html', 'rss.xml', 'atom.xml', 'feed.json', 'tags/intro/rss.xml', 'posts/second/index.html']) {
      const contents = await site.read(file);
      expect(contents, file).not.toContain('About this blog');
      expect(contents, file).not.toContain('The team');
    }
  });

  it('resolves links to a page by its file and by its URL, both ways', async () => {
    const hrefs = byTag(parseHtml(await site.read('posts/hello/index.html')), 'a').map((a) => String(a.properties.href));
    expect(hrefs).toEqual(expect.arrayContaining(['/blog/about/', '/blog/team/#people']));
    const back = byTag(parseHtml(await site.read('about/index.html')), 'a').map((a) => String(a.properties.href));
    expect(back).toContain('/blog/posts/hello/');
  });
});

describe('standalone pages in the checks', () => {
  /** `check --format json` of a copy of the site with `files` added. */
  async function check(files: Record<string, string>) {
    const root = await copySite('pages');
    for (const [file, contents] of Object.entries(files)) await writeFile(path.join(root, 'content', file), contents);
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    return { run, messages: jsonMessages(run).map((message) => ({ ...message, file: path.basename(message.file) })) };
  }

  it('checks links into pages as other internal links: a missing heading of a page is an error', async () => {
    const { run, messages } = await check({ 'posts/third.md': '---\ntitle: Third\ndate: 2025-03-03\n---\nSee [nobody](/team/#nobody) and [them](../pages/team/index.md#people).\n' });
    expect(run.code).toBe(1);
    expect(messages.map((message) => `${message.file} ${message.rule} ${message.severity}`)).toEqual(['third.md broken-anchor error']);
  });

  it('checks a page’s own links as a post’s', async () => {
    const { messages } = await check({ 'pages/links.md': '---\ntitle: Links\n---\nA [missing post](/posts/nope/).\n' });
    expect(messages.map((message) => `${message.file} ${message.rule}`)).toEqual(['links.md broken-link']);
  });

  it('reports a page on a post’s URL, naming both files, and a page on the site’s own paths', async () => {
    const { run, messages } = await check({ 'pages/clash.md': '---\ntitle: Clash\npermalink: /posts/hello/\n---\nSame URL.\n', 'pages/tags.md': '---\ntitle: Tags\n---\nNot the tag index.\n' });
    expect(run.code).toBe(1);
    const duplicate = messages.filter((message) => message.rule === 'duplicate-url');
    expect(duplicate.map((message) => message.file).sort()).toEqual(['clash.md', 'hello.md']);
    expect(duplicate[0]!.message).toMatch(/^URL \/posts\/hello\/ is used by a (post and a page|page and a post): .*hello\.md and .*clash\.md$|^URL \/posts\/hello\/ is used by a (post and a page|page and a post): .*clash\.md and .*hello\.md$/);
    expect(messages.filter((message) => message.rule === 'reserved-url').map((message) => `${message.file}: ${message.message}`)).toEqual(['tags.md: URL /tags/ is reserved for a page the site generates']);
  });

  it('takes a site’s own templates/page.liquid over the default', async () => {
    const root = await copySite('pages');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/page.liquid'), "{% layout 'base.liquid' %}{% block content %}<div class=\"own\">{{ entry.title }}|{{ entry.data.description }}</div>{% endblock %}");
    const built = await buildSite(['--root', root]);
    expect(built.run.code, built.run.stderr).toBe(0);
    expect(await built.read('about/index.html')).toContain('<div class="own">About this blog|Who writes here, and why.</div>');
  });

  it('gives `slug` the file’s name and `permalink` the whole path, as for posts', async () => {
    const root = await copySite('pages');
    await writeFile(path.join(root, 'content/pages/team/contact.md'), '---\ntitle: Contact\nslug: write-to-us\n---\nHi.\n');
    await writeFile(path.join(root, 'content/pages/imprint.md'), '---\ntitle: Imprint\npermalink: /legal/imprint/\n---\nLegal.\n');
    const built = await buildSite(['--root', root]);
    expect(built.run.code, built.run.stderr).toBe(0);
    expect(built.files).toEqual(expect.arrayContaining(['team/write-to-us/index.html', 'legal/imprint/index.html']));
  });

  it('redirects a page’s old URLs (`aliases`, `redirect_from`) to it, as a post’s', async () => {
    const root = await copySite('pages');
    const about = path.join(root, 'content/pages/about.md');
    await writeFile(about, (await readFile(about, 'utf8')).replace('title: About this blog', 'title: About this blog\nredirect_from: [/about.html]'));
    const built = await buildSite(['--root', root]);
    expect(built.run.code, built.run.stderr).toBe(0);
    expect(await built.read('about.html')).toContain('content="0; url=/blog/about/"');
    expect(await built.read('_redirects')).toBe('/blog/about.html /blog/about/ 301\n');
  });
});

describe('list excerpts', () => {
  it('are text: no body images or embeds, the post’s `image` as a small decorative thumbnail', async () => {
    for (const file of ['index.html', 'tags/intro/index.html']) {
      const tree = parseHtml(await site.read(file));
      const summaries = byTag(tree, 'article').filter((article) => (article.properties.className as string[]).includes('post-summary'));
      const second = summaries.find((summary) => text(summary).includes('Second'))!;
      const excerpt = byTag({ type: 'root', children: [second] }, 'div').find((div) => (div.properties.className as string[]).includes('excerpt'))!;
      expect(byTag({ type: 'root', children: [excerpt] }, 'img'), file).toEqual([]);
      expect(byTag({ type: 'root', children: [excerpt] }, 'iframe'), file).toEqual([]);
      expect(text(excerpt).trim()).toBe('Another post, with a link and code.');
      const images = byTag({ type: 'root', children: [second] }, 'img');
      expect(images.map((img) => img.properties)).toEqual([
        { className: ['post-thumb'], src: 'https://example.org/cover.jpg', alt: '', width: 160, height: 90, loading: 'lazy', decoding: 'async' },
      ]);
      // A post without `image` gets no thumbnail.
      const hello = summaries.find((summary) => text(summary).includes('Hello'))!;
      expect(byTag({ type: 'root', children: [hello] }, 'img')).toEqual([]);
    }
  });
});
