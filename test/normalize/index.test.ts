import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizePost } from '../../src/content/normalize/index.ts';
import { makeContext, makeRaw } from './context.ts';

/** Front matter as content/ parses it: YAML 1.2 core schema, dates left as strings. */
function yaml(text: string): Record<string, unknown> {
  return parse(text) as Record<string, unknown>;
}

const GERRIT = { id: 'gerrit', name: 'Gerrit Schwerthelm', url: 'https://github.com/Gerrit91' };

describe('normalizePost on the seeds', () => {
  it('000: stray U+FE0F in the title, authors: [gerrit], empty shortDescription', () => {
    const data = yaml(`title: FOSDEM 2025 \uFE0F❤\uFE0F
shortDescription:
watermark: "Blog"
date: 2025-02-03T10:00:00+02:00
description: "For the first time metal-stack was part of the biggest Open Source conference in Europe."
authors: [gerrit]
type: "blog"
tags:
  - news
  - conferences
`);
    const raw = makeRaw(data, { relPath: '2025/fosdem-2025/index.md' });
    const ctx = makeContext({ config: { timezone: 'Europe/Berlin' } });
    expect(normalizePost(raw, ctx)).toEqual({
      raw,
      title: 'FOSDEM 2025 ❤\uFE0F',
      fileTitle: 'Fosdem 2025',
      slug: 'fosdem-2025',
      path: 'posts/fosdem-2025/',
      // Kept aside in case another post's file is also named fosdem-2025 (site/places.ts).
      folderPath: 'posts/2025/fosdem-2025/',
      published: { iso: '2025-02-03T10:00:00+02:00', epochMs: Date.parse('2025-02-03T08:00:00Z'), day: '2025-02-03', dateOnly: false },
      authors: [GERRIT],
      tags: [
        { key: 'news', spelling: 'news' },
        { key: 'conferences', spelling: 'conferences' },
      ],
      description: 'For the first time metal-stack was part of the biggest Open Source conference in Europe.',
      draft: false,
      future: false,
      data,
    });
    expect(data['shortDescription']).toBeNull();
    expect(ctx.messages).toEqual([]);
  });

  it('001: authors: [gerrit91] is the same author as gerrit', () => {
    const data = yaml('title: Looking back at FOSDEM 2026\ndate: 2026-02-03T11:00:00+02:00\nauthors: [gerrit91]\n');
    const ctx = makeContext();
    const post = normalizePost(makeRaw(data, { relPath: 'looking-back.md' }), ctx);
    expect(post.authors).toEqual([GERRIT]);
    // "now" is 2025-06-01 in the test context.
    expect(post.future).toBe(true);
    expect(ctx.messages).toEqual([]);
  });

  it('003: author name, CMS category objects and the seo block', () => {
    const data = yaml(`title: "OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued Momentum"
author: Thierry Carrez
date: 2026-02-23T10:00:00.000Z
category:
  - value: category-h2Ztx9rpD
    label: Community
seo:
  title: "OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued Momentum"
  description: In 2026, OpenInfra staff were on the ground across FOSDEM devrooms,
    policy sessions.
  url: https://openinfra.org/blog/openinfra-fosdem-2026
  twitterUsername: "@openinfradev"
`);
    const ctx = makeContext({ now: new Date('2026-03-01T00:00:00Z') });
    const post = normalizePost(makeRaw(data, { relPath: 'openinfra-at-fosdem-2026.md' }), ctx);
    expect(post).toMatchObject({
      title: 'OpenInfra at FOSDEM 2026: Community, Collaboration, and Continued Momentum',
      slug: 'openinfra-at-fosdem-2026',
      published: { iso: '2026-02-23T10:00:00+00:00', day: '2026-02-23', dateOnly: false },
      authors: [{ id: 'thierry', name: 'Thierry Carrez', email: 'thierry@openinfra.dev' }],
      tags: [{ key: 'community', spelling: 'Community' }],
      description: 'In 2026, OpenInfra staff were on the ground across FOSDEM devrooms, policy sessions.',
      canonical: 'https://openinfra.org/blog/openinfra-fosdem-2026',
      twitterUsername: '@openinfradev',
      future: false,
    });
    expect(ctx.messages).toEqual([]);
  });

  it('004: no front matter at all: title, slug and date from the file name', () => {
    const raw = makeRaw({}, { relPath: '2014-02-10-fosdem_2014-recap.md' });
    const ctx = makeContext({ config: { timezone: 'America/New_York' } });
    const post = normalizePost(raw, ctx);
    expect(post.title).toBeUndefined();
    expect(post.fileTitle).toBe('Fosdem 2014 recap');
    expect(post.slug).toBe('fosdem_2014-recap');
    expect(post.published).toEqual({ iso: '2014-02-10T00:00:00-05:00', epochMs: Date.parse('2014-02-10T05:00:00Z'), day: '2014-02-10', dateOnly: true });
    expect(post.authors).toEqual([]);
    expect(ctx.messages).toEqual([]);
  });
});

describe('normalizePost reports every problem of a post in one run', () => {
  it('bad title, date, author, tag, slug, draft and canonical all come out', () => {
    const data = yaml(`title: [oops]
date: yesterday
updated: 2025-02-30
authors: [gerit, 42]
tags: [ok, true]
slug: ../up
draft: maybe
canonical: /relative
`);
    const ctx = makeContext();
    const post = normalizePost(makeRaw(data, { relPath: 'post.md' }), ctx);
    expect(post).toMatchObject({ slug: 'post', path: 'posts/post/', draft: false, tags: [{ key: 'ok', spelling: 'ok' }] });
    expect(post.title).toBeUndefined();
    expect(post.updated).toBeUndefined();
    expect(post.canonical).toBeUndefined();
    expect(ctx.messages.map(({ ruleId, path }) => [ruleId, path])).toEqual([
      ['invalid-title', ['title']],
      ['invalid-date', ['date']],
      ['invalid-date', ['updated']],
      ['unsafe-path', ['slug']],
      ['unknown-author', ['authors', 0]],
      ['invalid-author', ['authors', 1]],
      ['invalid-tag', ['tags', 1]],
      ['invalid-draft', ['draft']],
      ['invalid-url', ['canonical']],
    ]);
  });
});
