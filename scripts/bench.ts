/**
 * `npm run bench`: our build against its peers on the same generated corpus (issue 16's table):
 * Eleventy 3, Eleventy + Pagefind, and Hugo when it is on PATH, each scenario measured in
 * alternating rounds and printed as a ratio to its peer with its target, plus dev save → reload
 * latency and peak RSS. Prints one table (and the machine and versions), writes JSON.
 * Timing lives here, never in unit tests.
 *
 *   npm run bench -- [--posts N] [--pairs N] [--samples N] [--out FILE] [--site DIR] [--skip-dev] [--skip-hugo] [--rss-100k]
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canMeasureRss, coldBuild } from './bench-build.ts';
import { benchDev, type DevResult } from './bench-dev.ts';
import { benchImages } from './bench-images.ts';
import { coldScenario, rebuildScenarios } from './bench-scenarios.ts';
import { prepareSites } from './bench-sites.ts';
import { formatMs, formatRss, formatTable, markdownTable, type Row } from './bench-table.ts';
import { peerVersions } from './peers/run.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '4000' },
    pairs: { type: 'string', default: '3' },
    samples: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench-results.json' },
    site: { type: 'string' },
    'skip-dev': { type: 'boolean', default: false },
    'skip-hugo': { type: 'boolean', default: false },
    'rss-100k': { type: 'boolean', default: false },
  },
});
const whole = (name: 'posts' | 'pairs' | 'samples', least: number) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < least) throw new Error(`--${name} must be a whole number ≥ ${least}, got ${values[name]}`);
  return value;
};
const POSTS = whole('posts', 1);
/** Issue 16 asks for the median of at least 3 paired runs. */
const PAIRS = whole('pairs', 3);
const SAMPLES = whole('samples', 1);
const SMALL = 100;
const BIG = 100_000;
const GiB = 1024 * 1024;
const log = (line: string) => process.stderr.write(line + '\n');
const started = new Date();
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');
const loadBefore = load();

const hugo = peerVersions.hugo !== undefined && !values['skip-hugo'];
if (!hugo) log(peerVersions.hugo === undefined ? 'Hugo is not on PATH: its rows are skipped, edits are compared with Eleventy.' : 'Hugo skipped (--skip-hugo).');
if (!canMeasureRss) log('No /usr/bin/time here: peak RSS is not measured.');

const root = path.resolve(values.site ?? path.join(os.tmpdir(), `blog-bench-${POSTS}`));
log(`Generating ${POSTS} and ${SMALL} posts, and the peers' copies …`);
const sites = await prepareSites(root, POSTS, { hugo });
const small = await prepareSites(`${root}-${SMALL}`, SMALL, { hugo });

const cold = await coldScenario(sites, PAIRS, { withSearch: true });
const rebuilds = await rebuildScenarios(sites, PAIRS);
const coldSmall = await coldScenario(small, PAIRS, { withSearch: false });
const images = await benchImages(PAIRS, log);

let dev: DevResult | undefined;
if (!values['skip-dev']) {
  log(`Dev server on ${POSTS} posts: initial build, then ${SAMPLES} saves → reload events …`);
  dev = await benchDev(root, { posts: POSTS, samples: SAMPLES });
}

let big: { posts: number; rssKiB: number | undefined; wallMs: number } | undefined;
if (values['rss-100k']) {
  log(`Cold build at ${BIG.toLocaleString('en')} posts, for peak RSS …`);
  const bigSites = await prepareSites(`${root}-${BIG}`, BIG, { hugo: false, peers: false });
  const run = await coldBuild(bigSites.root);
  big = { posts: BIG, rssKiB: run.peakRssKiB, wallMs: run.wallMs };
}

const n = POSTS.toLocaleString('en');
const rssRow = (posts: string, kib: number | undefined, peer: string, limitGiB: number): Row => ({
  scenario: `peak RSS, cold ${posts} posts`,
  ours: formatRss(kib),
  peer,
  target: `≤ ${limitGiB} GiB`,
  ...(kib === undefined ? {} : { met: kib <= limitGiB * GiB }),
});
const rows: Row[] = [...cold.rows, ...rebuilds.rows, ...coldSmall.rows, images.row];
rows.push(
  dev
    ? {
        scenario: `dev: save → reload event, ${n} posts`,
        ours: `p50 ${formatMs(dev.post.p50)}, p95 ${formatMs(dev.post.p95)}`,
        peer: '—',
        target: 'p50 ≤ 100 ms, p95 ≤ 250 ms',
        met: dev.post.p50 <= 100 && dev.post.p95 <= 250,
        note: `${dev.postSamples.length} saves a second apart; min ${formatMs(dev.post.min)}, max ${formatMs(dev.post.max)}; CSS save → css event p50 ${formatMs(dev.css.p50)}; initial in-memory build ${formatMs(dev.startup)}`,
      }
    : { scenario: `dev: save → reload event, ${n} posts`, ours: 'skipped (--skip-dev)', peer: '—', target: 'p50 ≤ 100 ms, p95 ≤ 250 ms' },
  rssRow(n, cold.oursRss, `Eleventy + Pagefind ${formatRss(cold.eleventyRss)}`, 1),
  big
    ? { ...rssRow(BIG.toLocaleString('en'), big.rssKiB, '—', 4), note: `one cold build, ${formatMs(big.wallMs)}` }
    : { scenario: `peak RSS, cold ${BIG.toLocaleString('en')} posts`, ours: 'not run (pass --rss-100k)', peer: '—', target: '≤ 4 GiB' },
);

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Math.round(os.totalmem() / GiB / 1024),
  platform: `${process.platform} ${os.release()}`,
  loadAverage: { before: loadBefore, after: load() },
};
const versions = { node: process.version, ...peerVersions, hugo: hugo ? peerVersions.hugo : null };
const header = [
  `date ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; load average before ${machine.loadAverage.before}, after ${machine.loadAverage.after}`,
  `Node ${versions.node}; Eleventy ${versions.eleventy}; Pagefind ${versions.pagefind}; ${versions.hugo ?? 'Hugo not run'}; ${PAIRS} paired rounds per scenario`,
];
process.stdout.write(header.join('\n') + '\n\n' + formatTable(rows));
const results = { date: started.toISOString(), posts: POSTS, pairs: PAIRS, site: root, machine, versions, rows, markdown: markdownTable(rows), cold, rebuilds, coldSmall, images: { ...images, row: undefined }, dev: dev ?? null, big: big ?? null };
await writeFile(values.out, JSON.stringify(results, (key, value: unknown) => (key === 'output' ? undefined : value), 2) + '\n');
log(`Wrote ${values.out}`);
