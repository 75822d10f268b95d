/**
 * `npm run check -- --external`: fetch every external link of the posts, a few at a time, each
 * with a time limit, remembering answers between runs. Only a 404 or 410 is "broken"; no answer,
 * a time-out, a refused connection or a 5xx is "unknown" (info), since the fault may be ours (offline).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { shown } from '../messages.ts';
import type { Site } from '../types.ts';
import { fileCheckMessage, type Place } from './file-message.ts';
import { severityOf } from './rules.ts';

/** How to check. */
export interface ExternalOptions {
  /** A JSON file remembering answers between runs; none when undefined. */
  cacheFile?: string;
  /** Read remembered answers (`--no-cache` turns this off; answers are still written). */
  readCache?: boolean;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Requests at once; default 8. */
  concurrency?: number;
  /** How long a remembered answer holds; default one day. */
  maxAgeMs?: number;
  now?: () => number;
}

/** The answer for one URL. Only "ok" and "broken" are remembered: "unknown" is asked again next time. */
export interface Outcome {
  status: 'ok' | 'broken' | 'unknown';
  detail: string;
}

/** Where a URL is used. */
interface Use {
  file: VFile;
  place?: Place;
}

interface CacheEntry extends Outcome {
  checkedAt: number;
}

/** Check the external links of every post; messages go on the posts' files. Returns how many URLs were fetched. */
export async function checkExternalLinks(site: Site, options: ExternalOptions = {}): Promise<{ fetched: number; remembered: number }> {
  const { timeoutMs = 10_000, concurrency = 8, maxAgeMs = 86_400_000, now = Date.now } = options;
  const severity = severityOf('broken-link', site.config.rules);
  if (severity === undefined) return { fetched: 0, remembered: 0 };
  const uses = externalUses(site);
  const cache = options.cacheFile && options.readCache !== false ? await readCache(options.cacheFile) : {};
  const outcomes = new Map<string, Outcome>();
  const toFetch: string[] = [];
  for (const url of uses.keys()) {
    const entry = cache[url];
    if (entry && now() - entry.checkedAt < maxAgeMs) outcomes.set(url, entry);
    else toFetch.push(url);
  }
  const remembered = outcomes.size;
  await inPool(toFetch, concurrency, async (url) => {
    const outcome = await probe(url, timeoutMs);
    outcomes.set(url, outcome);
    if (outcome.status !== 'unknown') cache[url] = { ...outcome, checkedAt: now() };
  });
  if (options.cacheFile) await writeCache(options.cacheFile, cache);
  for (const [url, places] of uses) {
    const outcome = outcomes.get(url)!;
    for (const { file, place } of places) {
      if (outcome.status === 'broken') fileCheckMessage(file, `Broken external link ${shown(url)}: ${outcome.detail}`, 'broken-link', severity, place);
      if (outcome.status === 'unknown') fileCheckMessage(file, `Could not check external link ${shown(url)}: ${outcome.detail} (unknown, not counted as broken)`, 'broken-link', 'info', place);
    }
  }
  return { fetched: toFetch.length, remembered };
}

/** Every http(s) URL of the posts (fragment dropped: servers never see it), with where each is used. */
function externalUses(site: Site): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  for (const post of [...site.posts, ...(site.pages ?? [])]) {
    for (const fact of post.raw.file.data.check?.urls ?? []) {
      const written = fact.url.trim();
      const absolute = written.startsWith('//') && written.length > 2 ? `https:${written}` : written;
      if (!/^https?:\/\/./i.test(absolute) || !URL.canParse(absolute)) continue;
      const url = new URL(absolute);
      url.hash = '';
      const list = uses.get(url.href) ?? [];
      list.push({ file: post.raw.file, place: fact.place });
      uses.set(url.href, list);
    }
  }
  return uses;
}

/** Ask one URL: HEAD first, then GET when HEAD fails (many servers refuse or mishandle HEAD). */
export async function probe(url: string, timeoutMs: number): Promise<Outcome> {
  try {
    let response = await request(url, 'HEAD', timeoutMs);
    if (!response.ok) response = await request(url, 'GET', timeoutMs);
    if (response.ok) return { status: 'ok', detail: `${response.status}` };
    const detail = `${response.status} ${response.statusText}`.trim();
    return { status: response.status === 404 || response.status === 410 ? 'broken' : 'unknown', detail };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { status: 'unknown', detail: `no answer within ${timeoutMs / 1000} s` };
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    return { status: 'unknown', detail: `could not connect${code ? ` (${code})` : ''}` };
  }
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Response> {
  const response = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'blogsmith-link-check' } });
  // Only the status matters: do not download the page.
  await response.body?.cancel();
  return response;
}

/** Run `work` on every item, at most `limit` at once. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readCache(file: string): Promise<Record<string, CacheEntry>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { version?: number; links?: Record<string, CacheEntry> };
    return data.version === 1 && data.links ? data.links : {};
  } catch {
    // No cache yet, or an unreadable one: ask again.
    return {};
  }
}

async function writeCache(file: string, links: Record<string, CacheEntry>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ version: 1, links }, null, 2) + '\n');
}
