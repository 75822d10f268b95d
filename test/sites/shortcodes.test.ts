/**
 * A site's own shortcode templates (`templates/shortcodes/<name>.liquid`) in whole builds: used
 * by the posts that call them, on worker threads too, kept by the render cache until the
 * template changes (then only its callers render again), and followed by the dev session,
 * as are the posts a `{{< ref >}}` names.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { runCli, spawnCli, tempDir } from '../helpers/cli.ts';

let root: string;
const template = (text: string) => writeFile(path.join(root, 'templates/shortcodes/note.liquid'), text);
const page = (out: string, slug: string) => readFile(path.join(root, out, 'posts', slug, 'index.html'), 'utf8');

async function build(out: string, ...flags: string[]): Promise<string> {
  const run = await runCli(['build', '--root', root, '--out', path.join(root, out), ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return /markdown: .*\)/.exec(run.stderr)?.[0] ?? run.stderr;
}

beforeAll(async () => {
  root = await tempDir('blog-shortcodes-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await mkdir(path.join(root, 'templates/shortcodes'), { recursive: true });
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Shortcodes', url: 'https://example.org/', search: false }));
  await writeFile(path.join(root, 'content/posts/calls.md'), '---\ntitle: Calls\ndate: 2025-01-02\n---\n\n{{< note kind="tip" >}}Watch *this*{{< /note >}}\n\n{% note "eleventy" %}\n');
  await writeFile(path.join(root, 'content/posts/plain.md'), '---\ntitle: Plain\ndate: 2025-01-01\n---\n\nNo shortcode here.\n');
  await template('<aside class="note {{ kind }}">{{ inner | raw }}{{ args[0] }}</aside>');
});

describe('site shortcode templates', () => {
  it('render the calls of a build', async () => {
    await build('dist');
    const html = await page('dist', 'calls');
    expect(html).toContain('<aside class="note tip">Watch *this*</aside>');
    expect(html).toContain('<aside class="note">eleventy</aside>');
  });

  it('reach worker threads', async () => {
    const run = await spawnCli(['build', '--root', root, '--out', path.join(root, 'threads'), '--no-cache', '--threads', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(await page('threads', 'calls')).toBe(await page('dist', 'calls'));
  }, 60_000);

  it('are part of what a cached result holds by: an edit renders the callers again, and only them', async () => {
    // A real build (not one with nothing to do), from the cache.
    await rm(path.join(root, '.cache/last-build'), { recursive: true, force: true });
    expect(await build('dist')).toContain('markdown: 0 rendered, 2 cached');
    await template('<aside class="callout">{{ inner | raw }}</aside>');
    expect(await build('dist')).toContain('markdown: 1 rendered, 1 cached');
    expect(await page('dist', 'calls')).toContain('<aside class="callout">Watch *this*</aside>');
  });

  it("taking a built-in tag's name, render cached posts that used the built-in again", async () => {
    await writeFile(path.join(root, 'content/posts/code.md'), '---\ntitle: Code\ndate: 2025-01-03\n---\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n');
    await build('dist');
    expect(await page('dist', 'code')).toContain('<pre class="shiki');
    await writeFile(path.join(root, 'templates/shortcodes/highlight.liquid'), '<pre class="own">{{ inner }}</pre>');
    expect(await build('dist')).toContain('markdown: 1 rendered, 2 cached');
    expect(await page('dist', 'code')).toContain('<pre class="own">');
    await rm(path.join(root, 'templates/shortcodes/highlight.liquid'));
    await rm(path.join(root, 'content/posts/code.md'));
  });

  it('are followed by the dev session: a template edit renders its callers again', async () => {
    await template('<aside class="note">{{ inner | raw }}</aside>');
    const session = new SiteSession(root, await loadConfig(root, {}, root), () => new Date('2026-01-01T00:00:00Z'), root);
    await session.start();
    expect(session.output.get('posts/calls/index.html')).toContain('<aside class="note">Watch *this*</aside>');
    await template('<aside class="edited">{{ inner | raw }}</aside>');
    const result = await session.update({ posts: new Set(), registries: false, templates: true });
    expect(result.changed).toContain('posts/calls/index.html');
    expect(result.rendered).not.toContain('posts/plain/index.html');
    expect(session.output.get('posts/calls/index.html')).toContain('<aside class="edited">Watch *this*</aside>');
  });

  it('in dev, a post naming another through {{< ref >}} follows it when it moves', async () => {
    const refs = path.join(root, 'content/posts/refs.md');
    await writeFile(refs, '---\ntitle: Refs\ndate: 2025-01-03\n---\n\n[Plain]({{< ref "plain" >}})\n');
    const session = new SiteSession(root, await loadConfig(root, {}, root), () => new Date('2026-01-01T00:00:00Z'), root);
    await session.start();
    expect(session.output.get('posts/refs/index.html')).toContain('href="/posts/plain/"');
    const plain = path.join(root, 'content/posts/plain.md');
    await writeFile(plain, (await readFile(plain, 'utf8')).replace('title: Plain', 'title: Plain\nslug: moved'));
    await session.update({ posts: new Set([plain]), registries: false });
    expect(session.output.get('posts/refs/index.html')).toContain('href="/posts/moved/"');
  });
});
