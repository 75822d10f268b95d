/** Every HTML page of the site, from the site model through the Liquid templates (pure: model in, files out). */
import type { RenderedPost, Site } from '../types.ts';
import type { OutputFile } from './output-file.ts';
import { createEngine } from './liquid.ts';
import { listJsonLd } from './jsonld.ts';
import { paginate, type Page } from './pagination.ts';
import { outputFileOf, routePath } from '../site/routes.ts';
import { createViews } from './view.ts';
import type { PageView, PostSummaryView } from './view-types.ts';
import { listingKey, postsKey, type Plan } from './plan.ts';
import { byYear } from '../site/years.ts';

/** The rendered pages, and the site-relative path of every page for the sitemap (not 404). */
export interface RenderedPages {
  files: OutputFile[];
  pagePaths: string[];
}

/**
 * Render the home and its pages, every post, the tag, author and archive pages and 404.html.
 * `templateDirs` are searched in order: a site's own `templates/` first, then the defaults.
 */
export async function renderPages(site: Site, templateDirs: string[]): Promise<RenderedPages> {
  const engine = createEngine(templateDirs);
  const plans = planPages(site);
  const files: OutputFile[] = [];
  for (const plan of plans) files.push({ path: plan.file, contents: await plan.render(engine) });
  return { files, pagePaths: plans.flatMap((plan) => (plan.sitemapPath === undefined ? [] : [plan.sitemapPath])) };
}

/** Plans for every HTML page; views are built only when a plan is rendered. */
export function planPages(site: Site): Plan[] {
  const views = createViews(site);
  const plans: Plan[] = [];
  const siteTitle = site.config.title;
  const collator = collatorFor(site.config.language);

  /** The layout's view of a page; `name` undefined means the site title alone. */
  const page = (path: string, name: string | undefined, meta: Partial<PageView> = {}): PageView => ({
    title: name === undefined ? siteTitle : `${name} – ${siteTitle}`,
    socialTitle: name ?? siteTitle,
    description: site.config.description,
    path,
    canonical: site.routes.absolute(path),
    type: 'website',
    image: null,
    imageAlt: null,
    lang: site.config.language,
    alternates: [],
    section: 'home',
    publishedTime: null,
    modifiedTime: null,
    twitterSite: null,
    twitterCard: 'summary',
    prevHref: null,
    nextHref: null,
    feed: null,
    noindex: false,
    jsonLd: null,
    ...meta,
  });

  interface PageSpec {
    template: string;
    path: string;
    key: string;
    posts: readonly RenderedPost[];
    lists?: readonly RenderedPost[];
    sitemap?: boolean;
    view: () => { page: PageView } & Record<string, unknown>;
  }
  const add = ({ template, path, key, posts, lists, sitemap = true, view }: PageSpec) =>
    plans.push({
      file: outputFileOf(path),
      sitemapPath: sitemap ? path : undefined,
      template,
      key: `${template}\n${path}\n${key}`,
      posts,
      lists,
      render: (engine) => engine.renderFileSync(template, { site: views.site, ...view() }),
    });

  /** The layout fields of one page of a paginated list. */
  const listMeta = (list: Page<RenderedPost>, kind: 'Blog' | 'CollectionPage', name: string, description: string) => ({
    prevHref: list.pagination.prevHref,
    nextHref: list.pagination.nextHref,
    description,
    jsonLd: listJsonLd(kind, site, { path: list.path, title: name, description, posts: list.items }),
  });
  const summaries = (posts: readonly RenderedPost[]): PostSummaryView[] => posts.map(views.summary);
  const numbered = (name: string, n: number) => (n === 1 ? name : `${name} (page ${n})`);
  /** A paginated list's page changes shape when its items or the number of pages change. */
  const listKey = (list: Page<RenderedPost>) => `${list.pagination.total}\n${postsKey(list.items)}`;

  for (const list of paginate(site, site.posts, site.config.postsPerPage, routePath('home'))) {
    const n = list.pagination.current;
    const name = n === 1 ? undefined : `Page ${n}`;
    add({
      template: 'home',
      path: list.path,
      key: listKey(list),
      posts: list.items,
      view: () => ({
        page: page(list.path, name, listMeta(list, 'Blog', numbered(siteTitle, n), site.config.description)),
        posts: summaries(list.items),
        pagination: list.pagination,
      }),
    });
  }

  for (const [index, current] of site.posts.entries()) {
    // Neighbours' and related posts' titles and links show on the page, so they are part of what it depends on.
    const neighbours = [site.posts[index + 1], site.posts[index - 1]].filter((p): p is RenderedPost => p !== undefined);
    const related = views.related(current);
    add({
      template: 'post',
      path: current.path,
      key: `${site.posts[index + 1]?.path ?? ''}\n${site.posts[index - 1]?.path ?? ''}\n${postsKey(related)}`,
      posts: [current, ...neighbours, ...related],
      view: () => {
        const post = views.post(index);
        return {
          page: page(current.path, post.title, {
            description: post.summary,
            canonical: post.canonical,
            type: 'article',
            image: post.image,
            imageAlt: post.hero?.alt || null,
            lang: post.lang,
            alternates: post.lang.toLowerCase() === site.config.language.toLowerCase() ? [] : [{ hreflang: post.lang, href: post.url }],
            section: 'post',
            publishedTime: post.published.iso,
            modifiedTime: post.updated?.iso ?? null,
            twitterSite: post.twitterUsername ? `@${post.twitterUsername.replace(/^@/, '')}` : null,
            twitterCard: post.image ? 'summary_large_image' : 'summary',
            noindex: post.draft,
          }),
          post,
        };
      },
    });
  }

  const tags = [...site.tags].sort((a, b) => collator.compare(a.label, b.label) || a.slug.localeCompare(b.slug));
  const tagsPath = routePath('tags');
  add({
    template: 'tags',
    path: tagsPath,
    key: tags.map((tag) => `${tag.slug}\t${tag.label}\t${tag.posts.length}`).join('\n'),
    posts: [],
    lists: site.posts,
    view: () => ({
      page: page(tagsPath, 'Tags', { section: 'tags', description: `All tags of ${siteTitle}` }),
      tags: tags.map(views.tag),
    }),
  });
  for (const tag of tags) {
    const description = tag.description ?? `Posts tagged “${tag.label}” on ${siteTitle}`;
    for (const list of paginate(site, tag.posts, site.config.postsPerPage, routePath('tag', { slug: tag.slug }))) {
      const name = numbered(`Posts tagged “${tag.label}”`, list.pagination.current);
      add({
        template: 'tag',
        path: list.path,
        key: `${tag.label}\t${tag.posts.length}\n${listKey(list)}`,
        posts: list.items,
        lists: tag.posts,
        view: () => {
          const tagView = views.tag(tag);
          return {
            page: page(list.path, name, { section: 'tags', feed: tagView.feed, ...listMeta(list, 'CollectionPage', name, description) }),
            tag: tagView,
            posts: summaries(list.items),
            pagination: list.pagination,
          };
        },
      });
    }
  }

  const authors = [...site.authors].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  const authorsPath = routePath('authors');
  add({
    template: 'authors',
    path: authorsPath,
    key: authors.map((author) => `${author.id}\t${author.name}\t${author.posts.length}`).join('\n'),
    posts: [],
    lists: site.posts,
    view: () => ({
      page: page(authorsPath, 'Authors', { section: 'authors', description: `The authors of ${siteTitle}` }),
      authors: authors.map(views.author),
    }),
  });
  for (const author of authors) {
    const path = routePath('author', { id: author.id });
    const description = author.bio ?? `Posts by ${author.name} on ${siteTitle}`;
    add({
      template: 'author',
      path,
      // The author page lists titles and dates, not excerpts: its key covers all it shows.
      key: `${author.name}\t${author.bio ?? ''}\t${author.url ?? ''}\n${listingKey(author.posts)}`,
      posts: [],
      lists: author.posts,
      view: () => ({
        page: page(path, author.name, {
          section: 'authors',
          description,
          jsonLd: listJsonLd('CollectionPage', site, { path, title: author.name, description, posts: author.posts }),
        }),
        author: views.author(author),
        posts: summaries(author.posts),
      }),
    });
  }

  const archivePath = routePath('archive');
  add({
    template: 'archive',
    path: archivePath,
    key: listingKey(site.posts),
    posts: [],
    lists: site.posts,
    view: () => ({
      page: page(archivePath, 'Archive', {
        section: 'archive',
        description: `All posts of ${siteTitle}`,
        jsonLd: listJsonLd('CollectionPage', site, { path: archivePath, title: 'Archive', description: `All posts of ${siteTitle}`, posts: site.posts }),
      }),
      years: byYear(site.posts).map(({ year, posts }) => ({ year, count: posts.length, posts: summaries(posts) })),
    }),
  });

  if (site.config.search !== false) {
    // The page is the same for every query (the script reads `?q=`); not in the sitemap: it has nothing of its own to find.
    const searchPath = routePath('search');
    add({
      template: 'search',
      path: searchPath,
      key: '',
      posts: [],
      sitemap: false,
      view: () => ({
        page: page(searchPath, 'Search', { section: 'search', description: `Search the posts of ${siteTitle}`, noindex: true }),
        search: { script: site.routes.href(routePath('searchScript')), index: site.routes.href(routePath('searchIndexScript')) },
      }),
    });
  }

  const notFoundPath = routePath('notFound');
  add({
    template: '404',
    path: notFoundPath,
    key: '',
    posts: [],
    sitemap: false,
    view: () => ({ page: page(notFoundPath, 'Page not found', { section: 'error', noindex: true }) }),
  });
  return plans;
}

function collatorFor(language: string): Intl.Collator {
  try {
    return new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}
