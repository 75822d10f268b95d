/**
 * Which front matter keys mean what. Hugo, Docusaurus, Jekyll, Eleventy, Astro and CMS exports
 * spell the same field in many ways; every normaliser (and every later stage that points back at
 * a key) reads its keys from this one table, so adding a spelling is one line and no two readers
 * of a field can disagree about its keys. A leaf: it imports nothing but types.
 */
import type { KeyPath } from '../types.ts';

/** Frozen all the way down: the table's paths are handed out in messages, and a change there would change every post. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFrozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Each meaning with the key paths that may hold it, in order of preference: the first usable
 * value wins. `tags`, `authors` and `aliases` are the exception: every path is read, merged in this order.
 */
export const FRONT_MATTER_KEYS = deepFrozen({
  /** `seo.title` from CMS exports; after both, the body's first heading, then the file name. */
  title: [['title'], ['seo', 'title']],
  /** Hugo, Jekyll and Docusaurus `date`, Astro's `pubDate`, then `published` as some CMS exports write it. */
  published: [['date'], ['pubDate'], ['published']],
  /** `updated`, then Hugo's `lastmod`, then `modified` as some CMS exports write it. */
  updated: [['updated'], ['lastmod'], ['modified']],
  /** Docusaurus and Hugo `description`, SEO plugins' `seo:` block, CMS `shortDescription`, then `summary`. */
  description: [['description'], ['seo', 'description'], ['shortDescription'], ['summary']],
  /** Social card image: `image`, else what SEO plugins and themes call it (`cover` may be `{ image }`), or Astro's blog starter (`heroImage`). */
  image: [['image'], ['seo', 'image'], ['cover'], ['cover', 'image'], ['cover_image'], ['heroImage']],
  /** The social image's alt text; without one the post page's hero image is decorative. */
  imageAlt: [['imageAlt'], ['image_alt'], ['image', 'alt']],
  /** Canonical URL: the `seo:` block (CMS exports) first, then the keys Astro and Hugo themes use. */
  canonical: [['seo', 'url'], ['canonical'], ['canonicalURL']],
  /** The author's Twitter handle for the card; a post's own key before the CMS `seo:` block. */
  twitterUsername: [['twitterUsername'], ['seo', 'twitterUsername']],
  /** The post's language, when it differs from the site's. */
  lang: [['lang']],
  /** `draft: true` keeps the post out of the build unless `--drafts`. */
  draft: [['draft']],
  /** Jekyll's `published: false` is a draft too; a date under `published` is a date (see `published` above). */
  publishedFlag: [['published']],
  /** `toc: true` shows a table of contents for any number of headings, `toc: false` none. */
  toc: [['toc']],
  /** The last URL segment; the file name when absent. */
  slug: [['slug']],
  /** The whole output path, overriding `slug`: `permalink` (Jekyll, Eleventy, Docusaurus), Hugo's `url`, Zola's `path`. */
  permalink: [['permalink'], ['url'], ['path']],
  /** Old URLs that redirect to the post: Hugo's and Zola's `aliases`, jekyll-redirect-from's `redirect_from`. Merged. */
  aliases: [['aliases'], ['redirect_from']],
  /** Merged in this order: sites migrated from WordPress or a CMS use `categories`/`category`; Zola keeps taxonomies under `[taxonomies]`. */
  tags: [['tags'], ['categories'], ['category'], ['taxonomies', 'tags'], ['taxonomies', 'categories']],
  /** Merged in this order. `authors` comes first: only the plural key is a comma-separated list. */
  authors: [['authors'], ['author']],
} as const satisfies Record<string, readonly KeyPath[]>);

/** Keys inside an author object (`author: { name, url }`), each field's keys in order of preference. */
export const AUTHOR_OBJECT_KEYS = deepFrozen({
  /** `name`, else `title` or `label` as some CMS exports write it. */
  name: ['name', 'title', 'label'],
  url: ['url', 'link', 'website'],
  email: ['email'],
  /** Docusaurus spells it `image_url` (authors.yml) or `imageURL` (inline authors). */
  avatar: ['avatar', 'image_url', 'imageURL'],
} as const satisfies Record<string, readonly string[]>);

/** Keys a tag or category object holds its text under, in order of preference (CMS: `{ value, label }`). */
export const TAG_OBJECT_KEYS = deepFrozen(['label', 'name', 'value'] as const);
