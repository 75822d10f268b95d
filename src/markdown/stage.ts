/**
 * The markdown stage of a build: every post's body, from the persistent cache where its result
 * still holds, the rest rendered (on worker threads when there are many) and then cached.
 */
import type { CacheBucket } from '../cache/store.ts';
import { digest } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Post, RenderedPost } from '../types.ts';
import type { LinkDependency } from './data.ts';
import { imageStamp } from './images.ts';
import { bodyFromStore, openBodyStore } from './bodies.ts';
import { isFile } from './links.ts';
import { runJobs } from './pool.ts';
import { applyResult, jobOf, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './render.ts';

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
  options: { cache: CacheBucket<MarkdownResult>; threads: number | undefined; spillAt?: number },
): Promise<{ rendered: RenderedPost[]; stats: MarkdownStats }> {
  const jobs = posts.map(jobOf);
  const keys = jobs.map((job) => keyOf(job, context));
  const store = posts.length >= (options.spillAt ?? SPILL_AT) ? openBodyStore() : undefined;
  const bodies: Array<(() => string) | undefined> = [];
  const results: Array<MarkdownResult | undefined> = [];
  /** Hold a result, its body in the store when there is one. */
  const hold = (index: number, result: MarkdownResult) => {
    if (store) bodies[index] = store.keep(result.html);
    results[index] = store ? { ...result, html: '' } : result;
  };
  keys.forEach((key, index) => {
    const cached = options.cache.get(key);
    if (cached && dependenciesHold(cached.deps, context)) hold(index, cached);
  });
  const missing = posts.flatMap((_, index) => (results[index] === undefined ? [index] : []));
  await runJobs(
    missing.map((index) => jobs[index]!),
    context,
    options.threads,
    (position, result) => {
      const index = missing[position]!;
      // A failed rendering is not remembered: the next run tries again and reports it again.
      if (!result.messages.some((message) => message.ruleId === 'markdown-failed')) options.cache.set(keys[index]!, result);
      hold(index, result);
    },
  );
  const rendered = posts.flatMap((post, index) => {
    const done = applyResult(post, results[index]!, context);
    if (done && bodies[index]) bodyFromStore(done, bodies[index]);
    return done ?? [];
  });
  return { rendered, stats: { cached: posts.length - missing.length, rendered: missing.length } };
}

/**
 * Everything a result is a function of, apart from its recorded lookups: the tool's version,
 * the job (file text, paths, front matter fields it uses) and the site-wide context except the
 * post table, which the lookups cover. The working folder is in it because messages name files relative to it.
 */
function keyOf(job: MarkdownJob, context: MarkdownContext): string {
  const { postPaths: _, ...site } = context;
  return digest(generatorVersion(), process.cwd(), JSON.stringify(site), JSON.stringify(job));
}

/** Whether every lookup a cached result made still gives the answer it got then. */
function dependenciesHold(deps: readonly LinkDependency[], context: MarkdownContext): boolean {
  return deps.every((dep) =>
    'file' in dep ? isFile(dep.file) === dep.exists
    : 'image' in dep ? imageStamp(dep.image) === dep.stamp
    : (context.postPaths.get(dep.post) ?? null) === dep.page,
  );
}
