/**
 * Markdown rendering spread over worker threads (piscina), one per core, while the main thread
 * keeps I/O and templates. Small batches stay on the main thread: a worker must load the whole
 * chain before its first post (see POSTS_PER_WORKER).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { CODE_DIR, FROM_SOURCE } from '../shared/code-dir.ts';
import { renderJob, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './render.ts';

/**
 * Posts each worker should get when the thread count is automatic. Measured on 2 cores with the
 * compiled workers (cold builds, --threads 1 against 2, alternating): 2 workers cost 1.1 s at 50
 * posts, 1.0 s at 200, 0.8 s at 400, were even at 1,000 (14.4/18.7 s against 17.1/18.1 s) and
 * saved 22 s at 4,000 (42.6 s against 64.3 s). A worker starts in ~0.3 s now; what it competes
 * with is the main thread's templates and Pagefind's process, which already keep a second core busy.
 */
const POSTS_PER_WORKER = 500;

/** Jobs per message to a worker: enough to amortise the message, few enough to balance the load. */
const BATCH = 8;

/** Every worker loads the whole unified chain (tens of MB): more than this many cost memory for little gain. */
const MAX_THREADS = 8;

/**
 * Workers for `count` posts: as asked (`--threads N`), else one per core (up to MAX_THREADS)
 * as long as each gets POSTS_PER_WORKER posts; 1 means the main thread alone.
 */
export function workersFor(count: number, threads: number | undefined): number {
  if (threads !== undefined) return Math.min(threads, count);
  const workers = Math.min(availableParallelism(), MAX_THREADS, Math.floor(count / POSTS_PER_WORKER));
  return workers >= 2 ? workers : 1;
}

/**
 * Render every job, on worker threads when there are enough jobs to pay for them (or when asked).
 * Each result goes to `onResult` as soon as its batch is back, so the caller can store it and let
 * it go instead of holding every result until the last one.
 */
export async function runJobs(
  jobs: readonly MarkdownJob[],
  context: MarkdownContext,
  threads: number | undefined,
  onResult: (position: number, result: MarkdownResult) => void,
): Promise<void> {
  const workers = workersFor(jobs.length, threads);
  if (workers <= 1) {
    jobs.forEach((job, position) => onResult(position, onMainThread(job, context)));
    return;
  }
  const pool = new Piscina<MarkdownJob[], MarkdownResult[]>({
    // Compiled, the worker is a native ES module of its own (`lib/markdown-worker.js`: see
    // scripts/compile.js); `worker.ts` only where this module runs from source (tsx).
    filename: pathToFileURL(FROM_SOURCE ? path.join(CODE_DIR, 'markdown', 'worker.ts') : path.join(CODE_DIR, 'markdown-worker.js')).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: { context },
    // The syntax trees of a post are short-lived garbage: a young generation the size `npm run build`
    // gives the main thread (--max-semi-space-size=32) spares the workers many scavenges. Larger (64)
    // was ~13% faster per post but cost ~300 MB more peak RSS at 4,000 posts (980 against 680 MiB).
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  try {
    const batches: Array<Promise<void>> = [];
    for (let start = 0; start < jobs.length; start += BATCH) {
      const batch = jobs.slice(start, start + BATCH);
      // A worker that dies (out of memory, a native crash) costs its batch a second try here, not the build.
      const results = pool.run(batch).catch(() => batch.map((job) => onMainThread(job, context)));
      batches.push(results.then((done) => done.forEach((result, offset) => onResult(start + offset, result))));
    }
    await Promise.all(batches);
  } finally {
    await pool.destroy();
  }
}

/**
 * A job rendered on this thread, its result copied as a worker's would be. Strings the parser
 * cuts from the text (link URLs, heading titles) are V8 slices that keep the whole text alive:
 * the copy lets the build drop each post's text once rendered (stage.ts), as it does with workers.
 */
function onMainThread(job: MarkdownJob, context: MarkdownContext): MarkdownResult {
  return structuredClone(renderJob(job, context));
}
