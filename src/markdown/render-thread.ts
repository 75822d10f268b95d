/**
 * One markdown worker thread that renders jobs one after another, each within a budget. Rendering
 * is synchronous and the parser is super-linear on some shapes, so the only way to stop a post is
 * to end the thread it runs on: a post over its budget is given a `render-timeout` error naming its
 * busiest construct (shape.ts), the thread is terminated, and the next job starts a fresh one.
 * The budget runs from when the worker begins a job: loading the chain is not charged to any post.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CODE_DIR, FROM_SOURCE } from '../shared/code-dir.ts';
import { failedResult, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './job.ts';
import { shapeOf } from './shape.ts';

/** What the worker says: it has loaded the chain, or one job's result (jobs come back in order). */
type WorkerMessage = 'ready' | { result: MarkdownResult };

/** The job running now, and what to do when it ends. */
interface Running {
  result(result: MarkdownResult): void;
  died(error: Error): void;
}

/**
 * The worker's code: `lib/markdown-worker.js` (scripts/compile.js), also when this module runs from
 * source, where only tests start workers (pool.ts: `renderOnWorkers`) and their setup compiles
 * `lib/` from these same sources. Node 20 cannot load the TypeScript itself in a worker; through
 * tsx a worker took 1–4 s to start, against 0.6 s compiled.
 */
function startWorker(): Worker {
  // The syntax trees of a post are short-lived garbage: a young generation the size `npm run build`
  // gives the main thread (--max-semi-space-size=32) spares the workers many scavenges. Larger (64)
  // was ~13% faster per post but cost ~300 MB more peak RSS at 4,000 posts (980 against 680 MiB).
  const lib = FROM_SOURCE ? path.join(path.dirname(CODE_DIR), 'lib') : CODE_DIR;
  return new Worker(path.join(lib, 'markdown-worker.js'), { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
}

/** A worker thread with a render budget per job; started on first use, restarted after a stop. */
export class RenderThread {
  private worker?: Worker;
  private ready?: Promise<void>;
  /** The context the worker has: sent again only when another one is asked for. */
  private context?: MarkdownContext;
  private running?: Running;
  /** Why a worker could not start, once one could not: the thread then renders on the main thread. */
  private unstartable?: unknown;

  /** Start the worker unless it runs; resolves once it has loaded the chain, rejects when it cannot start. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = startWorker();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message === 'ready') resolve();
        // A result already on its way when its job was stopped belongs to no job of the worker started since.
        else if (worker === this.worker) this.running?.result(message.result);
      });
      worker.on('error', (error) => {
        reject(error);
        if (worker === this.worker) this.running?.died(error);
      });
      worker.on('exit', (code) => {
        reject(new Error(`the markdown worker exited with code ${code}`));
        if (worker !== this.worker) return;
        this.running?.died(new Error(`the markdown worker exited with code ${code}`));
        // Died while idle (the dev server's, between edits): the next render starts a fresh one instead of waiting on this one.
        this.forget();
      });
    });
    // Idle, a worker keeps no process alive (the dev server's stays for the next edit); starting or rendering, it does.
    // A worker that fails to start is reported through `render`; closed while starting, it is no failure to report.
    this.ready.then(() => this.running === undefined && worker.unref()).catch(() => undefined);
    return this.ready;
  }

  /**
   * Render `jobs` in order, each within `budgetMs`; `onResult` gets every job's result by its
   * offset, a failed one for a job stopped or lost with its worker.
   */
  async render(jobs: readonly MarkdownJob[], context: MarkdownContext, budgetMs: number, onResult: (offset: number, result: MarkdownResult) => void): Promise<void> {
    for (let next = 0; next < jobs.length; ) {
      try {
        if (this.unstartable) throw this.unstartable;
        await this.start();
      } catch (error) {
        // A worker that cannot start at all (not one that dies under a post) leaves this thread to render, unbounded, as before
        // workers; remembered, so the batches after this one do not each try to start another.
        this.forget();
        this.unstartable = error;
        for (; next < jobs.length; next++) onResult(next, await onMainThread(jobs[next]!, context));
        return;
      }
      const from = next;
      next += await this.batch(jobs.slice(from), context, budgetMs, (offset, result) => onResult(from + offset, result));
    }
  }

  /** End the worker (it is started again on the next render). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.forget();
    await worker?.terminate();
  }

  /** Send `jobs` to the running worker; resolves with how many ended, all unless one was stopped or the worker died. */
  private batch(jobs: readonly MarkdownJob[], context: MarkdownContext, budgetMs: number, onResult: (offset: number, result: MarkdownResult) => void): Promise<number> {
    const worker = this.worker!;
    if (this.context !== context) worker.postMessage({ context });
    this.context = context;
    worker.postMessage({ jobs });
    worker.ref();
    return new Promise<number>((resolve) => {
      let done = 0;
      let ended = false;
      let timer: NodeJS.Timeout | undefined;
      /**
       * The budget of job `done`. Timers run before messages from the worker: a result that arrived
       * while this thread was busy (a long GC, a template) would lose to an expired timer and its post
       * be blamed. Past the budget, such messages are let in first (setImmediate runs after the poll
       * phase that delivers them), and the job is stopped only if it is still the one running.
       */
      const arm = () => {
        const job = done;
        timer = setTimeout(() => setImmediate(() => !ended && done === job && stop()), budgetMs);
      };
      const finish = () => {
        ended = true;
        clearTimeout(timer);
        this.running = undefined;
        this.worker?.unref();
        resolve(done);
      };
      /** The job running now ends as `result`; a stopped or lost worker is ended, and the next job starts another. */
      const end = (result: MarkdownResult, lost: boolean) => {
        clearTimeout(timer);
        onResult(done++, result);
        if (lost) {
          void worker.terminate();
          this.forget();
          finish();
        } else if (done === jobs.length) finish();
        else arm();
      };
      const stop = () => end(failedResult(jobs[done]!, timedOut(jobs[done]!, budgetMs)), true);
      this.running = {
        result: (result) => end(result, false),
        died: (error) => end(failedResult(jobs[done]!, crashed(error)), true),
      };
      arm();
    });
  }

  private forget(): void {
    this.worker = undefined;
    this.ready = undefined;
    this.context = undefined;
    this.running = undefined;
  }
}

/** The error of a post stopped by its budget: at its busiest construct when one stands out. */
function timedOut(job: MarkdownJob, budgetMs: number): { reason: string; place: { line: number; column: number }; ruleId: string } {
  const shape = shapeOf(job.text);
  const seconds = `${budgetMs / 1000} s`;
  return {
    reason: `Rendering took over ${seconds} (config "renderTimeout") and was stopped${shape ? `: the post has ${shape.what}` : ''}; not rendered`,
    place: shape?.place ?? { line: 1, column: 1 },
    ruleId: 'render-timeout',
  };
}

/** The error of a post whose worker died under it (out of memory, a native crash). */
function crashed(error: Error): { reason: string; place: { line: number; column: number }; ruleId: string } {
  return { reason: `Rendering stopped: ${error.message}`, place: { line: 1, column: 1 }, ruleId: 'render-crashed' };
}

/**
 * A job rendered on this thread, its result copied as a worker's would be. Strings the parser
 * cuts from the text (link URLs, heading titles) are V8 slices that keep the whole text alive:
 * the copy lets the build drop each post's text once rendered (stage.ts), as it does with workers.
 * render.ts is imported here, on first use, not with this module: it loads the unified chain
 * (~0.4 s of CPU), which a main thread that leaves rendering to workers never needs.
 */
export async function onMainThread(job: MarkdownJob, context: MarkdownContext): Promise<MarkdownResult> {
  const { renderJob } = await import('./render.ts');
  return structuredClone(renderJob(job, context));
}
