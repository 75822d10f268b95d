/**
 * What every page kind's planner (render/kinds/) works with: the site, its views, and the helpers
 * all HTML pages share, so that each kind's file says only what is particular to it.
 */
import type { RenderedPost, Site } from '../types.ts';
import { outputFileOf } from '../site/routes.ts';
import { listJsonLd } from './jsonld.ts';
import type { Page } from './pagination.ts';
import { postsKey, type Plan } from './plan.ts';
import { createViews } from './view.ts';
import { fill, type Strings } from './strings/index.ts';
import type { PageView, PostSummaryView } from './view-types.ts';

/** One HTML page to plan. */
export interface PageSpec {
  template: string;
  /** Its site-relative path, from the route table. */
  path: string;
  /** Its shape beyond template and path (see Plan.key); a function when costly, worked out once when first read. */
  key: string | (() => string);
  posts: readonly RenderedPost[];
  lists?: readonly RenderedPost[];
  /** Whether the sitemap lists it; pages with nothing of their own to find (404, search) are left out. */
  sitemap?: boolean;
  view: () => { page: PageView } & Record<string, unknown>;
}

/** The site, its views and the page helpers, handed to each page kind's planner. */
export interface PageContext {
  site: Site;
  views: ReturnType<typeof createViews>;
  siteTitle: string;
  /** The UI strings (strings/), for page names in `<title>`. */
  t: Strings;
  /** Orders tags and authors by name in the site's language. */
  collator: Intl.Collator;
  /** The layout's view of a page; `name` undefined means the site title alone. */
  page(path: string, name: string | undefined, meta?: Partial<PageView>): PageView;
  /** Plan one page; views are built only when it is rendered. */
  add(spec: PageSpec): void;
  /** Whether the output file is wanted (all are, unless the caller plans a few pages again: see planSite). */
  wants(file: string): boolean;
  /** Whether the page at a site-relative path is wanted: `wants` of its output file. */
  wantsPath(path: string): boolean;
  /** The layout fields of one page of a paginated list. */
  listMeta(list: Page<RenderedPost>, kind: 'Blog' | 'CollectionPage', name: string, description: string): Partial<PageView>;
  summaries(posts: readonly RenderedPost[]): PostSummaryView[];
  /** `Name (page 3)`: page 1 keeps the plain name. */
  numbered(name: string, n: number): string;
  /** A paginated list's page changes shape when its items or the number of pages change. */
  listKey(list: Page<RenderedPost>): string;
}

/** A context whose `add` appends to `plans` the pages `wants` keeps. */
export function pageContext(site: Site, plans: Plan[], wants: (file: string) => boolean = () => true): PageContext {
  const views = createViews(site);
  const siteTitle = site.config.title;
  // The theme's file names change with their bytes (theme-assets.ts): every page links them.
  const themeKey = JSON.stringify([views.site.stylesheet, views.site.stylesheets, views.site.script, views.site.favicon]);
  const t = views.site.t;
  return {
    site,
    views,
    siteTitle,
    t,
    collator: collatorFor(site.config.language),
    page: (path, name, meta = {}) => {
      // A page without its own image gets the site's default (config `image`), as a large card: a site-wide image is a banner too.
      const image = meta.image ?? views.site.image;
      return {
        title: name === undefined ? siteTitle : `${name} – ${siteTitle}`,
        socialTitle: name ?? siteTitle,
        description: site.config.description,
        path,
        href: site.routes.href(path),
        canonical: site.routes.absolute(path),
        type: 'website',
        imageAlt: null,
        lang: site.config.language,
        alternates: [],
        section: 'home',
        publishedTime: null,
        modifiedTime: null,
        twitterSite: null,
        prevHref: null,
        nextHref: null,
        feed: null,
        noindex: false,
        jsonLd: null,
        ...meta,
        image,
        twitterCard: image ? 'summary_large_image' : 'summary',
      };
    },
    wants,
    wantsPath: (path) => wants(outputFileOf(path)),
    add: ({ template, path, key, posts, lists, sitemap = true, view }) => {
      if (!wants(outputFileOf(path))) return;
      let known: string | undefined;
      plans.push({
        file: outputFileOf(path),
        sitemapPath: sitemap ? path : undefined,
        template,
        get key() {
          known ??= `${template}\n${path}\n${themeKey}\n${typeof key === 'function' ? key() : key}`;
          return known;
        },
        posts,
        lists,
        // `t` is a global, so partials rendered with `{% render %}` (which see only what they are given) have the strings too.
        render: (engine) => engine.renderFileSync(template, { site: views.site, ...view() }, { globals: { t: views.site.t } }),
      });
    },
    listMeta: (list, kind, name, description) => ({
      prevHref: list.pagination.prevHref,
      nextHref: list.pagination.nextHref,
      description,
      jsonLd: listJsonLd(kind, site, { path: list.path, title: name, description, posts: list.items }),
    }),
    summaries: (posts) => posts.map(views.summary),
    numbered: (name, n) => (n === 1 ? name : `${name} (${fill(t.pageN, { n })})`),
    listKey: (list) => `${list.pagination.total}\n${postsKey(list.items)}`,
  };
}

function collatorFor(language: string): Intl.Collator {
  try {
    return new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}
