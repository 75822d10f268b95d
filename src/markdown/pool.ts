/**
 * Where markdown renders: on worker threads, so that a post can be stopped when it runs over its
 * render budget (render-thread.ts) and the main thread stays free (the dev server answers while a
 * post renders). One worker for a small site, one per core for a big one.
 *
 * Start cost, measured on this 2-core machine: a compiled worker loads the chain in ~0.5 s and is
 * ready ~0.6 s after it was asked for. It is started as the build begins reading, but reading a
 * small site takes far less than that: a cold build of the 5-post sample took 2.07 s against
 * 1.57 s with markdown on the main thread (means of 5 alternating runs; 0.47 s more CPU). A build
 * whose markdown is all cached ends the loading worker unused (+0.05 s), and a dev session pays
 * once: its worker stays, warm, for every edit (sharedPool). Run from source (vitest, tsx), markdown
 * renders on the main thread, with the same limits (limits.ts) but no budget, unless a test asks
 * for workers (`renderOnWorkers`): a worker cannot load TypeScript on Node 20 (through tsx one took
 * 1–4 s to start), and the hundreds of in-process test builds would each pay for one.
 */
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { FROM_SOURCE } from '../shared/code-dir.ts';
import type { MarkdownContext, MarkdownJob, MarkdownResult } from './job.ts';
import { onMainThread, RenderThread } from './render-thread.ts';

/**
 * Posts each worker beyond the first should get when the thread count is automatic. Measured on
 * 2 cores with the compiled workers (cold builds, the main thread alone against 2 workers, alternating): 2 workers
 * cost 1.1 s at 50 posts, 1.0 s at 200, 0.8 s at 400, were even at 1,000 (14.4/18.7 s against
 * 17.1/18.1 s) and saved 22 s at 4,000 (42.6 s against 64.3 s). What a second worker competes
 * with is the main thread's templates and Pagefind's process, which already keep a second core busy.
 */
const POSTS_PER_WORKER = 500;

/** Jobs per message to a worker: enough to amortise the message, few enough to balance the load. */
const BATCH = 8;

/** Every worker loads the whole unified chain (tens of MB): more than this many cost memory for little gain. */
const MAX_THREADS = 8;

/** A post's render budget unless the config's `renderTimeout` says otherwise, in seconds. */
export const DEFAULT_RENDER_TIMEOUT = 10;

let workersFromSource = false;

/** Tests: render on worker threads even when running from source, on the compiled worker (render-thread.ts). */
export function renderOnWorkers(on: boolean): void {
  workersFromSource = on;
}

/** Whether markdown renders on worker threads here: compiled, always; from source, when a test asks. */
export function rendersOnWorkers(): boolean {
  return !FROM_SOURCE || workersFromSource;
}

/**
 * Workers for `count` posts: as asked (`--threads N`), else one per core (up to MAX_THREADS) as
 * long as each gets POSTS_PER_WORKER posts, and always at least one.
 */
export function workersFor(count: number, threads: number | undefined): number {
  if (threads !== undefined) return Math.max(1, Math.min(threads, count));
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(count / POSTS_PER_WORKER)));
}

/** How a run of jobs renders. */
export interface RunOptions {
  /** `--threads N`; automatic when undefined. */
  threads: number | undefined;
  /** Each post's budget, in seconds (config `renderTimeout`). */
  renderTimeout?: number;
  /** Workers kept between runs (the dev session's); else the run starts its own and ends them. */
  pool?: RenderPool;
}

/** Worker threads, kept between runs by whoever holds the pool (the dev session), else ended after one; emits `run` as a run starts. */
export class RenderPool extends EventEmitter {
  private readonly threads: RenderThread[] = [];
  /** Runs one after another: a thread renders one batch at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs asked for and not yet done. */
  private pending = 0;

  /** Whether some job is waiting or rendering. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Start one worker now, so that it loads the chain while the caller does other work; resolves once it has (never rejects). */
  warm(): Promise<void> {
    if (this.threads.length === 0) this.threads.push(new RenderThread());
    return this.threads[0]!.start().catch(() => undefined);
  }

  /** Render `jobs` on `workers` threads, each job within `budgetMs`, once the runs asked for before it are done. */
  run(jobs: readonly MarkdownJob[], context: MarkdownContext, workers: number, budgetMs: number, onResult: (position: number, result: MarkdownResult) => void): Promise<void> {
    this.pending++;
    const run = this.queue.then(() => this.runNow(jobs, context, workers, budgetMs, onResult)).finally(() => this.pending--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runNow(jobs: readonly MarkdownJob[], context: MarkdownContext, workers: number, budgetMs: number, onResult: (position: number, result: MarkdownResult) => void): Promise<void> {
    this.emit('run', jobs.length);
    while (this.threads.length < workers) this.threads.push(new RenderThread());
    let next = 0;
    await Promise.all(
      this.threads.slice(0, workers).map(async (thread) => {
        while (next < jobs.length) {
          const from = next;
          const batch = jobs.slice(from, from + BATCH);
          next += batch.length;
          await thread.render(batch, context, budgetMs, (offset, result) => onResult(from + offset, result));
        }
      }),
    );
  }

  /** End every worker but the first `keep`, once the runs asked for before are done. */
  shrink(keep: number): Promise<void> {
    const shrunk = this.queue.then(async () => {
      await Promise.all(this.threads.splice(keep).map((thread) => thread.close()));
    });
    this.queue = shrunk.catch(() => undefined);
    return shrunk;
  }
}

let shared: RenderPool | undefined;

/**
 * The pool of dev sessions: one warm worker for the whole process, whichever session (a new one
 * starts when the config changes) renders on it; idle, it keeps no process alive.
 */
export function sharedPool(): RenderPool {
  return (shared ??= new RenderPool());
}

/**
 * Render every job, on worker threads where rendersOnWorkers() (else on this thread). Each
 * result goes to `onResult` as soon as it is back, so the caller can store it and let it go
 * instead of holding every result until the last one.
 */
export async function runJobs(
  jobs: readonly MarkdownJob[],
  context: MarkdownContext,
  options: RunOptions,
  onResult: (position: number, result: MarkdownResult) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  if (!rendersOnWorkers()) {
    for (const [position, job] of jobs.entries()) onResult(position, await onMainThread(job, context));
    return;
  }
  const pool = options.pool ?? new RenderPool();
  // setTimeout takes at most 2^31 - 1 ms (24.8 days); a longer one would fire at once. A budget that long means none.
  const budgetMs = Math.min((options.renderTimeout ?? DEFAULT_RENDER_TIMEOUT) * 1000, 2 ** 31 - 1);
  try {
    await pool.run(jobs, context, workersFor(jobs.length, options.threads), budgetMs, onResult);
  } finally {
    // A held pool keeps one warm worker for the next run; a run's own pool ends them all.
    await pool.shrink(options.pool ? 1 : 0);
  }
}
