/**
 * The dev server under load, as a real `npm run dev` process: 50 tabs connected for live reload
 * and 1,000 static-file requests a second on loopback for 10 s. No request may fail, every tab
 * must still get a reload after an edit made during the load, and the server's memory may not
 * grow by more than 50 MiB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

const TABS = 50;
const RATE = 1000;
const SECONDS = 10;

let root: string;
let server: ChildProcess;
let url: string;

/** Resident memory of a process, in bytes, from /proc. */
function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) * 1024;
}

/** One tab's event stream: counts reload events; `closed` turns true if the server drops it. */
function connectTab(): { reloads: () => number; closed: () => boolean; ready: Promise<void>; close(): void } {
  let reloads = 0;
  let closed = false;
  let resolveReady: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const request = http.get(new URL('__blog/events', url), { agent: false }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (chunk.includes('event: hello')) resolveReady();
      reloads += chunk.split('event: reload').length - 1;
    });
    response.on('close', () => (closed = true));
  });
  request.on('error', () => (closed = true));
  return { reloads: () => reloads, closed: () => closed, ready, close: () => request.destroy() };
}

/** GET a path over a shared keep-alive agent; resolves with the status and body length. */
function get(agent: http.Agent, pathname: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathname, url), { agent }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  root = await copySite('sample');
  server = spawn(process.execPath, [process.env.BLOG_TEST_CLI!, 'dev', '--root', root, '--port', '0'], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let text = '';
    server.stderr!.setEncoding('utf8');
    server.stderr!.on('data', (chunk: string) => {
      text += chunk;
      const found = /Serving \d+ files at (\S+)/.exec(text)?.[1];
      if (found) resolve(found);
    });
    server.on('exit', (code) => reject(new Error(`dev exited with ${code}:\n${text}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill('SIGINT');
});

describe(`the dev server with ${TABS} live-reload tabs and ${RATE} requests/s for ${SECONDS} s`, () => {
  it('answers every request, keeps every tab, and does not grow', async () => {
    const tabs = Array.from({ length: TABS }, connectTab);
    await Promise.all(tabs.map((tab) => tab.ready));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const paths = ['style.css', '', 'tags/', 'archive/', 'favicon-that-is-not-there.ico'];
    // Warm-up, then the baseline: memory grows while the first requests JIT-compile and fill buffers.
    for (let i = 0; i < 200; i++) await get(agent, paths[i % paths.length]!);
    const baseline = rssOf(server.pid!);

    const results: Array<Promise<{ status: number; bytes: number }>> = [];
    const started = performance.now();
    let tick = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        // 10 requests every 10 ms: 1,000 a second.
        for (let i = 0; i < RATE / 100; i++) results.push(get(agent, paths[(tick * 10 + i) % paths.length]!));
        tick++;
        // Halfway, an edit: every tab must hear about it through the load.
        if (tick === (SECONDS * 100) / 2) void appendFile(path.join(root, 'content/posts', postFileOf(root)), '\nEdited under load.\n');
        if (tick >= SECONDS * 100) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    const answers = await Promise.all(results);
    const elapsed = (performance.now() - started) / 1000;
    const grown = rssOf(server.pid!) - baseline;
    agent.destroy();
    // The figures, for the CI log and the closing note.
    console.info(`dev load: ${answers.length} requests in ${elapsed.toFixed(1)} s, ${TABS} tabs, RSS ${(baseline / 2 ** 20).toFixed(0)} MiB, grew ${(grown / 2 ** 20).toFixed(1)} MiB`);

    expect(answers).toHaveLength(RATE * SECONDS);
    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    // Only the missing favicon is a 404; everything else is served.
    expect(Object.fromEntries(statuses)).toEqual({ 200: answers.length - answers.length / paths.length, 404: answers.length / paths.length });
    expect(answers.length / elapsed).toBeGreaterThan(RATE * 0.9);
    expect(tabs.filter((tab) => tab.closed())).toHaveLength(0);
    expect(tabs.filter((tab) => tab.reloads() === 0)).toHaveLength(0);
    expect(grown / 2 ** 20, `RSS grew by ${(grown / 2 ** 20).toFixed(1)} MiB`).toBeLessThan(50);
    for (const tab of tabs) tab.close();
  }, 60_000);
});

/** The first post file of the site: edited to send a reload. */
function postFileOf(site: string): string {
  return readdirSync(path.join(site, 'content/posts')).filter((name) => name.endsWith('.md')).sort()[0]!;
}
