/**
 * `npm run bench`: measurements on a generated site (default 4,000 posts), printed as a table
 * and written to bench-results.json. Timing lives here, never in unit tests.
 *
 * Dev latency: from saving a post (or static/style.css) to the live-reload event reaching a
 * client connected to the dev server's event stream, as a browser tab is.
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDev } from '../src/dev/index.ts';
import { generateSite } from './generate-site.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '4000' },
    samples: { type: 'string', default: '21' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
const POSTS = Number(values.posts);
const SAMPLES = Number(values.samples);

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

function stats(samples: number[]): { median: number; p90: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p90: at(0.9), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function benchDev(root: string) {
  const startedAt = performance.now();
  const dev = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), log: process.env.BENCH_LOG ? (line) => process.stderr.write(line + '\n') : () => undefined });
  const startup = performance.now() - startedAt;
  const events = listen(dev.url);
  await events.next('hello');

  const postSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const n = 17 + i * 97;
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
  for (let i = 0; i < SAMPLES; i++) {
    const swapped = events.next('css');
    const saved = performance.now();
    await appendFile(css, `\n/* sample ${i} */\n`);
    cssSamples.push((await swapped) - saved);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  events.close();
  await dev.close();
  return { startup, post: stats(postSamples), css: stats(cssSamples) };
}

const root = path.join(os.tmpdir(), `blog-bench-${POSTS}`);
process.stderr.write(`Generating ${POSTS} posts in ${root} …\n`);
await generateSite(root, POSTS);
await mkdir(path.join(root, 'static'), { recursive: true });
await writeFile(path.join(root, 'static/style.css'), await readFile(new URL('../static/style.css', import.meta.url), 'utf8'));

process.stderr.write('Dev server: initial build, then save → reload event …\n');
const dev = await benchDev(root);

const rows: Array<[string, string]> = [
  ['posts', String(POSTS)],
  ['dev: initial in-memory build', `${round(dev.startup)} ms`],
  ['dev: save post → reload event (median)', `${round(dev.post.median)} ms (p90 ${round(dev.post.p90)}, min ${round(dev.post.min)}, max ${round(dev.post.max)})`],
  ['dev: save CSS → css event (median)', `${round(dev.css.median)} ms (p90 ${round(dev.css.p90)}, min ${round(dev.css.min)}, max ${round(dev.css.max)})`],
];
const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n') + '\n');
await writeFile(values.out, JSON.stringify({ posts: POSTS, machine: { cpus: os.cpus().length, node: process.version }, dev }, null, 2) + '\n');
process.stderr.write(`Wrote ${values.out}\n`);
