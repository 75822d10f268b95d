/**
 * One post with T tags is on T tag pages and in T tag feeds. With every tag of it on each, the
 * output grew as T²: 1,000 tags made 111 MB, 2,000 made 416 MB. A post card shows at most 10 tags
 * then "+K more" to the post, and a tag feed's item carries at most 10 categories (its own first).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, planSite } from '../../src/render/index.ts';
import { createSite } from '../../src/site/model.ts';
import { PROJECT } from '../helpers/cli.ts';
import { BASE_URL, makePost } from './site-fixture.ts';
import type { SiteConfig } from '../../src/types.ts';

const config = { title: 'Tags', description: '', url: BASE_URL, language: 'en', timezone: 'UTC', postsPerPage: 10, search: false } as SiteConfig;

/** Every file of a site of one post with `count` tags, rendered with the default templates. */
async function renderTagged(count: number): Promise<Map<string, string>> {
  const tags = Array.from({ length: count }, (_, i) => `topic-${String(i).padStart(4, '0')}`);
  const post = makePost({ slug: 'many', title: 'Many tags', published: '2024-01-01', authors: [], tags, html: '<p>Hello.</p>', summary: 'Hello.' });
  const site = createSite([post], config, new Map(), new Date('2025-01-01T00:00:00Z'));
  const engine = createEngine([path.join(PROJECT, 'templates')]);
  const files = new Map<string, string>();
  for (const plan of planSite(site)) files.set(plan.file, await plan.render(engine));
  return files;
}

describe('a post with many tags', () => {
  it('writes output that grows with its tags, not with their square: 1,000 tags stay under 10 MB', async () => {
    const files = await renderTagged(1000);
    expect(files.size).toBeGreaterThan(2000);
    const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(10_000_000);
  });

  it('shows ten tags on its card and links the rest to the post, which lists them all', async () => {
    const files = await renderTagged(12);
    const tagPage = files.get('tags/topic-0005/index.html')!;
    const chips = tagPage.match(/rel="tag"/g) ?? [];
    expect(chips).toHaveLength(10);
    expect(tagPage).toContain('<li class="tag-more"><a href="/blog/posts/many/">+2 more</a></li>');
    expect(files.get('posts/many/index.html')!.match(/rel="tag"/g)).toHaveLength(12);
    // A tag's feed names its own tag, whatever its place among the post's.
    const feed = files.get('tags/topic-0011/rss.xml')!;
    const categories = [...feed.matchAll(/<category>(?:<!\[CDATA\[)?([^<\]]+)/g)].map((match) => match[1]);
    expect(categories).toHaveLength(10);
    expect(categories[0]).toBe('topic-0011');
    // The site's own feeds keep every tag.
    expect(files.get('rss.xml')!.match(/<category>/g)).toHaveLength(12);
  });

  it('shows a few tags in full, with no "more" link', async () => {
    const files = await renderTagged(3);
    expect(files.get('index.html')!.match(/rel="tag"/g)).toHaveLength(3);
    expect(files.get('index.html')).not.toContain('tag-more');
  });
});
