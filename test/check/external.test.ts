/**
 * `check --external` against a real HTTP server on 127.0.0.1 (never the internet): 404s are broken,
 * time-outs, refused connections and 5xx are unknown, answers are remembered, requests are bounded.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkExternalLinks } from '../../src/check/external.ts';
import { loadConfig } from '../../src/config.ts';
import { toJsonMessages } from '../../src/report.ts';
import { jsonMessages, runCli, tempDir } from '../helpers/cli.ts';
import { linesOf } from './helpers.ts';

let server: Server;
let base: string;
let closed: string;
let root: string;
/** Requests per `METHOD path`, and the most ever in flight at once. */
const requests = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;

/** A port that nothing listens on: listen, note it, close. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const key = `${request.method} ${request.url}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    response.on('close', () => inFlight--);
    const send = (status: number, headers: Record<string, string> = {}) => response.writeHead(status, headers).end();
    if (request.url === '/ok') return setTimeout(() => send(200), 20);
    if (request.url === '/gone') return send(404);
    if (request.url === '/redirect') return send(301, { location: '/ok' });
    if (request.url === '/no-head') return send(request.method === 'HEAD' ? 405 : 200);
    if (request.url === '/error') return send(503);
    // Answers long after the tests' time-out, but within the command line's own (10 s).
    if (request.url === '/slow') return setTimeout(() => send(200), 2500);
    return send(500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closed = `http://127.0.0.1:${await closedPort()}/`;
  root = await tempDir();
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ url: 'https://example.org/' }));
  const links = ['ok', 'ok#a-fragment', 'gone', 'redirect', 'no-head', 'error', 'slow'].map((name) => `[${name}](${base}/${name})`).join(',\n');
  await writeFile(path.join(root, 'content/posts/external.md'), `---\ntitle: External\ndate: 2024-01-01\n---\n\n${links},\n[closed](${closed}).\n`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Check the temporary site's external links in-process. */
async function checkOnce(options: Parameters<typeof checkExternalLinks>[1]) {
  const config = await loadConfig(root, {}, process.cwd());
  const result = await build({ root, out: '', drafts: false, future: false, strict: false, dryRun: true, now: new Date(), cwd: process.cwd() }, config);
  const counts = await checkExternalLinks(result.site!, options);
  return { counts, lines: linesOf(toJsonMessages(result.files), 'broken-link') };
}

/**
 * Long enough that a loaded machine (2 cores, the whole suite running) still gets every quick
 * answer in time: at 0.3 s, `/ok` sometimes came too late and was counted unknown.
 */
const TIMEOUT_MS = 1000;

const EXPECTED = () => [
  `external.md:8:1 error Broken external link ${base}/gone: 404 Not Found`,
  `external.md:11:1 info Could not check external link ${base}/error: 503 Service Unavailable (unknown, not counted as broken)`,
  `external.md:12:1 info Could not check external link ${base}/slow: no answer within 1 s (unknown, not counted as broken)`,
  `external.md:13:1 info Could not check external link ${closed}: could not connect (ECONNREFUSED) (unknown, not counted as broken)`,
];

describe('external links', () => {
  it('marks a 404 broken and time-outs, refused connections and 5xx unknown; follows redirects, falls back to GET', async () => {
    const cacheFile = path.join(root, '.cache/external-links.json');
    const { counts, lines } = await checkOnce({ cacheFile, timeoutMs: TIMEOUT_MS, concurrency: 2 });
    expect(lines).toEqual(EXPECTED());
    expect(counts).toEqual({ fetched: 7, remembered: 0 });
    // A URL used twice (once with a fragment) is asked once; HEAD first, GET only when HEAD fails.
    expect(requests.get('HEAD /ok')).toBe(2); // once itself, once at the end of the redirect
    expect(requests.get('GET /ok')).toBeUndefined();
    expect(requests.get('GET /no-head')).toBe(1);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { links: Record<string, { status: string }> };
    expect(Object.fromEntries(Object.entries(cache.links).map(([url, entry]) => [url.slice(base.length), entry.status]))).toEqual({
      '/ok': 'ok',
      '/gone': 'broken',
      '/redirect': 'ok',
      '/no-head': 'ok',
    });
  });

  it('remembers ok and broken answers, and asks again about unknown ones', async () => {
    const cacheFile = path.join(root, '.cache/external-links.json');
    const before = requests.get('HEAD /gone');
    const { counts, lines } = await checkOnce({ cacheFile, timeoutMs: TIMEOUT_MS });
    expect(lines).toEqual(EXPECTED());
    expect(counts).toEqual({ fetched: 3, remembered: 4 });
    expect(requests.get('HEAD /gone')).toBe(before);
    const fresh = await checkOnce({ cacheFile, readCache: false, timeoutMs: TIMEOUT_MS });
    expect(fresh.counts).toEqual({ fetched: 7, remembered: 0 });
  });

  it('runs from the command line with --external only', async () => {
    const [plain, external] = await Promise.all([
      runCli(['check', '--root', root, '--format', 'json', '--no-cache']),
      runCli(['check', '--root', root, '--format', 'json', '--external', '--no-cache']),
    ]);
    expect(jsonMessages(plain).filter((message) => message.rule === 'broken-link')).toEqual([]);
    expect(linesOf(jsonMessages(external), 'broken-link')).toContain(`external.md:8:1 error Broken external link ${base}/gone: 404 Not Found`);
    expect(external.code).toBe(1);
    expect(external.stderr).toContain('external links: 7 fetched, 0 remembered');
  });
});
