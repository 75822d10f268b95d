/**
 * Every output file is planned before anything is written (src/render/output-plan.ts): two
 * outputs for one file, or a file where another output needs a folder, is a positioned content
 * error that `check` finds too, and `build` stops with exit 1 before the output is touched. These
 * used to pass `check` and end `build` in "Unexpected failure" and a stack trace (EEXIST, ENOTDIR,
 * "Two outputs for one file") after the whole site had rendered.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonMessages, listFiles, runCli, tempDir } from '../helpers/cli.ts';

/** A site of these files (path under the site → text), search on unless the config says otherwise. */
async function makeSite(files: Record<string, string>, config: Record<string, unknown> = {}): Promise<string> {
  const root = await tempDir('blog-outplan-');
  for (const [name, text] of Object.entries({ 'site.config.json': JSON.stringify({ url: 'https://example.org/', ...config }), ...files })) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

const post = (front: string, body = 'Hello.') => `---\ntitle: T\ndate: 2024-01-01\n${front}---\n\n${body}\n`;

/** `file:line:column rule message` of every error of a run, files relative to the site. */
async function errorsOf(command: 'check' | 'build', root: string, out?: string): Promise<{ code: number; stderr: string; errors: string[] }> {
  const run = await runCli([command, '--root', root, '--no-cache', '--format', 'json', ...(out ? ['--out', out] : [])]);
  const errors = jsonMessages(run)
    .filter((message) => message.severity === 'error')
    .map((m) => `${path.relative(root, path.resolve(m.file))}:${m.line}:${m.column} ${m.rule} ${m.message.replaceAll(`${path.relative(process.cwd(), root)}/`, '')}`);
  return { code: run.code, stderr: run.stderr, errors };
}

/** `check` and `build` both fail with exactly `expected`, and the build leaves no output and no stack. */
async function expectBoth(root: string, expected: string[]): Promise<void> {
  const checked = await errorsOf('check', root);
  expect(checked.errors).toEqual(expected);
  expect(checked.code).toBe(1);
  const out = path.join(await tempDir('blog-outplan-out-'), 'dist');
  const built = await errorsOf('build', root, out);
  expect(built.stderr).not.toContain('Unexpected failure');
  expect(built.errors).toEqual(expected);
  expect(built.code).toBe(1);
}

describe('outputs that collide', () => {
  it('a file beside a post at /a.html lands on the site’s /rss.xml: an error at the permalink', async () => {
    const root = await makeSite({
      'content/posts/a/index.md': post('permalink: /a.html\n', 'See [the file](rss.xml).'),
      'content/posts/a/rss.xml': '<rss/>',
    });
    await expectBoth(root, [
      'content/posts/a/index.md:4:12 output-conflict Two outputs for /rss.xml: the generated rss.xml and content/posts/a/rss.xml, copied with its post',
    ]);
  });

  it('a static file inside pagefind/, which the search index writes alone: an error on the static file', async () => {
    const root = await makeSite({ 'content/posts/b.md': post(''), 'static/pagefind/pagefind.js': 'x' });
    await expectBoth(root, [
      'static/pagefind/pagefind.js:1:1 output-conflict /pagefind/pagefind.js (the static file static/pagefind/pagefind.js) is inside /pagefind/, a folder only the search index writes',
    ]);
  });

  it('is no conflict in pagefind/ with search off', async () => {
    const root = await makeSite({ 'content/posts/b.md': post(''), 'static/pagefind/pagefind.js': 'x' }, { search: false });
    expect((await errorsOf('check', root)).errors).toEqual([]);
  });

  it('a post whose page needs a folder where a static file is: an error at the permalink, naming both', async () => {
    const root = await makeSite({ 'content/posts/c.md': post('permalink: /about.txt/\n'), 'static/about.txt': 'x' });
    await expectBoth(root, [
      'content/posts/c.md:4:12 output-conflict /about.txt is both a file (the static file static/about.txt) and a folder, for /about.txt/index.html (the post content/posts/c.md)',
    ]);
  });

  it('a page where another post’s page is a file: an error on both posts', async () => {
    const root = await makeSite({ 'content/posts/a.md': post('permalink: /a.html\n'), 'content/posts/b.md': post('slug: x\npermalink: /a.html/b/\n') });
    const reason = '/a.html is both a file (the post content/posts/a.md) and a folder, for /a.html/b/index.html (the post content/posts/b.md)';
    await expectBoth(root, [`content/posts/a.md:4:12 output-conflict ${reason}`, `content/posts/b.md:5:12 output-conflict ${reason}`]);
  });

  it('a page where a file beside another post is copied: an error on both posts', async () => {
    const root = await makeSite({
      'content/posts/g/index.md': post('permalink: /g/\n', 'See [the photo](p.jpg).'),
      'content/posts/g/p.jpg': 'not really a photo',
      'content/posts/b.md': post('permalink: /g/p.jpg/\n'),
    });
    const reason = '/g/p.jpg is both a file (content/posts/g/p.jpg, copied with its post) and a folder, for /g/p.jpg/index.html (the post content/posts/b.md)';
    await expectBoth(root, [`content/posts/b.md:4:12 output-conflict ${reason}`, `content/posts/g/index.md:4:12 output-conflict ${reason}`]);
  });

  it('a static file where the site writes its feed or sitemap: an error on the static file', async () => {
    const root = await makeSite({ 'content/posts/a.md': post(''), 'static/feed.json': '{}', 'static/sitemap.xml': 'x', 'static/robots.txt': 'x' });
    await expectBoth(root, [
      'static/feed.json:1:1 output-conflict Two outputs for /feed.json: the generated feed.json and the static file static/feed.json',
      'static/sitemap.xml:1:1 output-conflict Two outputs for /sitemap.xml: the generated sitemap.xml and the static file static/sitemap.xml',
    ]);
  });

  it('an image beside a post that lands on one of the theme’s static files: an error at the permalink that put it there', async () => {
    const root = await makeSite({
      'content/posts/a/index.md': post('permalink: /a.html\n', 'Text.\n\n<img src="favicon.svg" alt="icon">'),
      'content/posts/a/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const { errors } = await errorsOf('check', root);
    expect(errors).toEqual([
      `content/posts/a/index.md:4:12 output-conflict Two outputs for /favicon.svg: content/posts/a/favicon.svg, copied with its post and the static file static/favicon.svg`,
    ]);
  });

  it('lets the site’s own static/robots.txt replace the generated one', async () => {
    const root = await makeSite({ 'content/posts/a.md': post(''), 'static/robots.txt': 'User-agent: *\nDisallow: /drafts/\n' });
    const out = path.join(await tempDir('blog-outplan-out-'), 'dist');
    const built = await errorsOf('build', root, out);
    expect(built.errors).toEqual([]);
    expect(built.code).toBe(0);
    expect(await readFile(path.join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /drafts/\n');
  });

  it('keeps the site’s own static/_redirects, merged into the generated one', async () => {
    const root = await makeSite({ 'content/posts/a.md': post('aliases: [/old/]\n'), 'static/_redirects': '/x /y 301\n' });
    expect((await errorsOf('check', root)).errors).toEqual([]);
  });

  it('leaves the previous output as it was', async () => {
    const root = await makeSite({ 'content/posts/c.md': post('permalink: /about/\n') });
    const out = path.join(await tempDir('blog-outplan-out-'), 'dist');
    expect((await errorsOf('build', root, out)).code).toBe(0);
    const before = await listFiles(out);
    const page = await readFile(path.join(out, 'about/index.html'), 'utf8');
    await writeFile(path.join(root, 'content/posts/c.md'), post('permalink: /about.txt/\n'));
    await writeFile(path.join(root, 'static/about.txt'), 'x').catch(async () => {
      await mkdir(path.join(root, 'static'));
      await writeFile(path.join(root, 'static/about.txt'), 'x');
    });
    const failed = await errorsOf('build', root, out);
    expect(failed.code).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(await listFiles(out)).toEqual(before);
    expect(await readFile(path.join(out, 'about/index.html'), 'utf8')).toBe(page);
  });
});
