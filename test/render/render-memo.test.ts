/**
 * List pages show each post's summary rendered once (render-memo.ts): what they show must be what
 * rendering the summary partial afresh shows, each post its own, and the rendering must be reused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RenderTag } from 'liquidjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/render/liquid.ts';
import { planPages } from '../../src/render/pages.ts';
import { makeSite } from '../pages/fixture.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every page of the fixture site through `engine`. */
function renderAll(engine: ReturnType<typeof createEngine>): Map<string, string> {
  return new Map(planPages(makeSite()).map((plan) => [plan.file, plan.render(engine) as string]));
}

/** The `<article class="post-summary">` blocks of a page. */
function summaries(html: string): string[] {
  return html.match(/<article class="post-summary">[\s\S]*?<\/article>/g) ?? [];
}

describe('list pages from rendered summaries', () => {
  const memoised = renderAll(createEngine([TEMPLATES]));
  const plain = createEngine([TEMPLATES]);
  plain.registerTag('render', RenderTag);
  const afresh = renderAll(plain);

  it('renders every page as rendering each partial afresh does', () => {
    expect([...memoised.keys()]).toEqual([...afresh.keys()]);
    for (const [file, html] of memoised) expect(html, file).toBe(afresh.get(file));
  });

  it('shows a post’s summary the same on the home page and on its tag pages, and each post its own', () => {
    const home = summaries(memoised.get('index.html')!);
    const tag = summaries(memoised.get('tags/javascript/index.html')!);
    expect(home.length).toBeGreaterThan(1);
    expect(new Set(home).size).toBe(home.length);
    const shared = home.filter((summary) => tag.includes(summary));
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('the render memo', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-memo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'card.liquid'), '[{{ post.title }}]');
  writeFileSync(path.join(dir, 'other.liquid'), '({{ post.title }})');
  writeFileSync(path.join(dir, 'list.liquid'), "{% for post in posts %}{% render 'card', post: post %}{% endfor %}");
  writeFileSync(path.join(dir, 'both.liquid'), "{% render 'card', post: post %}{% render 'other', post: post %}");
  writeFileSync(path.join(dir, 'each.liquid'), "{% render 'card' for posts as post %}");
  writeFileSync(path.join(dir, 'index.liquid'), '{{ loop.index }}');
  writeFileSync(path.join(dir, 'loop.liquid'), "{% for post in posts %}{% render 'index', loop: forloop %}{% endfor %}");

  it('renders a value it has seen before from memory, on any page', () => {
    const engine = createEngine([dir]);
    const first = { title: 'one' };
    expect(engine.renderFileSync('list', { posts: [first, { title: 'two' }] })).toBe('[one][two]');
    // A view is never changed; this one is, only to show that its first rendering is what comes back.
    first.title = 'changed';
    expect(engine.renderFileSync('list', { posts: [first] })).toBe('[one]');
    // Another engine (templates changed) renders afresh.
    expect(createEngine([dir]).renderFileSync('list', { posts: [first] })).toBe('[changed]');
  });

  it('keeps each partial’s rendering apart', () => {
    const engine = createEngine([dir]);
    expect(engine.renderFileSync('both', { post: { title: 'x' } })).toBe('[x](x)');
  });

  it('renders `for` and plain values as LiquidJS does', async () => {
    const engine = createEngine([dir]);
    expect(engine.renderFileSync('each', { posts: [{ title: 'a' }, { title: 'b' }] })).toBe('[a][b]');
    expect(engine.renderFileSync('list', { posts: ['s', 3] })).toBe('[][]');
    expect(await engine.renderFile('list', { posts: [{ title: 'async' }] })).toBe('[async]');
    // `forloop` is one Drop for the whole loop, changing as it goes: never taken for the same value.
    expect(engine.renderFileSync('loop', { posts: [1, 2, 3] })).toBe('123');
  });
});
