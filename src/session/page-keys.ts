/**
 * What a page depends on: the one function by which an incremental build decides to keep the last
 * build's file and the dev server decides which pages to render again. Equal keys mean equal bytes.
 *
 * A page's key is the site-wide part (this tool, config, tags, authors, the footer's year), the
 * templates its own template uses, its plan's shape, and of each post it shows what it shows:
 * the whole post on its own page and in feeds; what the summary view holds (render/view.ts
 * `summary`: no body) on list pages; title, link and date of a post page's neighbours and related posts.
 */
import path from 'node:path';
import { digest, digestAll } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Plan } from '../render/plan.ts';
import { templateClosures } from '../render/template-deps.ts';
import { filesUnder } from '../shared/files.ts';
import type { RenderedPost, Site } from '../types.ts';

/** How much of a post a page shows. */
type Shown = 'full' | 'summary' | 'link';

/** Everything every page of the site depends on besides its template and its own plan. */
function siteDigest(site: Site): string {
  const withoutPosts = <T extends { posts: unknown }>({ posts: _, ...rest }: T) => rest;
  // A tag's weight in the cloud is scaled by the biggest tag (render/view.ts): a tag page may show it.
  const biggestTag = site.tags.reduce((max, tag) => Math.max(max, tag.posts.length), 1);
  return digest(
    generatorVersion(),
    JSON.stringify([site.config, site.routes.basePath, site.author, site.tags.map(withoutPosts), site.authors.map(withoutPosts), biggestTag]),
    // The footer's year, and feeds' `updated` on a site without posts.
    site.posts.length === 0 ? site.now.toISOString() : String(site.now.getUTCFullYear()),
  );
}

/** A page key for every plan of `site`, with templates read from `templateDirs` once. */
export function pageKeys(site: Site, templateDirs: readonly string[]): (plan: Plan) => string {
  const siteKey = siteDigest(site);
  const templateKey = templateDigests(templateDirs);
  return (plan) => pageKey(siteKey, plan.template === undefined ? '' : templateKey(plan.template), plan);
}

/** The digest of each page template's files (its closure); every template's when it can't be followed. */
function templateDigests(templateDirs: readonly string[]): (template: string) => string {
  const closureOf = templateClosures(templateDirs);
  const relativeName = (file: string) => {
    const dir = templateDirs.find((candidate) => file.startsWith(candidate + path.sep));
    return dir === undefined ? file : path.relative(dir, file);
  };
  const everyTemplate = () => templateDirs.flatMap((dir) => filesUnder(dir).map((name) => path.join(dir, name)));
  const known = new Map<string, string>();
  return (template) => {
    let key = known.get(template);
    if (key === undefined) {
      const closure = closureOf(template);
      const files = closure === 'all' ? everyTemplate() : closure;
      // Names relative to their template folder: the same templates in another place are the same.
      key = digestAll([template, ...files.flatMap((file) => [relativeName(file), closureOf.text(file)])]);
      known.set(template, key);
    }
    return key;
  };
}

/** The key of one plan's output file, given the site's and its template's parts. */
export function pageKey(siteKey: string, templateKey: string, plan: Plan): string {
  // A post's or a standalone page's own page shows it in full (`page` plans show nothing else).
  const shown = (index: number): Shown =>
    plan.template === undefined || ((plan.template === 'post' || plan.template === 'page') && index === 0) ? 'full' : plan.template === 'post' ? 'link' : 'summary';
  return digestAll([
    siteKey,
    templateKey,
    plan.file,
    plan.key,
    ...plan.posts.map((post, index) => postDigest(post, shown(index))),
    'lists',
    plan.lists ? listDigest(plan.lists) : '',
  ]);
}

const digests: Record<Shown, WeakMap<RenderedPost, string>> = { full: new WeakMap(), summary: new WeakMap(), link: new WeakMap() };

/** A post as far as a page shows it; made once per post object (an edited post is a new object). */
function postDigest(post: RenderedPost, shown: Shown): string {
  let known = digests[shown].get(post);
  if (known === undefined) {
    known = digest(post.raw.file.path, JSON.stringify(partShown(post, shown)));
    digests[shown].set(post, known);
  }
  return known;
}

/** Fields no key reads: the file (its path is in the key), the body (`digest` stands for it) and asset sources. */
const UNKEYED = new Set(['raw', 'html', 'assets']);

/**
 * The fields a page reads of a post it shows in full, as a summary, or as a link. Never reads
 * `html`: a big build keeps bodies on disk behind a getter (markdown/bodies.ts), and `digest` stands for it.
 */
function partShown(post: RenderedPost, shown: Shown): unknown {
  const link = [post.path, post.title, post.published];
  if (shown === 'link') return link;
  if (shown === 'summary') {
    // What render/view.ts `summary` reads. Reading time comes from the body when the markdown stage gave none.
    const reading = post.readingMinutes === undefined || post.hasMore === undefined ? post.digest : [post.readingMinutes, post.hasMore];
    return [...link, post.updated, post.authors, post.tags, post.excerptHtml, post.summary, post.image, post.draft, post.future, post.lang, post.data, reading];
  }
  const fields = Object.keys(post).filter((key) => !UNKEYED.has(key)).map((key) => [key, post[key as keyof RenderedPost]]);
  return [post.digest, fields];
}

const listDigests = new WeakMap<readonly RenderedPost[], string>();

/**
 * One digest for a whole list (`site.posts`, a tag's posts) of summaries, made once: every page of a
 * paginated list is keyed on the same list, and digesting it per page was quadratic
 * (10,000 home pages × 100,000 posts on the bench's biggest site).
 */
function listDigest(list: readonly RenderedPost[]): string {
  let known = listDigests.get(list);
  if (known === undefined) {
    known = digestAll(list.map((post) => postDigest(post, 'summary')));
    listDigests.set(list, known);
  }
  return known;
}
