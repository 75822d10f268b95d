/**
 * Standalone pages (`content/pages/about.md` → `about/`): their own template, `page.liquid`, at
 * their own path. A page is in the sitemap and the search index like a post, but in no list, feed
 * or tag, and it has no neighbours or related posts; its JSON-LD is a schema.org `WebPage`.
 */
import type { RenderedPost, Site } from '../../types.ts';
import { absoluteRefUrl, absolutizeUrl } from '../absolute-html.ts';
import { scriptSafeJson } from '../jsonld.ts';
import type { PageContext } from '../page-context.ts';
import { tocView, type TocEntry } from '../toc.ts';
import { dateView } from '../view.ts';
import type { DateView, HeroView, TocItemView } from '../view-types.ts';
import { heroView } from '../hero.ts';
import { KATEX_STYLESHEET } from '../katex.ts';

/** What `page.liquid` gets as `entry`: the page's own content (the layout's `page` holds its head meta). */
export interface StandalonePageView {
  title: string;
  /** Body HTML, links already carrying the base path. */
  html: string;
  href: string;
  /** Absolute URL of the page. */
  url: string;
  /** Site-relative path (`about/`). */
  path: string;
  /** Plain-text description: explicit, else from the first paragraph. */
  summary: string;
  /** The front matter's date, when it gives one; a page needs none. */
  published: DateView | null;
  updated: DateView | null;
  /** The `image` at the top of the page, sized and with its resized copies as a post's (render/hero.ts). */
  hero: HeroView | null;
  toc: TocItemView[];
  lang: string;
  draft: boolean;
  /** Whether Pagefind may index it (never a draft or a scheduled page). */
  indexable: boolean;
  /** Inner text of `<script type="application/ld+json">`, already safe. */
  jsonLd: string;
  /** All front matter keys, as written. */
  data: Record<string, unknown>;
}

/** Plan one page per standalone page. */
export function planStandalonePages({ site, add, page }: PageContext): void {
  for (const current of site.pages ?? []) {
    add({
      template: 'page',
      path: current.path,
      // A page shows nothing of any other: its shape is its own path and template.
      key: '',
      posts: [current],
      view: () => {
        const entry = standalonePageView(current, site);
        return {
          page: page(current.path, entry.title, {
            description: entry.summary,
            canonical: current.canonical ? absoluteRefUrl(site.routes, current.canonical, entry.url) : entry.url,
            type: 'website',
            image: current.image ? absolutizeUrl(current.image, entry.url) : null,
            imageAlt: current.imageAlt || null,
            lang: entry.lang,
            alternates: entry.lang.toLowerCase() === site.config.language.toLowerCase() ? [] : [{ hreflang: entry.lang, href: entry.url }],
            section: 'page',
            modifiedTime: current.updated?.iso ?? null,
            twitterSite: current.twitterUsername ? `@${current.twitterUsername.replace(/^@/, '')}` : null,
            twitterCard: current.image ? 'summary_large_image' : 'summary',
            noindex: current.draft,
            // As on a post's page: only pages with math load KaTeX's stylesheet (and, through it, its fonts).
            math: current.math ? { stylesheet: site.routes.href(KATEX_STYLESHEET) } : null,
          }),
          entry,
        };
      },
    });
  }
}

/** The template's view of one standalone page. */
export function standalonePageView(current: RenderedPost, site: Site): StandalonePageView {
  const url = site.routes.absolute(current.path);
  const lang = current.lang ?? site.config.language;
  return {
    title: current.title,
    html: current.html,
    href: site.routes.href(current.path),
    url,
    path: current.path,
    summary: current.summary,
    published: current.undated ? null : dateView(current.published, lang),
    updated: current.updated ? dateView(current.updated, lang) : null,
    hero: heroView(current),
    toc: tocView(current.toc as TocEntry[] | undefined, current.showToc),
    lang,
    draft: current.draft,
    indexable: !current.draft && !current.future,
    jsonLd: webPageJsonLd(current, site, url, lang),
    data: current.data,
  };
}

/** A schema.org `WebPage`: not a `BlogPosting`, which would tell search engines the page is a dated article. */
function webPageJsonLd(current: RenderedPost, site: Site, url: string, lang: string): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: current.title,
    url,
    inLanguage: lang,
    isPartOf: { '@type': 'WebSite', name: site.config.title, url: site.routes.url },
  };
  if (current.summary) data.description = current.summary;
  if (current.updated) data.dateModified = current.updated.iso;
  if (!current.undated) data.datePublished = current.published.iso;
  if (current.image) data.image = absolutizeUrl(current.image, url);
  return scriptSafeJson(data);
}
