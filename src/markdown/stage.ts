/**
 * The markdown stage of a build: every post's body, from the persistent cache where its result
 * still holds, the rest rendered on worker threads, each within its budget (pool.ts), and then cached.
 */
import type { CacheBucket } from '../cache/store.ts';
import { digest } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Post, RenderedPost } from '../types.ts';
import type { LinkDependency } from './data.ts';
import { imageStamp } from './images.ts';
import { bodyFromStore, openBodyStore } from './bodies.ts';
import { lookupHolds } from './dialects/lookups.ts';
import { isFile } from '../shared/files.ts';
import { isFailure } from './failures.ts';
import { runJobs, type RenderPool } from './pool.ts';
import { applyResult, jobOf, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './job.ts';

/** How the stage found its results, for the build's summary and the benchmark. */
export interface MarkdownStats {
  cached: number;
  rendered: number;
}

/** From this many posts on, bodies wait in a file rather than in memory (see bodies.ts). */
const SPILL_AT = 10_000;

/** Render every post's markdown, reusing cached results whose lookups still give the same answers. */
export async function renderPosts(
  posts: readonly Post[],
  context: MarkdownContext,
  options: {
    cache: CacheBucket<MarkdownResult>;
    threads: number | undefined;
    /** Each post's render budget in seconds (config `renderTimeout`); 10 unless given. */
    renderTimeout?: number;
    /** Worker threads kept between runs (the dev session's); else this run starts and ends its own. */
    pool?: RenderPool;
    spillAt?: number;
    /**
     * Let each post's text go (`file.value` becomes '') once its body is rendered: nothing after
     * this stage reads it in a build (the text rules' findings come back as facts), and on a big
     * site the texts are most of the memory. `check --fix` and the dev server keep them.
     */
    releaseTexts?: boolean;
  },
): Promise<{ rendered: RenderedPost[]; stats: MarkdownStats }> {
  const jobs = posts.map(jobOf);
  const keys = jobs.map((job) => keyOf(job, context));
  const store = posts.length >= (options.spillAt ?? SPILL_AT) ? openBodyStore() : undefined;
  /** Each post once its result is in: undefined while waiting, null when rendering it failed. */
  const done: Array<RenderedPost | null | undefined> = [];
  /**
   * Apply a result as soon as it is there, its body to the store when there is one: holding
   * every result until the last one came back was most of a big build's peak.
   */
  const hold = (index: number, result: MarkdownResult) => {
    const body = store?.keep(result.html);
    const post = applyResult(posts[index]!, body ? { ...result, html: '' } : result, context) ?? null;
    if (post && body) bodyFromStore(post, body);
    done[index] = post;
    if (options.releaseTexts) {
      posts[index]!.raw.file.value = '';
      // The job is still in the lists the workers were fed: emptied, it no longer holds the text.
      jobs[index]!.text = '';
    }
  };
  keys.forEach((key, index) => {
    const cached = options.cache.get(key);
    if (cached && dependenciesHold(cached.deps, context)) hold(index, cached);
  });
  const missing = posts.flatMap((_, index) => (done[index] === undefined ? [index] : []));
  await runJobs(
    missing.map((index) => jobs[index]!),
    context,
    { threads: options.threads, renderTimeout: options.renderTimeout, pool: options.pool },
    (position, result) => {
      const index = missing[position]!;
      // A failed rendering is not remembered: the next run tries again and reports it again.
      if (!isFailure(result.messages)) options.cache.set(keys[index]!, result);
      hold(index, result);
    },
  );
  const rendered = done.filter((post): post is RenderedPost => Boolean(post));
  return { rendered, stats: { cached: posts.length - missing.length, rendered: missing.length } };
}

/**
 * Everything a result is a function of, apart from its recorded lookups: the tool's version,
 * the job (file text, paths, front matter fields it uses) and the site-wide context except the
 * post table, which the lookups cover. The context holds the working folder: messages name files relative to it.
 */
function keyOf(job: MarkdownJob, context: MarkdownContext): string {
  // The site values and shortcode templates are lookups too: changing one renders again only the posts that read it.
  const { postPaths: _, site: _site, shortcodes: _shortcodes, ...site } = context;
  return digest(generatorVersion(), JSON.stringify(site), JSON.stringify(job));
}

/** Whether every lookup a cached result made still gives the answer it got then. */
function dependenciesHold(deps: readonly LinkDependency[], context: MarkdownContext): boolean {
  return deps.every((dep) =>
    'file' in dep ? isFile(dep.file) === dep.exists
    : 'image' in dep ? imageStamp(dep.image) === dep.stamp
    : 'lookup' in dep ? lookupHolds(dep, context)
    : (context.postPaths.get(dep.post) ?? null) === dep.page,
  );
}

/**
 * Render one post, as the dev session does for an edit: on a worker of `pool`, within its budget
 * (or on this thread where rendersOnWorkers() is false), uncached.
 */
export async function renderPost(post: Post, context: MarkdownContext, options: { renderTimeout?: number; pool: RenderPool }): Promise<RenderedPost | undefined> {
  let result: MarkdownResult | undefined;
  await runJobs([jobOf(post)], context, { threads: 1, ...options }, (_, done) => (result = done));
  return applyResult(post, result!, context);
}
