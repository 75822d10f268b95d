/**
 * A migrated blog keeps its URLs: a config permalink pattern, Hugo's `url`, Zola's `path`, and old
 * URLs from `aliases`/`redirect_from` as redirect pages and `_redirects` lines, under a sub-path.
 * Then the ways an old URL can clash, and posts whose file names collide in different folders.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, buildSite, jsonMessages, runCli, tempDir, type BuiltSite } from '../helpers/cli.ts';

const ROOT = path.join(PROJECT, 'test/sites/urls');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(['--root', ROOT, '--no-cache']);
});

/** Every old URL of the fixture, as an output file, with the post URL it leads to. */
const REDIRECTS: Array<[string, string]> = [
  ['2014/01/01/hello.html', '2014/01/01/hello/'],
  ['old/hello/index.html', '2014/01/01/hello/'],
  ['posts/hugo-post/index.html', 'articles/hugo-post/'],
  ['articles/legacy/index.html', 'articles/hugo-post/'],
  ['old-zola/index.html', '2023/05/04/some-post/'],
];

describe('a migrated blog', () => {
  it('builds, saying how it read what it had to read', () => {
    expect(site.run.code).toBe(0);
    expect(jsonMessages(site.run).map(({ file, line, column, severity, rule }) => `${path.basename(file)}:${line}:${column} ${severity} ${rule}`)).toEqual([
      'hugo-post.md:5:30 info alias-relative',
      'zola-post.md:3:1 info date-from-path',
      'zola-post.md:4:1 info alias-relative',
      // Its URL has a sub-path (/blog/), where no crawler reads robots.txt.
      'site.config.json:1:1 info robots-under-base-path',
    ]);
  });

  it('puts each post at the URL its config pattern, url or path gives it', () => {
    for (const file of ['2014/01/01/hello/index.html', 'articles/hugo-post/index.html', '2023/05/04/some-post/index.html', '2024/05/01/4.2.0/index.html']) {
      expect(site.files).toContain(file);
    }
    expect(site.files.filter((file) => file.startsWith('posts/'))).toEqual(['posts/hugo-post/index.html']);
  });

  it.each(REDIRECTS)('writes a redirect page at %s', async (file, target) => {
    const html = await site.read(file);
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/blog/${target}">`);
    expect(html).toContain(`<link rel="canonical" href="https://example.org/blog/${target}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(new RegExp(`<a href="/blog/${target.replace(/\./g, '\\.')}">[^<]+</a>`));
    // Nothing for Pagefind to index: only post pages carry its marker.
    expect(html).not.toContain('data-pagefind-body');
  });

  it('lists every redirect in _redirects, with the base path, after the site’s own rules', async () => {
    expect(await site.read('_redirects')).toBe(
      [
        "# The site's own rules stay, before the generated ones.",
        '/feed /blog/rss.xml 301',
        '/blog/old-zola/ /blog/2023/05/04/some-post/ 301',
        '/blog/posts/hugo-post/ /blog/articles/hugo-post/ 301',
        '/blog/articles/legacy/ /blog/articles/hugo-post/ 301',
        '/blog/2014/01/01/hello.html /blog/2014/01/01/hello/ 301',
        '/blog/old/hello/ /blog/2014/01/01/hello/ 301',
        '',
      ].join('\n'),
    );
  });

  it('keeps redirects out of the sitemap, the feeds, the search index and the lists', async () => {
    const sitemap = await site.read('sitemap.xml');
    expect(sitemap).toContain('<loc>https://example.org/blog/2014/01/01/hello/</loc>');
    // (The Hugo post's body links to /old/hello/ itself, so feeds carrying it name that one.)
    expect(sitemap).not.toContain('old/hello');
    for (const file of [sitemap, await site.read('rss.xml'), await site.read('feed.json'), await site.read('archive/index.html'), await site.read('index.html')]) {
      for (const old of ['hello.html', 'posts/hugo-post', 'legacy', 'old-zola']) expect(file).not.toContain(old);
    }
    // Pagefind indexed the four posts, and none of the five redirect pages.
    const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
  });

  it('counts a link to an old URL as a working link', async () => {
    expect(await site.read('articles/hugo-post/index.html')).toContain('<a href="/blog/old/hello/">first post</a>');
  });
});

/** Build a site of these posts (path → text) with this config, in a temporary folder. */
async function buildPosts(posts: Record<string, string>, config: Record<string, unknown> = {}, staticFiles: Record<string, string> = {}): Promise<BuiltSite> {
  const root = await tempDir('blog-urls-');
  for (const [name, text] of Object.entries(staticFiles)) {
    await mkdir(path.dirname(path.join(root, 'static', name)), { recursive: true });
    await writeFile(path.join(root, 'static', name), text);
  }
  for (const [name, text] of Object.entries(posts)) {
    await mkdir(path.dirname(path.join(root, 'content/posts', name)), { recursive: true });
    await writeFile(path.join(root, 'content/posts', name), text);
  }
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ url: 'https://example.org/', ...config }));
  return buildSite(['--root', root, '--no-cache']);
}

/** `name:line:column severity rule message` of every message of a run, files named from content/posts/. */
const lines = (run: BuiltSite['run']) =>
  jsonMessages(run).map((m) => `${path.basename(m.file)}:${m.line}:${m.column} ${m.severity} ${m.rule} ${m.message.replace(/\S*content\/posts\//g, '')}`);

describe('a bad config permalink', () => {
  it('stops the run with exit code 2, naming the unknown token', async () => {
    const root = await tempDir('blog-urls-');
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ permalink: '/:year/:monthname/:slug/' }));
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"permalink" "/:year/:monthname/:slug/" is not a URL pattern such as "/:year/:month/:day/:slug/": unknown token :monthname');
  });
});

describe('old URLs the site cannot redirect', () => {
  it('are positioned errors: a post’s URL, a page the site writes, or claimed twice', async () => {
    const built = await buildPosts({
      'a.md': '---\ntitle: A\ndate: 2024-01-01\naliases: [/posts/b/, /tags/]\n---\nA.\n',
      'b.md': '---\ntitle: B\ndate: 2024-01-02\nredirect_from: /old/\n---\nB.\n',
      'c.md': '---\ntitle: C\ndate: 2024-01-03\naliases:\n  - /old\n  - /posts/c/\n---\nC.\n',
    });
    expect(built.run.code).toBe(1);
    const errors = lines(built.run).filter((line) => line.includes(' error '));
    expect(errors).toEqual([
      'a.md:4:11 error redirect-conflict Old URL /posts/b/ is the URL of b.md: it cannot also redirect',
      'a.md:4:22 error redirect-conflict Old URL /tags/ is reserved for a page the site generates',
      `b.md:4:16 error redirect-conflict Old URL /old/ is claimed by two posts: b.md and c.md`,
      `c.md:5:5 error redirect-conflict Old URL /old/ is claimed by two posts: b.md and c.md`,
      "c.md:6:5 error redirect-conflict Old URL /posts/c/ is this post's own URL: it cannot also redirect",
    ]);
  });

  it('are positioned errors where a static file is, not a crash or a silent overwrite', async () => {
    const built = await buildPosts(
      { 'a.md': '---\ntitle: A\ndate: 2024-01-01\naliases: [/notes.txt, /olddir/, /fine/]\n---\nA.\n' },
      {},
      { 'notes.txt': 'notes', 'olddir/index.html': '<p>mine' },
    );
    expect(built.run.code).toBe(1);
    expect(lines(built.run).filter((line) => line.includes(' error '))).toEqual([
      'a.md:4:11 error redirect-conflict Old URL /notes.txt/ would overwrite the static file /notes.txt, where its page needs a folder: remove one of them',
      'a.md:4:23 error redirect-conflict Old URL /olddir/ would overwrite the static file /olddir/index.html: remove one of them',
    ]);
  });
});

describe('posts whose file names collide in different folders', () => {
  it('keep their folders, with a message naming the other file; every other URL stays', async () => {
    const built = await buildPosts({
      '2019/intro.md': '---\ntitle: Intro 2019\ndate: 2019-01-01\n---\nOld.\n',
      '2020/intro.md': '---\ntitle: Intro 2020\ndate: 2020-01-01\n---\nNew.\n',
      'a/index.md': '---\ntitle: Bundle a\ndate: 2021-01-01\n---\nA bundle.\n',
      'b/a.md': '---\ntitle: File a\ndate: 2021-01-02\n---\nA file.\n',
      '2019/other.md': '---\ntitle: Other\ndate: 2019-02-01\n---\nStays.\n',
    });
    expect(built.run.code).toBe(0);
    for (const file of ['posts/2019/intro/index.html', 'posts/2020/intro/index.html', 'posts/a/index.html', 'posts/b/a/index.html', 'posts/other/index.html']) {
      expect(built.files).toContain(file);
    }
    expect(built.files).not.toContain('posts/intro/index.html');
    expect(lines(built.run).filter((line) => line.includes('url-from-folder'))).toEqual([
      'intro.md:1:1 info url-from-folder URL /posts/intro/ is also that of 2020/intro.md: this post keeps its folder, /posts/2019/intro/',
      'intro.md:1:1 info url-from-folder URL /posts/intro/ is also that of 2019/intro.md: this post keeps its folder, /posts/2020/intro/',
      'a.md:1:1 info url-from-folder URL /posts/a/ is also that of a/index.md: this post keeps its folder, /posts/b/a/',
    ]);
  });

  it('an explicit slug or permalink collision stays an error', async () => {
    const built = await buildPosts({
      '2019/intro.md': '---\ntitle: One\ndate: 2019-01-01\nslug: intro\n---\nOne.\n',
      '2020/intro.md': '---\ntitle: Two\ndate: 2020-01-01\nslug: intro\n---\nTwo.\n',
    });
    expect(built.run.code).toBe(1);
    expect(jsonMessages(built.run).filter((m) => m.severity === 'error').map((m) => m.rule)).toEqual(['duplicate-url', 'duplicate-url']);
  });
});
