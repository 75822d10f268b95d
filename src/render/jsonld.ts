/**
 * schema.org JSON-LD for `<script type="application/ld+json">`. Front matter ends up inside a
 * script element, so the JSON is escaped until no `<`, `>` or `&` is left to close it.
 */
import type { Author, RenderedPost, Site } from '../types.ts';
import { absoluteRefUrl, absolutizeUrl } from './absolute-html.ts';

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

/**
 * JSON that is also safe as the raw text of a `<script>` element: `<`, `>`, `&` and the
 * JavaScript line terminators U+2028/U+2029 become `\uXXXX` escapes, which JSON reads back
 * as the same characters (they can only occur inside strings).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The post's tags as the labels shown on the site, in the post's order, without duplicates. */
export function postTagLabels(post: RenderedPost, site: Pick<Site, 'tags'>): string[] {
  const labels = new Map(site.tags.map((tag) => [tag.key, tag.label]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ref of post.tags) {
    const label = labels.get(ref.key) ?? ref.spelling;
    if (seen.has(label)) continue;
    seen.add(label);
    out.push(label);
  }
  return out;
}

function person(author: Author, site: Site, pageUrl: string): JsonLd {
  return author.url
    ? { '@type': 'Person', name: author.name, url: absoluteRefUrl(site.routes, author.url, pageUrl) }
    : { '@type': 'Person', name: author.name };
}

function publisher(site: Site): JsonLd {
  return { '@type': 'Organization', name: site.config.title, url: site.routes.url };
}

/** The inner text of a post page's `<script type="application/ld+json">`: a schema.org `BlogPosting`. */
export function blogPostingJsonLd(post: RenderedPost, site: Site): string {
  const url = site.routes.absolute(post.path);
  const data: JsonLd = {
    '@context': CONTEXT,
    '@type': 'BlogPosting',
    headline: post.title,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': post.canonical ? absoluteRefUrl(site.routes, post.canonical, url) : url },
    datePublished: post.published.iso,
    dateModified: (post.updated ?? post.published).iso,
    author: post.authors.map((author) => person(author, site, url)),
    keywords: postTagLabels(post, site),
    description: post.summary,
    inLanguage: post.lang ?? site.config.language,
    publisher: publisher(site),
  };
  if (post.image) data.image = absolutizeUrl(post.image, url);
  return scriptSafeJson(data);
}

/** What a list page (home, tag, author, archive) tells `listJsonLd` about itself. */
export interface ListPage {
  /** Site-relative path of the page (`''`, `tags/x/`). */
  path: string;
  title: string;
  description?: string;
  /** The posts listed on this page, in page order. */
  posts: readonly RenderedPost[];
}

/** The inner JSON-LD text of a list page: the home page as a `Blog`, other lists as a `CollectionPage`. */
export function listJsonLd(kind: 'Blog' | 'CollectionPage', site: Site, page: ListPage): string {
  const url = site.routes.absolute(page.path);
  const data: JsonLd = {
    '@context': CONTEXT,
    '@type': kind,
    name: page.title,
    url,
    inLanguage: site.config.language,
  };
  if (page.description) data.description = page.description;
  const postings = page.posts.map((post) => ({
    '@type': 'BlogPosting',
    headline: post.title,
    url: site.routes.absolute(post.path),
    datePublished: post.published.iso,
  }));
  if (kind === 'Blog') {
    data.publisher = publisher(site);
    data.blogPost = postings;
  } else {
    data.isPartOf = { '@type': 'Blog', name: site.config.title, url: site.routes.url };
    data.mainEntity = {
      '@type': 'ItemList',
      itemListElement: postings.map((item, index) => ({ '@type': 'ListItem', position: index + 1, url: item.url })),
    };
  }
  return scriptSafeJson(data);
}
