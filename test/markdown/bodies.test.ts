/**
 * Big sites keep post bodies in a file (bodies.ts): the rendered posts must be the same as when
 * every body stays in memory (workers stream results through the same path: test/sites/cache.test.ts), and a body assigned
 * later (the dev server patching an edited post) must replace the stored one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { openBucket } from '../../src/cache/store.ts';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';
import { normalizePost } from '../../src/content/normalize/index.ts';
import type { MarkdownContext, MarkdownResult } from '../../src/markdown/job.ts';
import { openBodyStore } from '../../src/markdown/bodies.ts';
import { renderPosts } from '../../src/markdown/stage.ts';
import type { Post, RenderedPost, SiteConfig } from '../../src/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/markdown');
const CONFIG: SiteConfig = { title: 'T', description: '', url: 'https://example.org/', language: 'en', timezone: 'UTC', postsPerPage: 10 };

/** Every markdown fixture as a normalised post, read fresh (messages land on each read's own file). */
async function fixturePosts(): Promise<Post[]> {
  return Promise.all(
    readdirSync(FIXTURES)
      .sort()
      .map(async (name) => {
        const markdown = path.join(FIXTURES, name, 'input.md');
        const absolutePath = existsSync(markdown) ? markdown : `${markdown}x`;
        const file = new VFile({ path: absolutePath, value: await readFile(absolutePath, 'utf8') });
        file.data.absolutePath = absolutePath;
        const parsed = parseFrontMatter(String(file.value));
        if (!parsed.ok) throw new Error(`bad front matter in ${name}`);
        const raw = { file, relPath: `${name}${path.extname(absolutePath)}`, frontMatter: parsed.frontMatter, mtime: new Date(0) };
        return normalizePost(raw, { config: CONFIG, authors: new Map(), tags: new Map(), now: new Date(0), report: () => undefined });
      }),
  );
}

async function render(options: { threads: number; spillAt: number }): Promise<RenderedPost[]> {
  const posts = await fixturePosts();
  const context: MarkdownContext = { basePath: '/', cwd: process.cwd(), contentDir: FIXTURES, staticDirs: [], postPaths: new Map(posts.map((post) => [post.raw.file.data.absolutePath!, post.path])) };
  const cache = openBucket<MarkdownResult>(FIXTURES, 'unused', false);
  return (await renderPosts(posts, context, { cache, ...options })).rendered;
}

/** What a post shows, as plain data (getters read). */
const shown = (posts: RenderedPost[]) => posts.map(({ raw: _, ...post }) => ({ ...post, assets: [...post.assets] }));

describe('bodies kept in a file', () => {
  it('give the same posts as bodies kept in memory', async () => {
    const inMemory = await render({ threads: 1, spillAt: Infinity });
    const spilled = await render({ threads: 1, spillAt: 1 });
    expect(inMemory.some((post) => post.html.length > 1000)).toBe(true);
    expect(shown(spilled)).toEqual(shown(inMemory));
    // Not held: every body is read from the store when asked for.
    for (const post of spilled) expect(Object.getOwnPropertyDescriptor(post, 'html')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(inMemory[0]!, 'html')?.get).toBeUndefined();
  }, 120_000);

  it('give way to a body assigned later', async () => {
    const [post] = await render({ threads: 1, spillAt: 1 });
    Object.assign(post!, { html: '<p>edited</p>' });
    expect(post!.html).toBe('<p>edited</p>');
    expect(Object.getOwnPropertyDescriptor(post!, 'html')?.get).toBeUndefined();
  });
});

describe('the body store', () => {
  it('holds no body in memory once it is written: only where to read it back', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const store = openBodyStore();
    const body = (i: number) => `<p>${String(i).padStart(6, '0')}</p>`.repeat(100_000); // 1.3 MB each
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const loads = Array.from({ length: 40 }, (_, i) => store.keep(body(i)));
    const grown = () => process.memoryUsage().arrayBuffers - before;
    // V8 frees the backing stores of collected buffers on a background thread: on a busy machine the
    // count right after gc() can still hold some. A few turns let it catch up; bytes still held never go.
    gc();
    for (let turn = 0; turn < 20 && grown() >= 8 * 2 ** 20; turn++) {
      await new Promise(setImmediate);
      gc();
    }
    // 40 bodies of 1.3 MB: when each loader kept its bytes, this grew by 52 MB.
    expect(grown()).toBeLessThan(8 * 2 ** 20);
    expect(loads[7]!()).toBe(body(7));
    expect(loads[39]!()).toBe(body(39));
  });
});
