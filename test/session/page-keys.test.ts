/** Page keys (src/session/page-keys.ts): what a page shows enters its key, so an edit re-renders it, and nothing else does. */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageKey, pageKeys } from '../../src/session/page-keys.ts';
import { tempDir } from '../helpers/cli.ts';
import type { Plan } from '../../src/render/plan.ts';
import type { RenderedPost } from '../../src/types.ts';
import { makeSite } from '../render/site-fixture.ts';

const site = makeSite();

function plan(posts: readonly RenderedPost[], lists?: readonly RenderedPost[]): Plan {
  return { file: 'tags/index.html', template: 'tags', key: 'shape', posts, lists, render: () => '' };
}

/** A copy of the site's posts with one post's title changed (a new list, as a new build makes). */
function retitled(index: number): RenderedPost[] {
  return site.posts.map((post, i) => (i === index ? { ...post, title: `${post.title} (edited)` } : post));
}

describe('page keys', () => {
  it('change when a post the page shows changes', () => {
    expect(pageKey('site', '', plan([site.posts[0]!]))).not.toBe(pageKey('site', '', plan([retitled(0)[0]!])));
  });

  it('change when a post the page only lists changes: a custom template may show any of its fields', () => {
    const before = pageKey('site', '', plan([], site.posts));
    expect(pageKey('site', '', plan([], retitled(2)))).not.toBe(before);
    expect(pageKey('site', '', plan([], [...site.posts]))).toBe(before);
  });

  it('on list pages, follow what the summary shows of a post, not its body', () => {
    // Reading time as the markdown stage gives it (without it, lists compute it from the body).
    const post = { ...site.posts[0]!, readingMinutes: 3, hasMore: true };
    const before = pageKey('site', '', plan([post]));
    expect(pageKey('site', '', plan([{ ...post, html: '<p>Another body</p>', digest: 'other' }]))).toBe(before);
    expect(pageKey('site', '', plan([{ ...post, excerptHtml: '<p>Another excerpt</p>' }]))).not.toBe(before);
    expect(pageKey('site', '', plan([{ ...post, data: { ...post.data, custom: 1 } }]))).not.toBe(before);
  });

  it('on a post page, follow the whole post, and only title, link and date of its neighbours', () => {
    const [own, neighbour] = [site.posts[0]!, site.posts[1]!];
    const postPlan = (posts: RenderedPost[]): Plan => ({ file: 'posts/x/index.html', template: 'post', key: 'shape', posts, render: () => '' });
    const before = pageKey('site', '', postPlan([own, neighbour]));
    expect(pageKey('site', '', postPlan([{ ...own, html: '<p>Another body</p>', digest: 'other' }, neighbour]))).not.toBe(before);
    expect(pageKey('site', '', postPlan([own, { ...neighbour, html: '<p>Another body</p>', digest: 'other', excerptHtml: 'x' }]))).toBe(before);
    expect(pageKey('site', '', postPlan([own, { ...neighbour, title: 'Retitled' }]))).not.toBe(before);
  });

  it('change with the template files the page uses', () => {
    expect(pageKey('site', 'templates v1', plan([site.posts[1]!]))).not.toBe(pageKey('site', 'templates v2', plan([site.posts[1]!])));
  });

  it('change with the site-wide part and the plan shape, and only with them', () => {
    const base = pageKey('site', '', plan([site.posts[1]!]));
    expect(pageKey('site', '', plan([site.posts[1]!]))).toBe(base);
    expect(pageKey('other site', '', plan([site.posts[1]!]))).not.toBe(base);
    expect(pageKey('site', '', { ...plan([site.posts[1]!]), key: 'other shape' })).not.toBe(base);
  });
});

describe('page keys with real template folders', () => {
  /** A site with `files` in its own templates/ (over nothing else), keyed for a post plan. */
  async function keyWith(files: Record<string, string>): Promise<string> {
    const dir = path.join(await tempDir('blog-templates-'), 'templates');
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    const plan: Plan = { file: 'posts/x/index.html', template: 'post', key: 'shape', posts: [site.posts[0]!], render: () => '' };
    return pageKeys(site, [dir])(plan);
  }

  it('follow a partial in a subfolder, named without its extension', async () => {
    const page = { 'post.liquid': "{% render 'partials/banner' %}", 'tags.liquid': 'tags' };
    const one = await keyWith({ ...page, 'partials/banner.liquid': 'one' });
    expect(await keyWith({ ...page, 'partials/banner.liquid': 'two' })).not.toBe(one);
    expect(await keyWith({ ...page, 'partials/banner.liquid': 'one', 'tags.liquid': 'other tags' })).toBe(one);
  });

  it('follow every template when a reference cannot be followed: a variable, a missing file, a liquid block', async () => {
    for (const post of ['{% render partial %}', "{% render 'nowhere' %}", "{% liquid\n render 'partials/banner' %}"]) {
      const page = { 'post.liquid': post, 'partials/banner.liquid': 'banner' };
      const before = await keyWith({ ...page, 'unrelated.liquid': 'one' });
      expect(await keyWith({ ...page, 'unrelated.liquid': 'two' }), post).not.toBe(before);
    }
  });
});
