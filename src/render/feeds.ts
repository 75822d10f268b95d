/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 through the `feed` package, plus one RSS feed per tag.
 * Each format gets its own `Feed`, because each wants the same text escaped differently:
 * Atom titles and summaries are `type="html"`, RSS has no name-only `<author>`, JSON is raw.
 */
import { Feed, type Author as FeedAuthor, type FeedOptions, type Item } from 'feed';
import type { Author, RenderedPost, Site, Tag } from '../types.ts';
import { absoluteRefUrl, absolutizeHtml, absolutizeUrl } from './absolute-html.ts';
import { postTagLabels } from './jsonld.ts';
import type { OutputFile } from './output-file.ts';
import { attributeText, cdataText, ensureRootAttribute, escapeHtml, LT_PLACEHOLDER, xmlText } from './feed-text.ts';
import { postsKey, type Plan } from './plan.ts';
import { routePath } from '../site/routes.ts';
import { mathmlOnlyHtml } from '../markdown/mathml-only.ts';

/** At most this many posts in a feed, newest first. */
export const FEED_ITEM_LIMIT = 20;

/** Tags an item of a tag's feed carries, as a post card on a list page shows (`limit: 10` in templates/_post-summary.liquid). */
export const TAGS_SHOWN = 10;

/** The `<generator>`: fixed, so identical input gives identical feeds. */
export const FEED_GENERATOR = 'blogsmith';

const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

type Format = 'rss' | 'atom' | 'json';

/** One feed before it is written: a channel and its posts. */
interface FeedSpec {
  title: string;
  description: string;
  /** Site-relative path of the HTML page the feed mirrors. */
  pagePath: string;
  /** Site-relative paths of the feed files that describe this channel. */
  links: { rss: string; atom?: string; json?: string };
  posts: RenderedPost[];
  /** The tag of a tag's feed: its items carry that tag and only a few others (see `categoriesIn`). */
  tag?: Tag;
}

const lastChange = (post: RenderedPost): number => (post.updated ?? post.published).epochMs;

/** Newest first (stable, so the site's own tie order survives), at most FEED_ITEM_LIMIT. */
function feedPosts(posts: readonly RenderedPost[]): RenderedPost[] {
  return [...posts].sort((a, b) => b.published.epochMs - a.published.epochMs).slice(0, FEED_ITEM_LIMIT);
}

/** The feed's own author: the configured default author, else the site itself (Atom wants one). */
function siteAuthor(site: Site): Author {
  return site.author ?? { id: '', name: site.config.title, url: site.routes.url };
}

/** An author's `url`/`avatar` as an absolute URL, or undefined when it cannot be one. */
function authorUrl(site: Site, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const url = absoluteRefUrl(site.routes, ref, site.routes.url);
  return URL.canParse(url) ? url : undefined;
}

function atomAuthor(site: Site, author: Author): FeedAuthor {
  const out: FeedAuthor = { name: xmlText(author.name) };
  if (author.email) out.email = xmlText(author.email);
  const link = authorUrl(site, author.url);
  if (link) out.link = link;
  return out;
}

function jsonAuthor(site: Site, author: Author): Record<string, string> {
  const out: Record<string, string> = { name: xmlText(author.name) };
  const url = authorUrl(site, author.url) ?? (author.email ? `mailto:${author.email}` : undefined);
  if (url) out.url = url;
  const avatar = authorUrl(site, author.avatar);
  if (avatar) out.avatar = avatar;
  return out;
}

/**
 * Item content with absolute URLs, parsed once per post and link: every post appears in three
 * formats and in its tags' feeds, and in dev most posts are unchanged between rebuilds.
 */
const absoluteContent = new WeakMap<RenderedPost, { link: string; source: string; html: string }>();

function contentOf(post: RenderedPost, link: string): string {
  const cached = absoluteContent.get(post);
  if (cached?.link === link && cached.source === post.html) return cached.html;
  // KaTeX's HTML needs its stylesheet, which no feed reader loads: math goes as MathML alone.
  const html = absolutizeHtml(post.math ? mathmlOnlyHtml(post.html) : post.html, link);
  absoluteContent.set(post, { link, source: post.html, html });
  return html;
}

/**
 * A post's tag labels as an item's categories. In a tag's feed, that tag first and at most
 * TAGS_SHOWN in all, as on list pages (templates/_post-summary.liquid): one post with T tags is in
 * T tag feeds, and all its labels in each made the feeds together grow as T² (1,000 tags: 45 MB).
 */
function categoriesIn(site: Site, post: RenderedPost, tag: Tag | undefined): string[] {
  const labels = postTagLabels(post, site);
  if (tag === undefined || labels.length <= TAGS_SHOWN) return labels;
  return [tag.label, ...labels.filter((label) => label !== tag.label)].slice(0, TAGS_SHOWN);
}

function feedItem(site: Site, post: RenderedPost, format: Format, tag?: Tag): Item {
  const link = site.routes.absolute(post.path);
  const labels = categoriesIn(site, post, tag);
  const content = contentOf(post, link);
  const base = {
    link,
    date: new Date(lastChange(post)),
    published: new Date(post.published.epochMs),
  };
  if (format === 'rss') {
    // No `author`: RSS <author> must be an e-mail address, so names go to dc:creator.
    const item: Item = {
      ...base,
      title: cdataText(post.title),
      description: cdataText(escapeHtml(post.summary)),
      content: cdataText(content),
      category: labels.map((label) => ({ name: xmlText(label) })),
    };
    if (post.authors.length > 0) {
      const creators = post.authors.map((author) => ({ _cdata: cdataText(author.name) }));
      // The package assigns `objects` as the element value; xml-js writes an array as repeated elements.
      item.extensions = [{ name: 'dc:creator', objects: creators as unknown as Record<string, unknown> }];
    }
    return item;
  }
  if (format === 'atom') {
    return {
      ...base,
      id: link,
      title: cdataText(escapeHtml(post.title)),
      description: cdataText(escapeHtml(post.summary)),
      content: cdataText(content),
      author: post.authors.map((author) => atomAuthor(site, author)),
      category: labels.map((label) => ({ term: attributeText(label) })),
    };
  }
  // JSON could carry control characters, but the same post should read the same in every feed.
  return {
    ...base,
    id: link,
    title: xmlText(post.title),
    description: xmlText(post.summary),
    content: xmlText(content),
    category: labels.map((label) => ({ name: xmlText(label) })),
  };
}

function createFeed(site: Site, spec: FeedSpec, format: Format): Feed {
  const home = site.routes.absolute(spec.pagePath);
  const newest = spec.posts.reduce((max, post) => Math.max(max, lastChange(post)), -Infinity);
  const feedLinks: FeedOptions['feedLinks'] = { rss: site.routes.absolute(spec.links.rss) };
  if (spec.links.atom) feedLinks.atom = site.routes.absolute(spec.links.atom);
  if (spec.links.json) feedLinks.json = site.routes.absolute(spec.links.json);
  const options: FeedOptions = {
    id: home,
    link: home,
    title: xmlText(spec.title),
    description: xmlText(spec.description),
    language: site.config.language,
    updated: Number.isFinite(newest) ? new Date(newest) : site.now,
    generator: FEED_GENERATOR,
    feedLinks,
  };
  if (format === 'atom') options.author = atomAuthor(site, siteAuthor(site));
  const feed = new Feed(options);
  for (const post of spec.posts) feed.addItem(feedItem(site, post, format, spec.tag));
  return feed;
}

function rss(site: Site, spec: FeedSpec): string {
  const xml = createFeed(site, spec, 'rss').rss2();
  // The package declares xmlns:dc only when some item has content; dc:creator needs it regardless.
  return xml.includes('<dc:creator') ? ensureRootAttribute(xml, 'rss', 'xmlns:dc', DC_NAMESPACE) : xml;
}

function atom(site: Site, spec: FeedSpec): string {
  const xml = createFeed(site, spec, 'atom').atom1().replaceAll(LT_PLACEHOLDER, '&lt;');
  return ensureRootAttribute(xml, 'feed', 'xml:lang', site.config.language);
}

/** The package writes JSON Feed 1; this lifts it to 1.1 (`authors` arrays, `language`). */
function jsonFeed(site: Site, spec: FeedSpec): string {
  const feed = JSON.parse(createFeed(site, spec, 'json').json1()) as Record<string, unknown>;
  const items = feed.items as Array<Record<string, unknown>>;
  delete feed.author;
  delete feed.items;
  const out: Record<string, unknown> = {
    ...feed,
    version: JSON_FEED_VERSION,
    language: site.config.language,
    authors: [jsonAuthor(site, siteAuthor(site))],
    items: items.map((item, index) => {
      const post = spec.posts[index]!;
      const { author: _author, ...rest } = item;
      const next: Record<string, unknown> = { ...rest };
      if (post.image) next.image = absolutizeUrl(post.image, site.routes.absolute(post.path));
      if (post.authors.length > 0) next.authors = post.authors.map((author) => jsonAuthor(site, author));
      if (post.lang) next.language = post.lang;
      return next;
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `rss.xml`, `atom.xml`, `feed.json` for the newest posts, and `tags/<slug>/rss.xml` per tag. */
export function renderFeeds(site: Site): OutputFile[] {
  return planFeeds(site).map((plan) => ({ path: plan.file, contents: plan.render() }));
}

/** One plan per feed file: a feed depends on exactly the posts it carries. */
export function planFeeds(site: Site): Array<Plan & { render(): string }> {
  const links = { rss: routePath('rss'), atom: routePath('atom'), json: routePath('jsonFeed') };
  const main: FeedSpec = {
    title: site.config.title,
    description: site.config.description,
    pagePath: routePath('home'),
    links,
    posts: feedPosts(site.posts),
  };
  const plan = (file: string, spec: FeedSpec, write: (site: Site, spec: FeedSpec) => string) => ({
    file,
    key: `${spec.title}\n${postsKey(spec.posts)}`,
    posts: spec.posts,
    render: () => write(site, spec),
  });
  return [
    plan(links.rss, main, rss),
    plan(links.atom, main, atom),
    plan(links.json, main, jsonFeed),
    ...site.tags.map((tag) => {
      const spec = tagFeedSpec(site, tag);
      return plan(spec.links.rss, spec, rss);
    }),
  ];
}

function tagFeedSpec(site: Site, tag: Tag): FeedSpec {
  return {
    title: `${site.config.title}: ${tag.label}`,
    description: tag.description ?? `Posts tagged ${tag.label}`,
    pagePath: routePath('tag', { slug: tag.slug }),
    links: { rss: routePath('tagFeed', { slug: tag.slug }) },
    posts: feedPosts(tag.posts),
    tag,
  };
}
