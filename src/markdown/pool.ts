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

/** The number of threads to use when none is asked for: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}

/** Render every job, in order; on `threads` workers when there are enough jobs to pay for them. */
export async function runJobs(jobs: readonly MarkdownJob[], context: MarkdownContext, threads: number): Promise<MarkdownResult[]> {
  if (threads <= 1 || jobs.length < PARALLEL_FROM) return jobs.map((job) => renderJob(job, context));
  const pool = new Piscina<MarkdownJob[], MarkdownResult[]>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: { context },
    // The syntax trees of a post are short-lived garbage: a young generation the size `npm run build`
    // gives the main thread (--max-semi-space-size=64) spares the workers most scavenges (~13% measured).
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
  try {
    const batches: Array<Promise<MarkdownResult[]>> = [];
    for (let start = 0; start < jobs.length; start += BATCH) batches.push(pool.run(jobs.slice(start, start + BATCH)));
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}
