/**
 * Image sizes come from the image files, so a cached rendering must not outlive a change to one:
 * the persistent markdown cache re-renders exactly the posts whose images changed.
 */
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBucket } from '../../src/cache/store.ts';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';
import { normalizePost } from '../../src/content/normalize/index.ts';
import type { MarkdownContext, MarkdownResult } from '../../src/markdown/job.ts';
import { renderPosts } from '../../src/markdown/stage.ts';
import type { Post, SiteConfig } from '../../src/types.ts';
import { tempDir } from '../helpers/cli.ts';
import { png } from './png.ts';

const CONFIG: SiteConfig = { title: 'T', description: '', url: 'https://example.org/', language: 'en', timezone: 'UTC', postsPerPage: 10 };
let root = '';

async function post(name: string): Promise<Post> {
  const absolutePath = path.join(root, 'content/posts', `${name}.md`);
  const file = new VFile({ path: absolutePath, cwd: root, value: await readFile(absolutePath, 'utf8') });
  file.data.absolutePath = absolutePath;
  const parsed = parseFrontMatter(String(file.value));
  if (!parsed.ok) throw new Error('bad front matter');
  return normalizePost({ file, relPath: `${name}.md`, frontMatter: parsed.frontMatter, mtime: new Date(0) }, { config: CONFIG, authors: new Map(), tags: new Map(), now: new Date(), report: () => undefined });
}

/** One build's markdown stage over both posts, against the persistent cache in `root`. */
async function build() {
  const posts = [await post('photo'), await post('text')];
  const context: MarkdownContext = { basePath: '/', cwd: process.cwd(), contentDir: path.join(root, 'content'), staticDirs: [path.join(root, 'static')], postPaths: new Map(posts.map((p) => [p.raw.file.data.absolutePath!, p.path])) };
  const cache = openBucket<MarkdownResult>(path.join(root, '.cache'), 'markdown', true);
  const { rendered, stats } = await renderPosts(posts, context, { cache, threads: 1 });
  const sizes = rendered[0]!.html.match(/width="\d+" height="\d+"/g);
  return { stats, sizes };
}

beforeAll(async () => {
  root = await tempDir('blog-image-cache-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await mkdir(path.join(root, 'static'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/photo.md'), '---\ntitle: Photo\n---\n\n![Beside the post](./photo.png) ![From static](/logo.png)\n');
  await writeFile(path.join(root, 'content/posts/text.md'), '---\ntitle: Text\n---\n\nNo images here.\n');
  await writeFile(path.join(root, 'content/posts/photo.png'), png(3, 2));
  await writeFile(path.join(root, 'static/logo.png'), png(8, 8));
});

describe('the markdown cache and image sizes', () => {
  it('serves a rendering while its images are unchanged', async () => {
    expect(await build()).toEqual({ stats: { cached: 0, rendered: 2 }, sizes: ['width="3" height="2"', 'width="8" height="8"'] });
    expect(await build()).toEqual({ stats: { cached: 2, rendered: 0 }, sizes: ['width="3" height="2"', 'width="8" height="8"'] });
  });

  it('re-renders the post whose image beside it changed', async () => {
    await writeFile(path.join(root, 'content/posts/photo.png'), png(5, 4));
    expect(await build()).toEqual({ stats: { cached: 1, rendered: 1 }, sizes: ['width="5" height="4"', 'width="8" height="8"'] });
  });

  it('re-renders the post whose image in static/ changed', async () => {
    const image = path.join(root, 'static/logo.png');
    await writeFile(image, png(4, 16));
    // Move the mtime clearly, so a file system with a coarse clock cannot hide the change.
    await utimes(image, new Date(), new Date(Date.now() + 5000));
    expect(await build()).toEqual({ stats: { cached: 1, rendered: 1 }, sizes: ['width="5" height="4"', 'width="4" height="16"'] });
  });
});
