/**
 * A small hand-built `Site` for render/ tests: three posts under the sub-path base URL
 * `https://example.org/blog/`, one with two authors, one with a hostile title.
 */
import { VFile } from 'vfile';
import { routesFor } from '../../src/site/routes.ts';
import type { Author, PostDate, RenderedPost, Site, SiteAuthor, Tag, TagRef } from '../../src/types.ts';

export const BASE_URL = 'https://example.org/blog/';

export const HOSTILE_TITLE = 'A <script>alert("x")</script> & ]]> "quoted"';

/** A post date from an ISO string with offset (`dateOnly` when given as `YYYY-MM-DD`). */
export function postDate(value: string): PostDate {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const iso = dateOnly ? `${value}T00:00:00+00:00` : value;
  return { iso, epochMs: Date.parse(iso), day: iso.slice(0, 10), dateOnly };
}

export const gerrit: Author = { id: 'gerrit', name: 'Gerrit Jansen', url: 'https://gerrit.example/' };
export const ana: Author = { id: 'ana', name: 'Ana <Ops> & Co', email: 'ana@example.org', avatar: '/img/ana.png' };

interface PostInput {
  slug: string;
  title: string;
  published: string;
  updated?: string;
  authors: Author[];
  tags: string[];
  html: string;
  summary: string;
  image?: string;
}

export function makePost(input: PostInput): RenderedPost {
  const relPath = `${input.slug}.md`;
  const file = new VFile({ path: `/site/content/posts/${relPath}`, cwd: '/site', value: '' });
  const tags: TagRef[] = input.tags.map((key) => ({ key, spelling: key }));
  return {
    raw: {
      file,
      relPath,
      frontMatter: { format: 'yaml', data: {}, locate: () => undefined },
      mtime: new Date(0),
    },
    title: input.title,
    fileTitle: input.slug,
    slug: input.slug,
    path: `posts/${input.slug}/`,
    published: postDate(input.published),
    ...(input.updated ? { updated: postDate(input.updated) } : {}),
    authors: input.authors,
    tags,
    draft: false,
    future: false,
    ...(input.image ? { image: input.image } : {}),
    data: {},
    html: input.html,
    excerptHtml: input.html,
    summary: input.summary,
    assets: new Map(),
    toc: [],
    digest: `digest of ${input.slug}`,
  };
}

/** Body HTML as the markdown stage leaves it: root-relative URLs already carry `/blog/`. */
export const RELATIVE_HTML = [
  '<p>See <a href="/blog/posts/hostile/">the next post</a>, <a href="../hostile/">a relative one</a>,',
  ' <a href="#fn-1">a footnote</a>, <a href="mailto:me@example.org">mail</a>,',
  ' <a href="https://other.example/x?a=1&#x26;b=2">elsewhere</a> and <a href="//cdn.example/lib.js">a CDN</a>.</p>',
  '<p><img src="photo.jpg" alt="A photo" srcset="photo.jpg 1x, /blog/img/photo@2x.jpg 2x"></p>',
  '<picture><source srcset="photo.webp, photo-wide.webp 1200w"><img src="/blog/img/fallback.png" alt=""></picture>',
  '<video poster="poster.jpg" src="/blog/media/clip.mp4"></video>',
].join('\n');

export function makeSite(): Site {
  const first = makePost({
    slug: 'hello-world',
    title: 'Hello, world',
    published: '2025-02-01T10:00:00+01:00',
    updated: '2025-02-05T08:30:00+01:00',
    authors: [gerrit, ana],
    tags: ['open-source', 'fosdem'],
    html: RELATIVE_HTML,
    summary: 'Two authors write about <b>FOSDEM</b> & friends.',
    image: '/blog/posts/hello-world/cover.png', // as the markdown stage leaves it: an href with the base path
  });
  const hostile = makePost({
    slug: 'hostile',
    title: HOSTILE_TITLE,
    published: '2025-01-15',
    authors: [gerrit],
    tags: ['fosdem', 'rust-love'],
    html: '<p>one ]]> two ]]> three</p>\n<pre><code>bell:\u0007 nul-free</code></pre>',
    summary: 'Summary with ]]> and </script> inside.',
  });
  const third = makePost({
    slug: 'third',
    title: 'Third\u0001 post',
    published: '2024-12-24T18:00:00-05:00',
    authors: [ana],
    tags: ['rust-love'],
    html: '<p>Plain.</p>',
    summary: 'The third post.',
    image: '/blog/img/third.png',
  });
  const posts = [first, hostile, third];
  const byTag = (key: string) => posts.filter((post) => post.tags.some((tag) => tag.key === key));
  const tags: Tag[] = [
    { key: 'open-source', slug: 'open-source', label: 'Open Source', posts: byTag('open-source') },
    { key: 'fosdem', slug: 'fosdem', label: 'FOSDEM', description: 'The conference.', posts: byTag('fosdem') },
    { key: 'rust-love', slug: 'rust-love', label: 'I <3 Rust & "C"', posts: byTag('rust-love') },
  ];
  const authors: SiteAuthor[] = [gerrit, ana].map((author) => ({
    ...author,
    posts: posts.filter((post) => post.authors.includes(author)),
  }));
  return {
    config: {
      title: 'Notes & "Things"',
      description: 'A test blog.',
      url: BASE_URL,
      language: 'en-GB',
      timezone: 'UTC',
      postsPerPage: 10,
    },
    posts,
    tags,
    authors,
    routes: routesFor({ url: BASE_URL }),
    now: new Date('2025-03-01T00:00:00Z'),
  };
}
