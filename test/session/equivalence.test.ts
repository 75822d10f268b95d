/**
 * The dev session and a build decide what to render by the same page keys, so after any edit the
 * pages a dev session holds must be, byte for byte, the pages a fresh full build of the same files
 * writes (with drafts and future posts, as dev shows them). One edit of each kind of input.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import { SiteSession, type Changes } from '../../src/session/site-session.ts';
import { listFiles, PROJECT, tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';
import { png } from '../markdown/png.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
/** The hash a build puts in the names of the theme's files: `style.3f9a0c1b2d.css` → `style.css`. */
const FINGERPRINT = /\.[0-9a-f]{10}(\.(?:css|js))\b/g;
let root: string;
let session: SiteSession;

const content = (name: string) => path.join(root, 'content', name);
const post = (name: string) => content(`posts/${name}`);

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = change(text);
  expect(next, `the edit of ${path.basename(file)} changed nothing`).not.toBe(text);
  await writeFile(file, next);
}

/** A session as `npm run dev` starts one (again, when the config changes). */
async function startSession(): Promise<SiteSession> {
  // The search page of a build says more than dev's (which has no index); the search stage has tests of its own.
  const config = { ...(await loadConfig(root, {}, PROJECT)), search: false };
  const started = new SiteSession(root, config, () => NOW, PROJECT);
  await started.start();
  return started;
}

/** The pages of a fresh, cold build of the site as it is now: every planned file (not static files or post assets). */
async function freshBuild(): Promise<Map<string, string>> {
  const config = { ...(await loadConfig(root, {}, PROJECT)), search: false };
  const out = path.join(await tempDir('blog-equal-'), 'dist');
  const result = await build({ root, out, cwd: PROJECT, drafts: true, future: true, strict: false, dryRun: false, now: NOW, cache: false, threads: 1 }, config);
  expect(result.exitCode, JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))).toBe(0);
  const pages = new Map<string, string>();
  // A build links the theme's files by fingerprinted names (style.3f9a0c1b2d.css), the dev server by
  // their plain names, which its live reload swaps in place (render/theme-assets.ts): the one difference.
  const plain = (text: string) => text.replace(FINGERPRINT, '$1');
  for (const file of await listFiles(out)) {
    if (FINGERPRINT.test(file)) continue;
    if (session.output.has(file) || /\.(?:html|xml|json|txt)$/.test(file)) pages.set(file, plain(await readFile(path.join(out, file), 'utf8')));
  }
  return pages;
}

/** The session's pages equal a fresh build's, file for file. */
async function expectSameAsBuild(): Promise<void> {
  const built = await freshBuild();
  expect([...session.output.keys()].sort()).toEqual([...built.keys()].sort());
  const differing = [...built].filter(([file, text]) => session.output.get(file) !== text).map(([file]) => file);
  expect(differing).toEqual([]);
}

async function update(changes: Partial<Changes>): Promise<void> {
  await session.update({ posts: new Set(), registries: false, ...changes });
}

beforeAll(async () => {
  root = await copySite('shapes');
  session = await startSession();
}, 60_000);

describe('the dev session equals a fresh build', () => {
  it('at start', async () => {
    await expectSameAsBuild();
  });

  it('after a post body edit', async () => {
    await edit(post('toml-post.md'), (text) => text.replace('After the fold.', 'After the fold, edited in dev.'));
    await update({ posts: new Set([post('toml-post.md')]) });
    await expectSameAsBuild();
  });

  it('after an excerpt edit (lists show the new excerpt; nothing moves)', async () => {
    await edit(post('toml-post.md'), (text) => text.replace('Links to', 'Now links to'));
    await update({ posts: new Set([post('toml-post.md')]) });
    expect(session.output.get('tags/rust/index.html')).toContain('Now links to');
    await expectSameAsBuild();
  });

  it('after a title edit', async () => {
    await edit(post('2024/yaml-post.md'), (text) => text.replace('title: "YAML post"', 'title: "YAML post, renamed"'));
    await update({ posts: new Set([post('2024/yaml-post.md')]) });
    await expectSameAsBuild();
  });

  it('after a date edit that moves the post in every list', async () => {
    await edit(post('toml-post.md'), (text) => text.replace('date = 2024-03-01', 'date = 2023-01-15'));
    await update({ posts: new Set([post('toml-post.md')]) });
    await expectSameAsBuild();
  });

  it('after a tags edit', async () => {
    await edit(post('toml-post.md'), (text) => text.replace('tags = ["OSS", "Rust"]', 'tags = ["Rust", "Dev tools"]'));
    await update({ posts: new Set([post('toml-post.md')]) });
    await expectSameAsBuild();
  });

  it('after an authors edit', async () => {
    await edit(post('toml-post.md'), (text) => text.replace('authors = ["gerrit91"]', 'authors = ["editor", "gerrit"]'));
    await update({ posts: new Set([post('toml-post.md')]) });
    await expectSameAsBuild();
  });

  it('after a page template is overridden by the site', async () => {
    await mkdir(path.join(root, 'templates'), { recursive: true });
    const tags = await readFile(path.join(PROJECT, 'templates/tags.liquid'), 'utf8');
    await writeFile(path.join(root, 'templates/tags.liquid'), tags.replace('<h1>{{ t.tags }}</h1>', "<h1>{{ t.tags }}</h1><!-- the site's own tags page -->"));
    await update({ templates: true });
    expect(session.output.get('tags/index.html')).toContain("the site's own tags page");
    await expectSameAsBuild();
  });

  it('after a partial is overridden by the site', async () => {
    const meta = await readFile(path.join(PROJECT, 'templates/_post-meta.liquid'), 'utf8');
    await writeFile(path.join(root, 'templates/_post-meta.liquid'), `${meta}<span class="site-meta"></span>\n`);
    await update({ templates: true });
    expect(session.output.get('posts/toml-post/index.html')).toContain('site-meta');
    await expectSameAsBuild();
  });

  it('after a static image a post shows changes size (its width and height follow)', async () => {
    await mkdir(path.join(root, 'static'), { recursive: true });
    await writeFile(path.join(root, 'static/badge.png'), png(8, 4));
    await edit(post('toml-post.md'), (text) => text.replace('After the fold', '![Badge](/badge.png)\n\nAfter the fold'));
    await update({ posts: new Set([post('toml-post.md')]) });
    expect(session.output.get('posts/toml-post/index.html')).toMatch(/width="8" height="4"/);
    await writeFile(path.join(root, 'static/badge.png'), png(16, 8));
    // As npm run dev does for a file in static/ (src/dev/index.ts): the posts naming it render again.
    await session.assetsChanged([path.join(root, 'static/badge.png')]);
    expect(session.output.get('posts/toml-post/index.html')).toMatch(/width="16" height="8"/);
    await expectSameAsBuild();
  });

  it('after an authors.yml edit', async () => {
    await edit(content('authors.yml'), (text) => text.replace('name: Gerrit', 'name: Gerrit Renamed'));
    await update({ registries: true });
    expect(session.output.get('authors/gerrit/index.html')).toContain('Gerrit Renamed');
    await expectSameAsBuild();
  });

  it('after a tags.yml edit', async () => {
    await edit(content('tags.yml'), (text) => text.replace('label: Open Source', 'label: Open-source software'));
    await update({ registries: true });
    await expectSameAsBuild();
  });

  it('after a config edit (dev starts a new session, as npm run dev does)', async () => {
    await edit(path.join(root, 'site.config.json'), (text) => text.replace('"title": "Shapes"', '"title": "Shapes, renamed"'));
    session = await startSession();
    expect(session.output.get('index.html')).toContain('Shapes, renamed');
    await expectSameAsBuild();
  });
});
