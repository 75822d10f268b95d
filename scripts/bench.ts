/**
 * `npm run bench`: measurements on a generated site (default 4,000 posts), printed as a table
 * and written as JSON (bench-results.json). Timing lives here, never in unit tests.
 *
 * Builds run as child processes, as a user runs them (bench-build.ts); the floor is the bare
 * unified chain over the same posts (bench-floor.ts), and every figure is also given as a ratio
 * to it; dev latency is save → live-reload event (bench-dev.ts).
 *
 *   npm run bench -- [--posts N] [--samples N] [--out FILE] [--site DIR] [--skip-dev] [--dev]
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canMeasureRss, coldBuild, runBuild, type BuildResult } from './bench-build.ts';
import { benchDev, type DevResult } from './bench-dev.ts';
import { benchFloor, FLOOR_SAMPLE } from './bench-floor.ts';
import { formatMs, formatRss, formatTable, type Row } from './bench-table.ts';
import { generateSite } from './generate-site.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '4000' },
    samples: { type: 'string', default: '21' },
    out: { type: 'string', default: 'bench-results.json' },
    site: { type: 'string' },
    'skip-dev': { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});
const POSTS = Number(values.posts);
const SAMPLES = Number(values.samples);
if (!Number.isInteger(POSTS) || POSTS < 1) throw new Error(`--posts must be a positive whole number, got ${values.posts}`);
if (!Number.isInteger(SAMPLES) || SAMPLES < 1) throw new Error(`--samples must be a positive whole number, got ${values.samples}`);
/** Dev on a 100k-post site would take too long; above this it runs only when asked with --dev. */
const DEV_LIMIT = 10_000;
const runDev = !values['skip-dev'] && (POSTS <= DEV_LIMIT || values.dev);
const MiB = 1024;
const rssLimitKiB = (POSTS <= 4000 ? 1024 : 4096) * MiB;
/** How much the per-post time at N may exceed the 10k figure and still count as linear (our tolerance). */
const LINEAR_TOLERANCE = 1.2;

/** What a site folder may hold: what generation, builds and dev put there. Anything else means a wrong --site. */
const SITE_ENTRIES = new Set(['content', 'static', 'dist', '.cache', 'site.config.json']);

/** Generate `posts` posts into `root` afresh, so a previous run's edits are undone. */
async function prepareSite(root: string, posts: number): Promise<void> {
  if (existsSync(root)) {
    const stray = (await readdir(root)).filter((entry) => !SITE_ENTRIES.has(entry));
    if (stray.length > 0) throw new Error(`${root} holds ${stray.slice(0, 3).join(', ')}: not a bench site; pass an empty or new --site DIR`);
  }
  process.stderr.write(`Generating ${posts} posts in ${root} …\n`);
  await generateSite(root, posts);
  await mkdir(path.join(root, 'static'), { recursive: true });
  await writeFile(path.join(root, 'static/style.css'), await readFile(new URL('../static/style.css', import.meta.url), 'utf8'));
}

/** Run one build with a progress line, so a long run shows where it is. */
async function step(label: string, run: () => Promise<BuildResult>): Promise<BuildResult> {
  process.stderr.write(`${label} …`);
  const result = await run().catch((error: unknown) => {
    process.stderr.write(' failed\n');
    throw error;
  });
  process.stderr.write(` ${formatMs(result.wallMs)}, peak RSS ${formatRss(result.peakRssKiB)}\n`);
  return result;
}

const root = path.resolve(values.site ?? path.join(os.tmpdir(), `blog-bench-${POSTS}`));
await prepareSite(root, POSTS);
if (!canMeasureRss) process.stderr.write('No /usr/bin/time here: peak RSS is not measured.\n');

process.stderr.write(`Floor: bare unified chain over ${Math.min(POSTS, FLOOR_SAMPLE)} posts …`);
const floor = await benchFloor(root, POSTS);
process.stderr.write(` ${formatMs(floor.measuredMs)}\n`);

const cold = await step('Cold build (--no-cache)', () => coldBuild(root));
const firstCached = await step('First cached build', () => runBuild(root, { cache: true }));
const warm = await step('Warm build (nothing changed)', () => runBuild(root, { cache: true }));
const changed = path.join(root, 'content/posts', `post-${Math.floor(POSTS / 2)}.md`);
await appendFile(changed, '\nChanged for the one-post-changed build.\n');
const onePost = await step(`One post changed (${path.basename(changed)})`, () => runBuild(root, { cache: true }));

let linear: { posts: number; build: BuildResult; perPostMs: number } | undefined;
if (POSTS > FLOOR_SAMPLE) {
  const smallRoot = `${root}-${FLOOR_SAMPLE}`;
  await prepareSite(smallRoot, FLOOR_SAMPLE);
  const build = await step(`Cold build at ${FLOOR_SAMPLE} posts`, () => coldBuild(smallRoot));
  linear = { posts: FLOOR_SAMPLE, build, perPostMs: build.wallMs / FLOOR_SAMPLE };
}

let dev: DevResult | undefined;
if (runDev) {
  process.stderr.write('Dev server: initial build, then save → reload event …\n');
  dev = await benchDev(root, { posts: POSTS, samples: SAMPLES });
}

const builds = { cold, firstCached, warm, onePostChanged: onePost };
const peakRssKiB = canMeasureRss ? Math.max(...Object.values(builds).map((build) => build.peakRssKiB ?? 0)) : undefined;
const buildRow = (name: string, build: BuildResult, target?: number): Row => ({
  name,
  value: `${formatMs(build.wallMs)} (rss ${formatRss(build.peakRssKiB)})`,
  ratio: build.wallMs / floor.ms,
  ...(target === undefined ? {} : { target: `≤ ${target.toFixed(2)}× floor`, met: build.wallMs / floor.ms <= target }),
});
const rateRow = (name: string, build: BuildResult): Row => ({
  name,
  value: `${Math.round(POSTS / (build.wallMs / 1000))} posts/s`,
  ratio: floor.ms / build.wallMs,
  ratioOf: 'floor rate',
});
const fmtStats = (s: DevResult['post']) => `${formatMs(s.median)} (p90 ${s.p90.toFixed(1)}, min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)})`;

const perPost = (ms: number) => `${ms.toFixed(2)} ms/post`;
const rows: Row[] = [
  { name: 'posts', value: String(POSTS) },
  {
    name: floor.scaled ? `floor: bare unified chain (${floor.measured}-post sample, scaled)` : 'floor: bare unified chain, 1 thread',
    value: `${formatMs(floor.ms)} (${perPost(floor.perPostMs)})`,
    ratio: 1,
  },
  buildRow('cold build (--no-cache)', cold, 0.4),
  buildRow('first cached build', firstCached),
  buildRow('warm build (nothing changed)', warm, 0.05),
  buildRow('one post changed', onePost, 0.06),
  rateRow('posts per second, cold', cold),
  rateRow('posts per second, warm', warm),
  {
    name: 'peak RSS (largest build)',
    value: formatRss(peakRssKiB),
    target: `≤ ${rssLimitKiB / MiB / 1024} GiB`,
    ...(peakRssKiB === undefined ? {} : { met: peakRssKiB <= rssLimitKiB }),
  },
];
if (linear) {
  const atN = cold.wallMs / POSTS;
  rows.push(
    { name: `cold per post at ${linear.posts} posts`, value: `${perPost(linear.perPostMs)} (rss ${formatRss(linear.build.peakRssKiB)})`, ratio: linear.perPostMs / floor.perPostMs, ratioOf: 'floor/post' },
    {
      name: `cold per post at ${POSTS} posts`,
      value: `${perPost(atN)} (${(atN / linear.perPostMs).toFixed(2)}× the ${linear.posts}-post figure)`,
      ratio: atN / floor.perPostMs,
      ratioOf: 'floor/post',
      target: `linear (≤ ${LINEAR_TOLERANCE}× the ${linear.posts}-post figure)`,
      met: atN <= linear.perPostMs * LINEAR_TOLERANCE,
    },
  );
}
if (dev) {
  rows.push(
    { name: 'dev: initial in-memory build', value: formatMs(dev.startup), ratio: dev.startup / floor.ms },
    { name: 'dev: save post → reload event (median)', value: fmtStats(dev.post), ratio: dev.post.median / floor.perPostMs, ratioOf: 'floor/post', target: '≤ 50 ms', met: dev.post.median <= 50 },
    { name: 'dev: save CSS → css event (median)', value: fmtStats(dev.css), ratio: dev.css.median / floor.perPostMs, ratioOf: 'floor/post', target: '≤ 30 ms', met: dev.css.median <= 30 },
  );
} else {
  rows.push({ name: 'dev', value: values['skip-dev'] ? 'skipped (--skip-dev)' : `skipped above ${DEV_LIMIT} posts (pass --dev)` });
}

process.stdout.write(formatTable(rows));
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory: os.totalmem(), platform: process.platform, node: process.version };
const results = { posts: POSTS, site: root, machine, floor, builds, peakRssKiB, linear, dev: dev ?? null, rows };
await writeFile(values.out, JSON.stringify(results, null, 2) + '\n');
process.stderr.write(`Wrote ${values.out}\n`);
