/** The shapes of the plain view objects templates receive (see view.ts). */
import type { Strings } from './strings/index.ts';

/** A link of config `nav`. */
export interface NavLinkView {
  label: string;
  href: string;
}

/** A date as templates show it. */
export interface DateView {
  /** ISO 8601 with offset, for `<time datetime>`. */
  iso: string;
  /** The calendar day `YYYY-MM-DD`. */
  day: string;
  /** The day in words, in the page language (`3 February 2025`). */
  display: string;
}

/** A link to another post. */
export interface PostLinkView {
  title: string;
  href: string;
}

/** A tag as a post shows it. */
export interface TagLinkView {
  label: string;
  slug: string;
  href: string;
}

/** An author as a post shows it. */
export interface AuthorLinkView {
  id: string;
  name: string;
  /** The author's page on this site. */
  href: string;
  /** The author's own website, if any. */
  url: string | null;
}

/** A post in lists (home, tag, author, archive pages). */
export interface PostSummaryView {
  title: string;
  /** Root-relative href with the base path. */
  href: string;
  /** Absolute URL of the post. */
  url: string;
  /** Site-relative path (`posts/x/`). */
  path: string;
  published: DateView;
  updated: DateView | null;
  authors: AuthorLinkView[];
  tags: TagLinkView[];
  excerptHtml: string;
  /** The excerpt is shorter than the post, so a "read more" link makes sense. */
  hasMore: boolean;
  /** Plain-text description. */
  summary: string;
  /** Absolute URL of the social image. */
  image: string | null;
  /** The same image as an href (root-relative with the base path, or as written when absolute): lists show it small. */
  thumbnail: string | null;
  /** The thumbnail's resized copies as `<source>`s, best format first; empty for a remote or unresizable image. */
  thumbnailSources: Array<{ type: string; srcset: string }>;
  /** The `sizes` of those sources: the thumbnail's shown width (render/hero.ts). */
  thumbnailSizes: string;
  draft: boolean;
  /** Dated after the build: only shown in dev or with `--future`. */
  future: boolean;
  readingMinutes: number;
  lang: string;
  /** All front matter keys, as written. */
  data: Record<string, unknown>;
}

/** A post on its own page. */
export interface PostView extends PostSummaryView {
  html: string;
  /** Absolute canonical URL (`seo.url` when given). */
  canonical: string;
  /** The older neighbour. */
  prev: PostLinkView | null;
  /** The newer neighbour. */
  next: PostLinkView | null;
  /** Inner text of `<script type="application/ld+json">`, already safe (no `<`). */
  jsonLd: string;
  twitterUsername: string | null;
  /** The contents list; empty when the page shows none (see toc.ts). */
  toc: TocItemView[];
  /** Up to three other published posts sharing the most tags (site/related.ts). */
  related: RelatedPostView[];
  /** Cards of the post's authors that have a bio or an avatar in authors.yml. */
  authorCards: AuthorCardView[];
  /** The hero image at the top of the post, when front matter sets `image`. */
  hero: HeroView | null;
  /** Whether Pagefind may index the post (drafts and scheduled posts never). */
  indexable: boolean;
}

/** The hero image: its size when it is a local file, and its resized copies (`<source>`s) when it could be resized. */
export interface HeroView {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  sources: Array<{ type: string; srcset: string }>;
  sizes: string;
}

/** One entry of a post's table of contents, with the entries nested under it. */
export interface TocItemView {
  id: string;
  text: string;
  /** `#id`. */
  href: string;
  children: TocItemView[];
}

/** A related post at the foot of a post page. */
export interface RelatedPostView extends PostLinkView {
  published: DateView;
}

/** An author card on a post page. */
export interface AuthorCardView extends AuthorLinkView {
  avatar: string | null;
  bio: string | null;
}

/** The site as every template sees it. */
export interface SiteView {
  title: string;
  description: string;
  language: string;
  /** Base path (`/blog/`). */
  base: string;
  /** Absolute home URL. */
  url: string;
  /** `search` is the search page, or null when the config turns search off (`search: false`). */
  /** `links` are config `nav`'s, shown after the built-in entries, each with its href (base path added to root-relative ones). */
  nav: { home: string; archive: string; tags: string; authors: string; search: string | null; links: NavLinkView[] };
  feeds: { rss: string; atom: string; json: string };
  /** The theme's stylesheet: fingerprinted in a build (`/style.3f9a0c1b2d.css`). */
  stylesheet: string;
  /** Loaded after the theme: the site's `static/custom.css`, then config `css`. */
  stylesheets: string[];
  /** The small deferred script: theme toggle and code copy buttons. */
  script: string;
  /** The `<link rel="icon">`: config `favicon`, else the theme's `favicon.svg`; `type` for SVG icons. */
  favicon: { href: string; type: string | null };
  /** Absolute URL of config `image`, the social image of pages without their own. */
  image: string | null;
  /** The UI strings in the site language, with config `strings` on top (also the global `t`). */
  t: Strings;
  year: number;
}

/** A tag on the tag index or its own page. */
export interface TagView extends TagLinkView {
  /** The tag's own RSS feed. */
  feed: string;
  description: string | null;
  count: number;
  /** 1–5: the size of the tag in the tag cloud, growing with the log of its count. */
  weight: number;
}

/** An author on the author index or their own page. */
export interface AuthorView extends AuthorCardView {
  count: number;
}

/** What the layout needs to know about the page being rendered (head meta, nav state). */
export interface PageView {
  /** The `<title>`: page name and site title. */
  title: string;
  /** The page name alone, for `og:title`. */
  socialTitle: string;
  description: string;
  /** Site-relative path (`posts/x/`, `''` for home). */
  path: string;
  /** Root-relative href with the base path (`/blog/posts/x/`): a nav link to it is the current page. */
  href: string;
  /** Absolute canonical URL. */
  canonical: string;
  /** `og:type`. */
  type: 'website' | 'article';
  /** Absolute social image URL: the post's own, else config `image`. */
  image: string | null;
  /** Alt text of the social image, when the post gives one. */
  imageAlt: string | null;
  lang: string;
  /** `<link rel="alternate" hreflang>`: a post written in another language than the site's. */
  alternates: Array<{ hreflang: string; href: string }>;
  /** Which main-nav entry the page belongs to. */
  section: 'home' | 'post' | 'page' | 'archive' | 'tags' | 'authors' | 'search' | 'error';
  publishedTime: string | null;
  modifiedTime: string | null;
  /** `@handle` for `twitter:site`. */
  twitterSite: string | null;
  twitterCard: 'summary' | 'summary_large_image';
  /** `<link rel="prev|next">` of paginated lists. */
  prevHref: string | null;
  nextHref: string | null;
  /** Per-page feed (tag RSS) for `<link rel="alternate">`. */
  feed: string | null;
  noindex: boolean;
  /** JSON-LD of list pages (a post page emits its own `post.jsonLd`). */
  jsonLd: string | null;
  /** On pages that show typeset math: the KaTeX stylesheet's href (render/katex.ts). Absent elsewhere. */
  math?: { stylesheet: string } | null;
}

/** One page of a paginated list. */
/** A numbered page link; `gapBefore` when pages between it and the link before are left out. */
export interface PageLinkView {
  number: number;
  href: string;
  gapBefore: boolean;
}

export interface PaginationView {
  current: number;
  total: number;
  /** The newer page. */
  prevHref: string | null;
  /** The older page. */
  nextHref: string | null;
  /**
   * Links to the first and last page and to those near the current one (which has
   * `number == current`); a link after left-out pages has `gapBefore`.
   */
  pages: PageLinkView[];
}
