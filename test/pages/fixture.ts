/** A small hand-made site for the page tests: five posts, two per page, a sub-path base URL, hostile text. */
import { VFile } from 'vfile';
import { routesFor } from '../../src/site/routes.ts';
import type { Author, PostDate, RenderedPost, Site, SiteAuthor, Tag } from '../../src/types.ts';

export const HOSTILE_TITLE = 'A <script>alert(1)</script> & "q"';
export const HOSTILE_TAG = '<b>x</b>';

/** A date-time in the site zone (Los Angeles), written with its offset. */
function instant(iso: string): PostDate {
  return { iso, epochMs: Date.parse(iso), day: iso.slice(0, 10), dateOnly: false };
}

/** A date-only value: midnight in the site zone, shown as the same calendar day. */
function dateOnly(day: string, offset: string): PostDate {
  const iso = `${day}T00:00:00${offset}`;
  return { iso, epochMs: Date.parse(iso), day, dateOnly: true };
}

const alice: Author = {
  id: 'alice',
  name: 'Alice Example',
  url: 'https://alice.example/',
  avatar: '/images/alice.png',
  bio: 'Writes about <code> & things',
};
const bob: Author = { id: 'bob', name: 'Bob' };

interface PostInput {
  slug: string;
  path?: string;
  title: string;
  published: PostDate;
  updated?: PostDate;
  authors: Author[];
  tags: string[];
  html: string;
  excerptHtml?: string;
  extra?: Partial<RenderedPost>;
}

function post(input: PostInput): RenderedPost {
  const file = new VFile({ path: `/site/content/posts/${input.slug}.md`, cwd: '/site', value: '' });
  return {
    raw: {
      file,
      relPath: `${input.slug}.md`,
      frontMatter: { format: 'yaml', data: {}, locate: () => undefined },
      mtime: new Date(input.published.epochMs),
    },
    title: input.title,
    fileTitle: input.slug,
    slug: input.slug,
    path: input.path ?? `posts/${input.slug}/`,
    published: input.published,
    updated: input.updated,
    authors: input.authors,
    tags: input.tags.map((key) => ({ key, spelling: key })),
    draft: false,
    future: false,
    data: { title: input.title, custom: 'kept' },
    html: input.html,
    excerptHtml: input.excerptHtml ?? input.html,
    summary: `Summary of ${input.title}`,
    assets: new Map(),
    digest: `digest of ${input.slug}`,
    ...input.extra,
  } as RenderedPost;
}

/** Build a fresh fixture site (newest first), so a test may change it freely. */
export function makeSite(): Site {
  const posts: RenderedPost[] = [
    post({
      slug: 'script',
      title: HOSTILE_TITLE,
      published: instant('2025-03-10T09:30:00-07:00'),
      updated: instant('2025-03-12T18:00:00-07:00'),
      authors: [alice],
      tags: ['b-x', 'javascript'],
      html:
        '<p>Intro with <strong class="raw-check">bold</strong> and <a href="/blog/posts/first.html">the first post</a>.</p>\n' +
        '<p>More <img src="/blog/posts/script/pic.png" alt="A picture"> text.</p>',
      excerptHtml: '<p>Intro with <strong class="raw-check">bold</strong> and <a href="/blog/posts/first.html">the first post</a>.</p>',
      extra: {
        image: '/blog/images/card.png',
        twitterUsername: 'blogsmith',
        description: 'Hostile',
        // As the normaliser gives `imageAlt` from front matter, where it also stays for templates.
        imageAlt: 'A <card> & "more"',
        data: { title: HOSTILE_TITLE, custom: 'kept', imageAlt: 'A <card> & "more"' },
      },
    }),
    post({
      slug: 'fourth',
      title: 'Fourth post',
      published: instant('2025-01-05T12:00:00-08:00'),
      authors: [alice, bob],
      tags: ['javascript', 'notes'],
      html: '<p>Fourth.</p>',
      // As the markdown stage lists headings (h2 and h3); until its type has `toc`, a cast.
      extra: {
        toc: [
          { depth: 2, id: 'setup', text: 'Setup' },
          { depth: 3, id: 'install', text: 'Install <it>' },
          { depth: 2, id: 'use', text: 'Use' },
        ],
      } as Partial<RenderedPost>,
    }),
    post({
      slug: 'third',
      title: 'Third post',
      // 31 December in the site zone, already 1 January 2025 in UTC: shown and archived as 2024.
      published: instant('2024-12-31T20:00:00-08:00'),
      authors: [bob],
      tags: ['notes'],
      html: '<p>Third, first paragraph.</p><p>Second paragraph.</p>',
      excerptHtml: '<p>Third, first paragraph.</p>',
      extra: { draft: true },
    }),
    post({
      slug: 'second',
      path: '2024/second/',
      title: 'Zweiter Beitrag',
      published: instant('2024-06-01T08:00:00-07:00'),
      authors: [bob],
      tags: [],
      html: '<p>Hallo.</p>',
      extra: { lang: 'de' },
    }),
    post({
      slug: 'first',
      path: 'posts/first.html',
      title: 'First post',
      // A date-only value: midnight in the site zone, shown as the same day.
      published: dateOnly('2023-02-03', '-08:00'),
      authors: [alice],
      tags: ['javascript'],
      html: '<p>Hello.</p>',
    }),
  ];
  const [p5, p4, p3, , p1] = posts as [RenderedPost, RenderedPost, RenderedPost, RenderedPost, RenderedPost];
  const tags: Tag[] = [
    { key: 'notes', slug: 'notes', label: 'Notes', posts: [p4, p3] },
    { key: 'javascript', slug: 'javascript', label: 'JavaScript', description: 'All about JS', posts: [p5, p4, p1] },
    { key: 'b-x', slug: 'b-x', label: HOSTILE_TAG, posts: [p5] },
  ];
  const authors: SiteAuthor[] = [
    { ...bob, posts: posts.filter((p) => p.authors.includes(bob)) },
    { ...alice, posts: posts.filter((p) => p.authors.includes(alice)) },
  ];
  return {
    config: {
      title: 'Blog',
      description: 'A test blog',
      url: 'https://example.org/blog/',
      language: 'en-GB',
      timezone: 'America/Los_Angeles',
      postsPerPage: 2,
    },
    posts,
    tags,
    authors,
    routes: routesFor({ url: 'https://example.org/blog/' }),
    now: new Date('2025-04-01T00:00:00Z'),
  };
}
