/**
 * Markdown rendering spread over worker threads (piscina), one per core, while the main thread
 * keeps I/O and templates. Small batches stay on the main thread: starting a worker (loading
 * the whole unified chain) costs more than rendering a few dozen posts.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { renderJob, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './render.ts';

/** Below this many posts to render, workers cost more than they save (measured: see scripts/bench.ts). */
export const PARALLEL_FROM = 100;

/** Jobs per message to a worker: enough to amortise the message, few enough to balance the load. */
const BATCH = 8;

/** Every worker loads the whole unified chain (tens of MB): more than this many cost memory for little gain. */
const MAX_THREADS = 8;

/** The number of threads to use when none is asked for: one per core, up to MAX_THREADS. */
export function defaultThreads(): number {
  return Math.min(availableParallelism(), MAX_THREADS);
}

/** Render every job, in order; on `threads` workers when there are enough jobs to pay for them. */
export async function runJobs(jobs: readonly MarkdownJob[], context: MarkdownContext, threads: number): Promise<MarkdownResult[]> {
  // Each worker should get enough posts to pay for its start.
  const workers = Math.min(threads, Math.ceil(jobs.length / (PARALLEL_FROM / 2)));
  if (workers <= 1 || jobs.length < PARALLEL_FROM) return jobs.map((job) => renderJob(job, context));
  const pool = new Piscina<MarkdownJob[], MarkdownResult[]>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: { context },
    // The syntax trees of a post are short-lived garbage: a young generation the size `npm run build`
    // gives the main thread (--max-semi-space-size=32) spares the workers many scavenges. Larger (64)
    // was ~13% faster per post but cost ~300 MB more peak RSS at 4,000 posts (980 against 680 MiB).
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  try {
    const batches: Array<Promise<MarkdownResult[]>> = [];
    for (let start = 0; start < jobs.length; start += BATCH) batches.push(pool.run(jobs.slice(start, start + BATCH)));
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}
