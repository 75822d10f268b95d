/**
 * The route table: where every kind of page and file the site writes lives, as data, and the
 * URL helpers all stages share. A leaf module (it imports nothing), so content/, markdown/,
 * render/, output/, check/ and dev/ all ask it, and none takes URL shapes from another stage.
 *
 * A new page kind is one entry in ROUTES (its path pattern) and one file for the kind under
 * render/kinds/ that plans its pages (listed in render/pages.ts). Its top-level name is then
 * reserved (see `isReservedFile`): no post can take it.
 *
 * Paths are site-relative: no base path, no leading slash (`tags/go/`, `rss.xml`, `''` for the
 * home page). A path ending in `/` is a folder served by its `index.html`. In a pattern, `:name`
 * is filled in by `routePath`, and `:n` is always a number (a page, a part).
 */

/** One kind of output: where it lives, and whether posts may live there too. */
export interface Route {
  /** The kind's site-relative path pattern (`tags/:slug/`, `sitemap-:n.xml`). */
  readonly pattern: string;
  /** A list split into pages: page n > 1 lives at `<path>page/<n>/` (see `pagePath`). */
  readonly paginated?: boolean;
  /** Posts live beside it, so its top-level folder is not reserved (`posts/`, `assets/`). */
  readonly shared?: boolean;
}

/** Every kind of page and file the site writes, by the name the code knows it by. */
export const ROUTES = {
  home: { pattern: '', paginated: true },
  // The default permalink. A post's `permalink` replaces the whole path, and a pattern from the
  // site config (`:year/:month/:slug/`) would be filled in the same way: that is why it is data.
  post: { pattern: 'posts/:slug/', shared: true },
  // A standalone page from content/pages/: its place there (`about.md` → `about/`) or its own `permalink`.
  // Any path a post could have, beside posts, so it reserves nothing; site/select.ts reports collisions.
  page: { pattern: ':path/', shared: true },
  tags: { pattern: 'tags/' },
  tag: { pattern: 'tags/:slug/', paginated: true },
  tagFeed: { pattern: 'tags/:slug/rss.xml' },
  authors: { pattern: 'authors/' },
  author: { pattern: 'authors/:id/' },
  archive: { pattern: 'archive/' },
  search: { pattern: 'search/' },
  notFound: { pattern: '404.html' },
  rss: { pattern: 'rss.xml' },
  atom: { pattern: 'atom.xml' },
  jsonFeed: { pattern: 'feed.json' },
  sitemap: { pattern: 'sitemap.xml' },
  // Over 50,000 URLs, sitemap.xml is an index of these parts (render/host-files.ts).
  sitemapPart: { pattern: 'sitemap-:n.xml' },
  robots: { pattern: 'robots.txt' },
  // The Pagefind index: the first index here, the others in part-N/, named by parts.json for the search page.
  searchIndex: { pattern: 'pagefind/' },
  searchIndexPart: { pattern: 'pagefind/part-:n/' },
  searchIndexParts: { pattern: 'pagefind/parts.json' },
  searchIndexScript: { pattern: 'pagefind/pagefind.js' },
  // The default theme's files in static/, which pages link to.
  stylesheet: { pattern: 'style.css' },
  themeScript: { pattern: 'theme.js' },
  searchScript: { pattern: 'search.js' },
  // Files a post links to outside its own folder keep their place under content/ (markdown/links.ts).
  // Never reserved: posts have always been allowed there, and none of these files is a page.
  asset: { pattern: 'assets/:file', shared: true },
  // KaTeX's stylesheet and fonts, only when some post has math (render/katex.ts); `:file` may hold a folder (`fonts/x.woff2`).
  katex: { pattern: 'assets/katex-:version/:file', shared: true },
  // A post's old URL (`aliases`, `redirect_from`): a page sending the reader on. Any path a post
  // could have, so it reserves nothing; site/redirects.ts keeps it off pages and other redirects.
  redirect: { pattern: ':path', shared: true },
  // The same redirects for hosts that read them (Netlify, Cloudflare Pages), when there are any.
  redirects: { pattern: '_redirects' },
} as const satisfies Record<string, Route>;

/** The name of a kind of output in the table. */
export type RouteKind = keyof typeof ROUTES;

/** `slug` of `slug/rest`: a parameter's name runs to the next `/`, `.` or `-`. */
type NameOf<S extends string, Name extends string = ''> = S extends `${infer C}${infer Rest}` ? (C extends '/' | '.' | '-' ? Name : NameOf<Rest, `${Name}${C}`>) : Name;
/** The `:name`s of a pattern, as a union. */
type ParamNames<P extends string> = P extends `${string}:${infer Rest}` ? NameOf<Rest> | ParamNames<Rest> : never;
type PatternOf<K extends RouteKind> = (typeof ROUTES)[K]['pattern'];

/** What `routePath` needs for a kind: `{ slug }` for `tags/:slug/`, nothing for `tags/`. */
export type RouteParams<K extends RouteKind> = Record<ParamNames<PatternOf<K>>, string | number>;

const PARAM = /:([a-z]+)/gi;

/** A pattern with its parameters filled in (`tags/:slug/` + `{ slug: 'go' }` → `tags/go/`); values are taken as they are, not encoded. */
export function fillPattern(pattern: string, params: Readonly<Record<string, string | number>>): string {
  return pattern.replace(PARAM, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The route ${pattern} needs a value for :${name}`);
    return String(value);
  });
}

/** The site-relative path of one page or file of a kind (`routePath('tag', { slug: 'go' })` → `tags/go/`). */
export function routePath<K extends RouteKind>(kind: K, ...params: [ParamNames<PatternOf<K>>] extends [never] ? [] : [RouteParams<K>]): string {
  return fillPattern(ROUTES[kind].pattern, params[0] ?? {});
}

/** Where a paginated list's later pages live, under the list's own path. */
const PAGE = 'page/:n/';

/** The site-relative path of page `n` of the list at `listPath`: page 1 is the list itself. */
export function pagePath(listPath: string, n: number): string {
  return n === 1 ? listPath : listPath + fillPattern(PAGE, { n });
}

/** The output file of a path (`posts/x/` → `posts/x/index.html`, `rss.xml` → `rss.xml`). */
export function outputFileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The path an output file is served at, the reverse of `outputFileOf` (`posts/x/index.html` → `posts/x/`). */
export function pathOfFile(file: string): string {
  return file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * The first segments of every path the table claims, lower-cased (`tags`, `index.html`, `page`,
 * `sitemap-:n.xml`): a post there would overwrite a page, a feed or a file of the site.
 * Shared kinds claim nothing, and a paginated kind claims its later pages too.
 */
export function reservedNames(table: Readonly<Record<string, Route>> = ROUTES): string[] {
  const names = new Set<string>();
  for (const route of Object.values(table)) {
    if (route.shared) continue;
    for (const pattern of route.paginated ? [route.pattern, route.pattern + PAGE] : [route.pattern]) {
      names.add(outputFileOf(pattern).split('/')[0]!.toLowerCase());
    }
  }
  return [...names];
}

/** A test for the reserved first segments of a table: exact names, and a pattern per name with a parameter. */
export function reservedTest(table: Readonly<Record<string, Route>> = ROUTES): (file: string) => boolean {
  const names = reservedNames(table);
  const exact = new Set(names.filter((name) => !name.includes(':')));
  const patterns = names.filter((name) => name.includes(':')).map(patternRegExp);
  return (file) => {
    // Case-folded: `/TAGS/` and `/tags/` are one folder on case-insensitive file systems and many hosts.
    const first = file.split('/')[0]!.toLowerCase();
    return exact.has(first) || patterns.some((pattern) => pattern.test(first));
  };
}

/** `sitemap-:n.xml` → /^sitemap-\d+\.xml$/: `:n` is digits, other parameters one or more characters of a segment. */
function patternRegExp(pattern: string): RegExp {
  const parts = pattern.split(/:([a-z]+)/i);
  const source = parts.map((part, i) => (i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : part === 'n' ? '\\d+' : '[^/]+'));
  return new RegExp(`^${source.join('')}$`, 'i');
}

/** Whether an output file (`tags/x/index.html`, `sitemap-3.xml`) lands on a top-level name the site writes itself. */
export const isReservedFile: (file: string) => boolean = reservedTest();

/**
 * Whether a site-relative path (`posts/nope/`, `page/9/`, `sitemap-3.xml`) starts with a segment the
 * table describes, shared kinds included: a link there that leads nowhere is the site's own broken
 * link, not a link to another part of the same host (see check/site-index.ts).
 */
export const isRoutePath: (file: string) => boolean = reservedTest(
  Object.fromEntries(
    Object.entries(ROUTES as Readonly<Record<string, Route>>)
      // A redirect may be at any path (`:path`): it names no folder of the site's own.
      .filter(([, route]) => !route.pattern.startsWith(':'))
      .map(([name, route]) => [name, { ...route, shared: false }]),
  ),
);

/**
 * Whether a root-relative URL path (`/docs/intro`) lies under one of `prefixes` (`/docs/`), the
 * config's `externalPaths`: other parts of the same host. A prefix is whole segments, so `/docs/`
 * covers `/docs` and `/docs/x` but not `/docs-old/`.
 */
export function underPrefix(pathname: string, prefixes: readonly string[] | undefined): boolean {
  if (!prefixes) return false;
  return prefixes.some((prefix) => {
    const folder = prefix.endsWith('/') ? prefix : `${prefix}/`;
    return pathname === folder.slice(0, -1) || pathname.startsWith(folder);
  });
}

/**
 * A site-relative path as a URL path: each segment percent-encoded, so a permalink folder
 * named `100%` or `a#b` is reachable (`100%25/`, `a%23b/`); `/` separators stay.
 */
export function encodePath(path: string): string {
  return path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

/** Site-relative path → root-relative href under `basePath` (`posts/x/` → `/blog/posts/x/`), for stages that hold only the base path. */
export function hrefUnder(basePath: string, path: string): string {
  return basePath + encodePath(path);
}

/** The path part of a base URL, always starting and ending with `/` (`https://x.org/blog` → `/blog/`). */
export function basePathOf(url: string): string {
  const path = new URL(url).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** A base URL with a trailing slash and no query or fragment, so relative resolution keeps the sub-path. */
export function normalizeBaseUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/** The URLs of one site, with its base path worked out once. */
export interface Routes {
  /** The site's URL, ending in `/` (`https://example.org/blog/`). */
  readonly url: string;
  /** The path part of `url` (`/` or `/blog/`). */
  readonly basePath: string;
  /** Site-relative path → root-relative href (`posts/x/` → `/blog/posts/x/`). */
  href(path: string): string;
  /** Site-relative path → absolute URL (`posts/x/` → `https://example.org/blog/posts/x/`). */
  absolute(path: string): string;
}

/** The URLs of a site at `config.url`; made once per site (`Site.routes`). */
export function routesFor(config: { readonly url: string }): Routes {
  const url = normalizeBaseUrl(config.url);
  const basePath = basePathOf(url);
  return {
    url,
    basePath,
    href: (path) => hrefUnder(basePath, path),
    absolute: (path) => new URL(encodePath(path), url).href,
  };
}
