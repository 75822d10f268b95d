/**
 * A markdown worker thread (render-thread.ts starts it): says `ready` once the chain is loaded, then
 * renders the jobs it is sent against the last context it was sent, answering each job as it ends,
 * so the main thread can time every job on its own.
 */
import { parentPort } from 'node:worker_threads';
import type { MarkdownContext, MarkdownJob } from './job.ts';
import { renderJob } from './render.ts';

let context: MarkdownContext | undefined;

parentPort!.on('message', (message: { context: MarkdownContext } | { jobs: MarkdownJob[] }) => {
  if ('context' in message) {
    context = message.context;
    return;
  }
  for (const job of message.jobs) parentPort!.postMessage({ result: renderJob(job, context!) });
});
parentPort!.postMessage('ready');
