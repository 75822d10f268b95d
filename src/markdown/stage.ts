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
import { isFile } from './links.ts';
import { runJobs } from './pool.ts';
import { applyResult, jobOf, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './render.ts';

/** How the stage found its results, for the build's summary and the benchmark. */
export interface MarkdownStats {
  cached: number;
  rendered: number;
}

/** Render every post's markdown, reusing cached results whose lookups still give the same answers. */
export async function renderPosts(
  posts: readonly Post[],
  context: MarkdownContext,
  options: { cache: CacheBucket<MarkdownResult>; threads: number | undefined },
): Promise<{ rendered: RenderedPost[]; stats: MarkdownStats }> {
  const jobs = posts.map(jobOf);
  const keys = jobs.map((job) => keyOf(job, context));
  const results: Array<MarkdownResult | undefined> = keys.map((key) => {
    const cached = options.cache.get(key);
    return cached && dependenciesHold(cached.deps, context) ? cached : undefined;
  });
  const missing = results.flatMap((result, index) => (result === undefined ? [index] : []));
  const fresh = await runJobs(missing.map((index) => jobs[index]!), context, options.threads);
  fresh.forEach((result, position) => {
    const index = missing[position]!;
    results[index] = result;
    // A failed rendering is not remembered: the next run tries again and reports it again.
    if (!result.messages.some((message) => message.ruleId === 'markdown-failed')) options.cache.set(keys[index]!, result);
  });
  const rendered = posts.flatMap((post, index) => applyResult(post, results[index]!, context) ?? []);
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
