/**
 * Plain view objects for templates (Zola's SerializingPage): strings, numbers, booleans, null,
 * arrays and plain objects only, with every href already carrying the base path and every
 * canonical/social URL already absolute, so templates never compute a URL.
 */
import type { Author, PostDate, RenderedPost, Site, SiteAuthor, Tag } from '../types.ts';
import { formatLongDate } from './date-format.ts';
import { blogPostingJsonLd } from './jsonld.ts';
import { absoluteRefUrl, absolutizeUrl } from './absolute-html.ts';
import { tocView, type TocEntry } from './toc.ts';
import { heroView, THUMBNAIL_SIZES } from './hero.ts';
import { stringsFor } from './strings/index.ts';
import { themeOf } from './theme-assets.ts';
import { relatedPosts } from '../site/related.ts';
import { isExternalLink, splitUrl } from '../shared/url.ts';
import { routePath } from '../site/routes.ts';
import { hasMore, readingMinutes } from '../markdown/reading.ts';
import type {
  AuthorCardView,
  AuthorLinkView,
  AuthorView,
  DateView,
  PostLinkView,
  PostSummaryView,
  PostView,
  SiteView,
  TagLinkView,
  TagView,
} from './view-types.ts';

export type * from './view-types.ts';

/** A post date for templates. */
export function dateView(date: PostDate, language: string): DateView {
  return { iso: date.iso, day: date.day, display: formatLongDate(date.day, language) };
}

/**
 * A URL from config or the theme: http(s) and mailto: ones stay (the config allows no other
 * scheme), site paths (`/about/#team`, `style.css`) get the base path, their query and fragment kept as written.
 */
function linkHref(site: Site, ref: string): string {
  if (isExternalLink(ref)) return ref;
  const { pathname, suffix } = splitUrl(ref);
  return site.routes.href(pathname) + suffix;
}

/** The site part of every template context. */
export function siteView(site: Site): SiteView {
  const href = (path: string) => site.routes.href(path);
  const theme = themeOf(site);
  const favicon = linkHref(site, theme.favicon);
  const image = site.config.image;
  return {
    title: site.config.title,
    description: site.config.description,
    language: site.config.language,
    base: site.routes.basePath,
    url: site.routes.absolute(routePath('home')),
    nav: {
      home: href(routePath('home')),
      archive: href(routePath('archive')),
      tags: href(routePath('tags')),
      authors: href(routePath('authors')),
      search: site.config.search === false ? null : href(routePath('search')),
      links: (site.config.nav ?? []).map(({ label, url }) => ({ label, href: linkHref(site, url) })),
    },
    feeds: { rss: href(routePath('rss')), atom: href(routePath('atom')), json: href(routePath('jsonFeed')) },
    stylesheet: linkHref(site, theme.stylesheet),
    stylesheets: theme.stylesheets.map((ref) => linkHref(site, ref)),
    script: linkHref(site, theme.script),
    favicon: { href: favicon, type: /\.svg(?:[?#]|$)/i.test(favicon) ? 'image/svg+xml' : null },
    // A site path (`card.png`, `/card.png`) is under the base URL either way.
    image: image ? absoluteRefUrl(site.routes, image, site.routes.url) : null,
    t: stringsFor(site.config.language, site.config.strings),
    year: site.now.getUTCFullYear(),
  };
}

/**
 * A URL written by an author (an `avatar` in authors.yml) as an href: external URLs stay,
 * root-relative ones get the base path (as in post bodies), relative ones resolve against `fromPath`.
 */
export function resolveHref(site: Site, ref: string, fromPath: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(ref) || ref.startsWith('//')) return ref;
  if (ref.startsWith('/')) return site.routes.href(ref);
  const url = new URL(ref, site.routes.absolute(fromPath));
  return url.pathname + url.search + url.hash;
}

/** Builds (and caches, since a post appears on many pages) the views of one site. */
export function createViews(site: Site) {
  const tagsByKey = new Map(site.tags.map((tag) => [tag.key, tag]));
  // Keyed by post, checked against its content: a post object is made once per edit, but a view is cheap to check.
  const summaries = new Map<RenderedPost, { digest: string; summary: string; data: unknown; view: PostSummaryView }>();

  const tagLink = (tag: Tag): TagLinkView => ({
    label: tag.label,
    slug: tag.slug,
    href: site.routes.href(routePath('tag', { slug: tag.slug })),
  });

  const authorLink = (author: { id: string; name: string; url?: string }): AuthorLinkView => ({
    id: author.id,
    name: author.name,
    href: site.routes.href(routePath('author', { id: author.id })),
    url: author.url ?? null,
  });

  const authorCard = (author: Author): AuthorCardView => ({
    ...authorLink(author),
    avatar: author.avatar ? resolveHref(site, author.avatar, '') : null,
    bio: author.bio ?? null,
  });

  const related = relatedPosts(site);
  // The tag cloud scales against the most used tag; a log scale keeps one huge tag from flattening the rest.
  const maxTagCount = site.tags.reduce((max, tag) => Math.max(max, tag.posts.length), 1);
  const tagWeight = (count: number) => (maxTagCount === 1 ? 1 : 1 + Math.round((4 * Math.log(count)) / Math.log(maxTagCount)));

  const summary = (post: RenderedPost): PostSummaryView => {
    const cached = summaries.get(post);
    // The digest stands for the body: comparing it never loads a body kept on disk (see markdown/bodies.ts).
    if (cached && cached.digest === post.digest && cached.summary === post.summary && cached.data === post.data) return cached.view;
    const reading = readingOf(post);
    const lang = post.lang ?? site.config.language;
    const view: PostSummaryView = {
      title: post.title,
      href: site.routes.href(post.path),
      url: site.routes.absolute(post.path),
      path: post.path,
      published: dateView(post.published, lang),
      updated: post.updated ? dateView(post.updated, lang) : null,
      authors: post.authors.map(authorLink),
      tags: post.tags.flatMap((ref) => {
        const tag = tagsByKey.get(ref.key);
        return tag ? [tagLink(tag)] : [];
      }),
      excerptHtml: post.excerptHtml,
      hasMore: reading.more,
      summary: post.summary,
      image: post.image ? absolutizeUrl(post.image, site.routes.absolute(post.path)) : null,
      thumbnail: post.image ?? null,
      // The hero's resized copies: told the slot's width, a browser fetches the narrowest that fills it, not the original.
      thumbnailSources: post.image ? (post.hero?.sources ?? []) : [],
      thumbnailSizes: THUMBNAIL_SIZES,
      draft: post.draft,
      future: post.future,
      readingMinutes: reading.minutes,
      lang,
      data: post.data,
    };
    summaries.set(post, { digest: post.digest, summary: post.summary, data: post.data, view });
    return view;
  };

  /** The full view of `site.posts[index]`, with its neighbours. */
  const post = (index: number): PostView => {
    const current = site.posts[index];
    if (!current) throw new RangeError(`No post at index ${index}`);
    const link = (other: RenderedPost | undefined): PostLinkView | null =>
      other ? { title: other.title, href: site.routes.href(other.path) } : null;
    const url = site.routes.absolute(current.path);
    const base = summary(current);
    return {
      ...base,
      html: current.html,
      canonical: current.canonical ? absoluteRefUrl(site.routes, current.canonical, url) : url,
      prev: link(site.posts[index + 1]),
      next: link(site.posts[index - 1]),
      jsonLd: blogPostingJsonLd(current, site),
      twitterUsername: current.twitterUsername ?? null,
      // A post made by hand (tests, a `processPosts` hook) may carry no `toc`: it then shows none.
      toc: tocView(current.toc as TocEntry[] | undefined, current.showToc),
      related: related(current).map((other) => ({ ...link(other)!, published: dateView(other.published, base.lang) })),
      // A card with only a name would repeat the byline: only authors with a bio or an avatar get one.
      authorCards: current.authors.filter((author) => author.bio || author.avatar).map(authorCard),
      hero: heroView(current),
      indexable: !current.draft && !current.future,
    };
  };

  const tag = (tag: Tag): TagView => ({
    ...tagLink(tag),
    feed: site.routes.href(routePath('tagFeed', { slug: tag.slug })),
    description: tag.description ?? null,
    count: tag.posts.length,
    weight: tagWeight(tag.posts.length),
  });

  const author = (author: SiteAuthor): AuthorView => ({ ...authorCard(author), count: author.posts.length });

  return { site: siteView(site), summary, post, tag, author, related };
}

/** Computed by the markdown stage; posts made by hand (tests, hooks) may lack the numbers. */
function readingOf(post: RenderedPost): { minutes: number; more: boolean } {
  return { minutes: post.readingMinutes ?? readingMinutes(post.html), more: post.hasMore ?? hasMore(post.excerptHtml, post.html) };
}
