/** A markdown worker thread: renders batches of jobs against the context it was started with. */
import { workerData } from 'node:worker_threads';
import { renderJob, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './render.ts';

const { context } = workerData as { context: MarkdownContext };

export default function renderBatch(jobs: MarkdownJob[]): MarkdownResult[] {
  return jobs.map((job) => renderJob(job, context));
}
