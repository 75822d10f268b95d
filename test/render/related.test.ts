import { describe, expect, it } from 'vitest';
import { relatedPosts } from '../../src/site/related.ts';
import { tocView } from '../../src/render/toc.ts';
import type { RenderedPost, Tag } from '../../src/types.ts';

/** A post with just what ranking reads: path, date, tags, draft/future. */
function post(path: string, day: string, tags: string[], flags: Partial<RenderedPost> = {}): RenderedPost {
  return { path, published: { epochMs: Date.parse(day) }, tags: tags.map((key) => ({ key, spelling: key })), draft: false, future: false, ...flags } as RenderedPost;
}

/** Tags gathered from the posts, as the site model does (a post listed once per tag it names). */
function siteOf(posts: RenderedPost[]): { posts: RenderedPost[]; tags: Tag[] } {
  const byKey = new Map<string, RenderedPost[]>();
  for (const p of posts) for (const ref of p.tags) byKey.set(ref.key, [...(byKey.get(ref.key) ?? []), p]);
  return { posts, tags: [...byKey].map(([key, tagged]) => ({ key, slug: key, label: key, posts: tagged })) };
}

describe('relatedPosts', () => {
  const current = post('a/', '2025-01-01', ['js', 'css', 'html']);
  const twoOld = post('two-old/', '2020-01-01', ['js', 'css']);
  const oneNew = post('one-new/', '2025-06-01', ['html']);
  const oneOld = post('one-old/', '2021-01-01', ['js']);
  const oneOldTwin = post('one-old-twin/', '2021-01-01', ['css']);
  const unrelated = post('other/', '2025-07-01', ['go']);
  const draft = post('draft/', '2025-08-01', ['js', 'css', 'html'], { draft: true });
  const scheduled = post('later/', '2026-01-01', ['js', 'css', 'html'], { future: true });
  const site = siteOf([scheduled, draft, unrelated, oneNew, current, oneOld, oneOldTwin, twoOld]);

  it('ranks by shared tags, then newest, then path; at most three; never itself, a draft or a scheduled post', () => {
    expect(relatedPosts(site)(current).map((p) => p.path)).toEqual(['two-old/', 'one-new/', 'one-old-twin/']);
    expect(relatedPosts(site, 10)(current).map((p) => p.path)).toEqual(['two-old/', 'one-new/', 'one-old-twin/', 'one-old/']);
  });

  it('finds nothing for a post without shared tags, and the same answer every time', () => {
    const related = relatedPosts(site);
    expect(related(unrelated)).toEqual([]);
    expect(related(post('none/', '2025-01-01', []))).toEqual([]);
    expect(relatedPosts(siteOf([...site.posts].reverse()))(current)).toEqual(related(current));
  });

  it('counts a tag a post names twice once', () => {
    const twice = post('twice/', '2019-01-01', ['go', 'go']);
    const s = siteOf([post('x/', '2024-01-01', ['go', 'rust']), twice, post('y/', '2023-01-01', ['go'])]);
    // `twice` appears twice in the `go` tag's posts, but shares one tag with x, as y does: y is newer
    expect(relatedPosts(s)(s.posts[0]!).map((p) => p.path)).toEqual(['y/', 'twice/']);
  });
});

describe('tocView', () => {
  const entries = [
    { depth: 3, id: 'early', text: 'Before any h2' },
    { depth: 2, id: 'one', text: 'One' },
    { depth: 3, id: 'one-a', text: 'One A' },
    { depth: 2, id: 'two', text: 'Two' },
  ];
  const shape = (items: ReturnType<typeof tocView>): unknown => items.map((item) => [item.href, item.text, shape(item.children)]);

  it('nests deeper headings under the shallower one before them', () => {
    expect(shape(tocView(entries, undefined))).toEqual([
      ['#early', 'Before any h2', []],
      ['#one', 'One', [['#one-a', 'One A', []]]],
      ['#two', 'Two', []],
    ]);
  });

  it('needs three headings, unless front matter says `toc: true`; `toc: false` always wins', () => {
    expect(tocView(entries.slice(0, 2), undefined)).toEqual([]);
    expect(tocView(entries.slice(0, 2), true)).toHaveLength(2);
    expect(tocView(entries, false)).toEqual([]);
    expect(tocView(undefined, undefined)).toEqual([]);
    expect(tocView(undefined, true)).toEqual([]);
  });

  it('takes a post of 200,000 headings without overflowing the stack', () => {
    // The top level was Math.min(...depths): one argument per heading.
    const many = Array.from({ length: 200_000 }, (_, i) => ({ depth: i === 0 ? 2 : 3, id: `h${i}`, text: `H${i}` }));
    const items = tocView(many, undefined);
    expect(items).toHaveLength(1);
    expect(items[0]!.children).toHaveLength(199_999);
  });
});
