/** A standalone page's front matter, normalised (src/content/normalize/page.ts): valid, convertible, invalid. */
import { describe, expect, it } from 'vitest';
import { normalizePost } from '../../src/content/normalize/index.ts';
import type { RawPost } from '../../src/types.ts';
import { makeContext, makeRaw } from '../normalize/context.ts';

/** A page at `relPath` under content/pages/ with this front matter. */
function page(data: Record<string, unknown>, relPath = 'about.md'): RawPost {
  return { ...makeRaw(data, { relPath, gitDate: new Date('2020-01-01T00:00:00Z') }), kind: 'page' };
}

function normalize(raw: RawPost) {
  const ctx = makeContext();
  return { page: normalizePost(raw, ctx), messages: ctx.messages.map((message) => `${message.severity} ${message.ruleId}: ${message.reason}`) };
}

describe('page paths', () => {
  it.each([
    ['about.md', {}, 'about/'],
    ['About Me.md', {}, 'about-me/'],
    ['company/team.md', {}, 'company/team/'],
    ['company/index.md', {}, 'company/'],
    ['company/team.md', { slug: 'people' }, 'company/people/'],
    ['company/team.md', { permalink: '/legal/imprint/' }, 'legal/imprint/'],
    ['about.md', { url: '/about-us.html' }, 'about-us.html'],
    // The site root: taken by the home page, so checkUrls reports it (reserved-url).
    ['index.md', {}, ''],
    ['index.md', { slug: 'start' }, 'start/'],
  ])('%s %j → /%s', (relPath, data, expected) => {
    const { page: normalised, messages } = normalize(page(data, relPath));
    expect(normalised.path).toBe(expected);
    expect(messages).toEqual([]);
  });

  it('reports an unsafe permalink and keeps the page at its place', () => {
    const { page: normalised, messages } = normalize(page({ permalink: '../../etc/' }));
    expect(normalised.path).toBe('about/');
    expect(messages).toEqual(['error unsafe-path: Unsafe permalink "../../etc/": it would leave the output folder']);
  });
});

describe('page dates', () => {
  it('needs none: no git or mtime fallback, no message, and a placeholder nothing shows', () => {
    const { page: normalised, messages } = normalize(page({ title: 'About' }));
    expect(messages).toEqual([]);
    expect(normalised.undated).toBe(true);
    expect(normalised.published.epochMs).toBe(0);
    expect(normalised.future).toBe(false);
  });

  it('reads a written date and `updated` as a post does; a future one schedules the page', () => {
    const dated = normalize(page({ date: '2025-02-03', updated: '2025-03-01' })).page;
    expect([dated.undated, dated.published.day, dated.updated?.day]).toEqual([undefined, '2025-02-03', '2025-03-01']);
    expect(normalize(page({ date: '2030-01-01' })).page.future).toBe(true);
    // Jekyll's `published: false` is a draft, not a date.
    const flagged = normalize(page({ published: false })).page;
    expect([flagged.draft, flagged.undated]).toEqual([true, true]);
  });

  it('reports an invalid date as a post does', () => {
    expect(normalize(page({ date: '2025-13-45' })).messages).toEqual(['error invalid-date: Invalid date "2025-13-45": expected YYYY-MM-DD or ISO 8601 date-time']);
  });
});

describe('other page keys', () => {
  it('reads title, description, image, draft and lang; no authors or tags', () => {
    const { page: normalised } = normalize(page({ title: 'About', description: 'Who.', image: 'me.png', draft: 'yes', lang: 'de', authors: ['gerrit'], tags: ['oss'] }));
    expect(normalised).toMatchObject({ title: 'About', description: 'Who.', image: 'me.png', draft: true, lang: 'de', authors: [], tags: [] });
    // Still there for a template.
    expect(normalised.data.tags).toEqual(['oss']);
  });
});
