/** The dev session's dependency graph: which files one change renders again, on a real site copy. */
import { mkdir, rm, writeFile, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { templateClosures } from '../../src/render/template-deps.ts';
import { PROJECT } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

let root: string;
let session: SiteSession;
const post = (name: string) => path.join(root, 'content/posts', name);
const edit = async (name: string, change: (text: string) => string) => writeFile(post(name), change(await readFile(post(name), 'utf8')));

beforeEach(async () => {
  root = await copySite('shapes');
  session = new SiteSession(root, await loadConfig(root, {}, process.cwd()), () => new Date('2026-01-01T00:00:00Z'), process.cwd());
  await session.start();
});

describe('SiteSession', () => {
  it('renders everything at start, drafts and future posts included', () => {
    expect(session.output.get('posts/toml-post/index.html')).toContain('TOML post');
    expect(session.output.get('posts/draft-post/index.html')).toContain('<strong class="badge badge-draft">Draft</strong>');
    expect(session.output.get('posts/future-post/index.html')).toContain('<strong class="badge badge-future">Scheduled</strong>');
    expect(session.output.get('posts/toml-post/index.html')).not.toContain('class="badge');
  });

  it('serves the site’s own static/robots.txt, as a build publishes it, not the generated one', async () => {
    expect(session.output.get('robots.txt')).toContain('Sitemap:');
    await mkdir(path.join(root, 'static'), { recursive: true });
    await writeFile(path.join(root, 'static/robots.txt'), 'User-agent: *\nDisallow: /\n');
    const own = new SiteSession(root, await loadConfig(root, {}, process.cwd()), () => new Date('2026-01-01T00:00:00Z'), process.cwd());
    await own.start();
    expect(own.output.has('robots.txt')).toBe(false);
  });

  it('re-renders only the pages that show a post whose body changed', async () => {
    await edit('toml-post.md', (text) => text.replace('After the fold.', 'After the fold, edited.'));
    const result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    // The body is below the fold: the post page and the feeds carrying the full content change; lists do not.
    expect(result.changed.sort()).toEqual(['atom.xml', 'feed.json', 'posts/toml-post/index.html', 'rss.xml', 'tags/open-source/rss.xml', 'tags/rust/rss.xml']);
    expect(session.output.get('posts/toml-post/index.html')).toContain('After the fold, edited.');
    // Rendered again: only what shows the body. Neighbours show its title, lists its excerpt: both unchanged.
    expect(result.rendered.sort()).toEqual(result.changed);
  });

  it('re-renders the lists a post is on when its excerpt changes, but not its neighbours', async () => {
    await edit('toml-post.md', (text) => text.replace('Links to', 'Now links to'));
    const result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(result.rendered).toEqual(expect.arrayContaining(['posts/toml-post/index.html', 'tags/rust/index.html']));
    expect(result.rendered).not.toContain('posts/yaml-post/index.html');
    expect(session.output.get('tags/rust/index.html')).toContain('Now links to');
  });

  it('moves a post whose slug changes, and removes its old URL', async () => {
    await edit('toml-post.md', (text) => text.replace('title = "TOML post"', 'title = "TOML post"\nslug = "renamed"'));
    const result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(result.removed).toContain('posts/toml-post/index.html');
    expect(result.changed).toContain('posts/renamed/index.html');
    expect(session.output.has('posts/toml-post/index.html')).toBe(false);
  });

  it('adds a new post to the lists and removes a deleted one', async () => {
    await writeFile(post('brand-new.md'), '---\ntitle: Brand new\ndate: 2025-06-01\ntags: [rust]\n---\nFresh.\n');
    let result = await session.update({ posts: new Set([post('brand-new.md')]), registries: false });
    expect(result.changed).toEqual(expect.arrayContaining(['posts/brand-new/index.html', 'index.html', 'tags/rust/index.html', 'tags/index.html']));
    expect(session.output.get('index.html')).toContain('Brand new');

    await rm(post('brand-new.md'));
    result = await session.update({ posts: new Set([post('brand-new.md')]), registries: false });
    expect(result.removed).toContain('posts/brand-new/index.html');
    expect(session.output.get('index.html')).not.toContain('Brand new');
  });

  it('follows a rename: the page moves to the new file name', async () => {
    await rename(post('toml-post.md'), post('toml-renamed.md'));
    await session.update({ posts: new Set([post('toml-post.md'), post('toml-renamed.md')]), registries: false });
    expect(session.output.has('posts/toml-post/index.html')).toBe(false);
    expect(session.output.get('posts/toml-renamed/index.html')).toContain('TOML post');
  });

  it('keeps the last good page when front matter breaks, with the error on the file, and recovers', async () => {
    const good = await readFile(post('toml-post.md'), 'utf8');
    await writeFile(post('toml-post.md'), good.replace('title = "TOML post"', 'title = "TOML post'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    const errors = session.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${path.basename(file.path)}:${m.line} ${m.ruleId}`));
    expect(errors).toEqual(['toml-post.md:2 frontmatter-syntax']);
    expect(session.output.get('posts/toml-post/index.html')).toContain('TOML post');

    await writeFile(post('toml-post.md'), good.replace('After the fold.', 'Fixed.'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(session.files.flatMap((file) => file.messages.filter((m) => m.fatal))).toEqual([]);
    expect(session.output.get('posts/toml-post/index.html')).toContain('Fixed.');
  });

  it('runs the checks on an edited post, so a broken link shows (and goes), rendering only what shows the post', async () => {
    const good = await readFile(post('toml-post.md'), 'utf8');
    const errors = () => session.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${path.basename(file.path)} ${m.ruleId}`));
    await writeFile(post('toml-post.md'), good.replace('After the fold.', 'After the fold, see [nowhere](/posts/nowhere/).'));
    const broken = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(broken.rendered).not.toContain('tags/index.html'); // its key is unchanged: the tags page shows no body
    expect(errors()).toEqual(['toml-post.md broken-link']);
    await writeFile(post('toml-post.md'), good);
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(errors()).toEqual([]);
  });

  it('sums up links to paths outside the blog after an edit, and forgets them when they go', async () => {
    const good = await readFile(post('toml-post.md'), 'utf8');
    const summary = () => session.files.flatMap((file) => (/site\.config\.\w+$/.test(file.path) ? file.messages.map((m) => m.reason) : []));
    await writeFile(post('toml-post.md'), good.replace('After the fold.', 'After the fold, see [the docs](/docs/intro) and [more](/docs/more).'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(summary()).toEqual([expect.stringMatching(/^2 links to \/docs\/… \(not part of this blog\)/)]);
    await writeFile(post('toml-post.md'), good);
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(summary()).toEqual([]);
  });

  it('re-resolves .md links when the target post moves', async () => {
    await edit('2024/yaml-post.md', (text) => text.replace('title: "YAML post"', 'title: "YAML post"\r\nslug: yaml-moved'));
    await session.update({ posts: new Set([post('2024/yaml-post.md')]), registries: false });
    expect(session.output.get('posts/toml-post/index.html')).toContain('href="/blog/posts/yaml-moved/#details"');
  });

  it('applies an authors.yml change to every page that names the author', async () => {
    const file = path.join(root, 'content/authors.yml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Gerrit', 'name: Gerrit Renamed'));
    const result = await session.update({ posts: new Set(), registries: true });
    expect(result.changed).toEqual(expect.arrayContaining(['posts/toml-post/index.html', 'authors/gerrit/index.html', 'authors/index.html']));
    expect(session.output.get('posts/toml-post/index.html')).toContain('Gerrit Renamed');
  });
});

describe('SiteSession after review', () => {
  it('updates the pages that show a post whose .md link target moved, without piling up messages', async () => {
    const count = () => session.files.find((file) => file.path.endsWith('toml-post.md'))!.messages.length;
    const before = count();
    for (const slug of ['moved-once', 'moved-twice']) {
      await edit('2024/yaml-post.md', (text) => text.replace(/title: "YAML post"(\r\nslug: [^\r]*)?/, `title: "YAML post"\r\nslug: ${slug}`));
      await session.update({ posts: new Set([post('2024/yaml-post.md')]), registries: false });
    }
    // The toml post's excerpt links to the yaml post, and tag pages show that excerpt.
    expect(session.output.get('tags/rust/index.html')).toContain('/blog/posts/moved-twice/#details');
    expect(count()).toBe(before);
  });

  it('renders again every page a template error stopped, once the template is fixed', async () => {
    const template = path.join(root, 'templates/post.liquid');
    await mkdir(path.dirname(template), { recursive: true });
    const good = await readFile(path.join(PROJECT, 'templates/post.liquid'), 'utf8');
    await writeFile(template, '{% if %}');
    await session.update({ posts: new Set(), registries: false, templates: true });
    expect(session.files.some((file) => file.path.endsWith('post.liquid') && file.messages.some((m) => m.fatal))).toBe(true);
    await edit('toml-post.md', (text) => text.replace('After the fold.', 'Written while the template was broken.'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    await writeFile(template, good);
    await session.update({ posts: new Set(), registries: false, templates: true });
    expect(session.output.get('posts/toml-post/index.html')).toContain('Written while the template was broken.');
    expect(session.files.some((file) => file.messages.some((m) => m.fatal))).toBe(false);
  });

  it('drops a front matter key that was removed (no stale canonical link)', async () => {
    const good = await readFile(post('toml-post.md'), 'utf8');
    await writeFile(post('toml-post.md'), good.replace('+++\n\n', 'canonical = "https://other.example/x"\n+++\n\n'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(session.output.get('posts/toml-post/index.html')).toContain('https://other.example/x');
    await writeFile(post('toml-post.md'), good);
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(session.output.get('posts/toml-post/index.html')).not.toContain('https://other.example/x');
  });

  it('serves an image added after the post that shows it', async () => {
    await edit('toml-post.md', (text) => text.replace('After the fold.', 'After the fold. ![Later](./later.png)'));
    await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(session.assets.has('posts/toml-post/later.png')).toBe(false);
    await writeFile(post('later.png'), 'png');
    await session.assetsChanged([post('later.png')]);
    expect(session.assets.get('posts/toml-post/later.png')).toBe(post('later.png'));
  });
});

describe('SiteSession and old URLs', () => {
  it('writes a redirect page and _redirects when a post gains an alias, and drops them when it goes', async () => {
    const good = await readFile(post('toml-post.md'), 'utf8');
    await writeFile(post('toml-post.md'), good.replace('+++\n\n', 'aliases = ["/old-toml/"]\n+++\n\n'));
    let result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(result.changed).toEqual(expect.arrayContaining(['old-toml/index.html', '_redirects']));
    expect(session.output.get('old-toml/index.html')).toContain('content="0; url=/blog/posts/toml-post/"');
    expect(session.output.get('_redirects')).toBe('/blog/old-toml/ /blog/posts/toml-post/ 301\n');

    await writeFile(post('toml-post.md'), good.replace('+++\n\n', 'aliases = ["/older-toml/"]\n+++\n\n'));
    result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(result.removed).toContain('old-toml/index.html');
    expect(result.changed).toEqual(expect.arrayContaining(['older-toml/index.html', '_redirects']));

    await writeFile(post('toml-post.md'), good);
    result = await session.update({ posts: new Set([post('toml-post.md')]), registries: false });
    expect(result.removed.sort()).toEqual(['_redirects', 'older-toml/index.html']);
  });

  it('moves a post when another post takes its file name, and back when that one goes', async () => {
    await mkdir(path.join(root, 'content/posts/2025'));
    await writeFile(post('2025/yaml-post.md'), '---\ntitle: Another YAML post\ndate: 2025-01-01\n---\nSame name.\n');
    let result = await session.update({ posts: new Set([post('2025/yaml-post.md')]), registries: false });
    expect(result.removed).toContain('posts/yaml-post/index.html');
    expect(session.output.get('posts/2024/yaml-post/index.html')).toContain('YAML post');
    expect(session.output.get('posts/2025/yaml-post/index.html')).toContain('Another YAML post');
    // The TOML post links to ./2024/yaml-post.md: it follows the move.
    expect(session.output.get('posts/toml-post/index.html')).toContain('href="/blog/posts/2024/yaml-post/#details"');

    await rm(post('2025/yaml-post.md'));
    result = await session.update({ posts: new Set([post('2025/yaml-post.md')]), registries: false });
    expect(session.output.has('posts/2024/yaml-post/index.html')).toBe(false);
    expect(session.output.get('posts/yaml-post/index.html')).toContain('YAML post');
    expect(session.output.get('posts/toml-post/index.html')).toContain('href="/blog/posts/yaml-post/#details"');
    expect(session.files.flatMap((file) => file.messages.map((m) => m.ruleId))).not.toContain('url-from-folder');
  });
});

describe('templateClosures', () => {
  const defaults = [path.join(PROJECT, 'templates')];
  const file = (name: string) => path.join(PROJECT, 'templates', name);
  const closureOf = templateClosures(defaults);

  it('a page template uses itself, its layout and its partials', () => {
    expect(closureOf('tags')).toContain(file('tags.liquid'));
    expect(closureOf('tags')).not.toContain(file('post.liquid'));
  });

  it('a partial is used by the pages that render it, not the others', () => {
    expect(closureOf('post')).toContain(file('_post-meta.liquid'));
    expect(closureOf('tags')).not.toContain(file('_post-meta.liquid'));
  });

  it('the layout is used by every page', () => {
    for (const page of ['home', 'post', 'tags', 'tag', 'authors', 'author', 'archive', '404']) expect(closureOf(page)).toContain(file('base.liquid'));
  });

  it('a site template of the same name wins over the default', async () => {
    const site = path.join(root, 'templates');
    await mkdir(site, { recursive: true });
    await writeFile(path.join(site, 'tags.liquid'), '{% layout "base" %}{% block content %}tags{% endblock %}');
    const closure = templateClosures([site, ...defaults])('tags');
    expect(closure).toContain(path.join(site, 'tags.liquid'));
    expect(closure).toContain(file('base.liquid'));
    expect(closure).not.toContain(file('tags.liquid'));
  });
});
