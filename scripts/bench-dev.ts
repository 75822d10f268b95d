/**
 * Dev latency for `npm run bench`: from saving a post (or static/style.css) to the live-reload
 * event reaching a client connected to the dev server's event stream, as a browser tab is.
 */
import { appendFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startDev } from '../src/dev/index.ts';
import { quantile } from './bench-pairs.ts';

/** Summary of a list of latency samples, in milliseconds. */
export interface Stats {
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** What the dev measurement found: initial in-memory build, post save → reload, CSS save → css event. */
export interface DevResult {
  startup: number;
  post: Stats;
  css: Stats;
  postSamples: number[];
  cssSamples: number[];
}

/** Server-Sent Events from the dev server, as a tab receives them. */
function listen(url: string): { next(event: string, test?: (data: unknown) => boolean): Promise<number>; close(): void } {
  const waiters: Array<{ event: string; test: (data: unknown) => boolean; resolve: (at: number) => void }> = [];
  let buffer = '';
  const request = http.get(new URL('/__blog/events', url), (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const at = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!event || data === undefined) continue;
        const parsed: unknown = JSON.parse(data);
        const index = waiters.findIndex((waiter) => waiter.event === event && waiter.test(parsed));
        if (index !== -1) waiters.splice(index, 1)[0]!.resolve(at);
      }
    });
  });
  return {
    next: (event, test = () => true) => new Promise((resolve) => waiters.push({ event, test, resolve })),
    close: () => request.destroy(),
  };
}

/** p50, p95 (nearest rank), min and max of `samples`. */
export function stats(samples: number[]): Stats {
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), min: Math.min(...samples), max: Math.max(...samples) };
}

/** Start the dev server on `root` (a generated site of `posts` posts) in this process and time `samples` saves of each kind. */
export async function benchDev(root: string, { posts, samples }: { posts: number; samples: number }): Promise<DevResult> {
  const startedAt = performance.now();
  const dev = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), log: process.env.BENCH_LOG ? (line) => process.stderr.write(line + '\n') : () => undefined });
  const startup = performance.now() - startedAt;
  const events = listen(dev.url);
  await events.next('hello');

  const postSamples: number[] = [];
  for (let i = 0; i < samples; i++) {
    // Spread over the site; the modulo keeps small sites editing existing posts rather than adding new ones.
    const n = (17 + i * 97) % posts;
    const file = path.join(root, 'content/posts', `post-${n}.md`);
    const href = `${new URL(dev.url).pathname}posts/post-${n}/`;
    const reloaded = events.next('reload', (data) => (data as { paths: string[] }).paths.includes(href));
    const saved = performance.now();
    await appendFile(file, `\nEdited in sample ${i}.\n`);
    postSamples.push((await reloaded) - saved);
    // Saves a second apart, as a person makes them: the watcher's re-scan of the folder after one
    // save (chokidar reads a whole folder per event) must not spill into the next sample.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const cssSamples: number[] = [];
  const css = path.join(root, 'static/style.css');
  for (let i = 0; i < samples; i++) {
    const swapped = events.next('css');
    const saved = performance.now();
    await appendFile(css, `\n/* sample ${i} */\n`);
    cssSamples.push((await swapped) - saved);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  events.close();
  await dev.close();
  return { startup, post: stats(postSamples), css: stats(cssSamples), postSamples, cssSamples };
}
