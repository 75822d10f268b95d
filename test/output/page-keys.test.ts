/** Page keys (src/output/page-keys.ts): what a page shows enters its key, so an edit re-renders it. */
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/output/page-keys.ts';
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
    expect(pageKey('site', plan([site.posts[0]!]))).not.toBe(pageKey('site', plan([retitled(0)[0]!])));
  });

  it('change when a post the page only lists changes: a custom template may show any of its fields', () => {
    const before = pageKey('site', plan([], site.posts));
    expect(pageKey('site', plan([], retitled(2)))).not.toBe(before);
    expect(pageKey('site', plan([], [...site.posts]))).toBe(before);
  });

  it('change with the site-wide part and the plan shape, and only with them', () => {
    const base = pageKey('site', plan([site.posts[1]!]));
    expect(pageKey('site', plan([site.posts[1]!]))).toBe(base);
    expect(pageKey('other site', plan([site.posts[1]!]))).not.toBe(base);
    expect(pageKey('site', { ...plan([site.posts[1]!]), key: 'other shape' })).not.toBe(base);
  });
});
