/**
 * The scenarios of `npm run bench`, each measured in alternating rounds (bench-pairs.ts) against
 * its peer, and turned into table rows with the targets of issue 16 (never lowered here).
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { chain, coldBuild, runBuild, type BuildResult } from './bench-build.ts';
import { alternate, pairedRatio } from './bench-pairs.ts';
import { formatMs, formatRss, type Row } from './bench-table.ts';
import type { Sites } from './bench-sites.ts';
import { ELEVENTY_OUT } from './peers/eleventy-site.ts';
import { HUGO_OUT } from './peers/hugo-site.ts';
import { countOutput, eleventyCold, hugoCold, pagefindIndex, type OutputCount } from './peers/run.ts';

/** Progress lines go to stderr, so a long run shows where it is. */
const log = (line: string) => process.stderr.write(line + '\n');
const figures = (result: BuildResult) => `${formatMs(result.wallMs)}, peak RSS ${formatRss(result.peakRssKiB)}`;
const progress = (name: string, round: number, result: BuildResult) => log(`  round ${round + 1}: ${name} ${figures(result)}`);
const untimed = (name: string, result: BuildResult) => log(`  ${name} (untimed) ${figures(result)}`);
const wall = (results: BuildResult[]) => results.map((result) => result.wallMs);
const maxRss = (results: BuildResult[]) => (results.some((result) => result.peakRssKiB === undefined) ? undefined : Math.max(...results.map((result) => result.peakRssKiB!)));

/** A row comparing our runs with a peer's, round by round, against `target` (a ratio, ≤); `note` says more about how. */
function ratioRow(scenario: string, ours: BuildResult[], peer: BuildResult[], target: number | undefined, note?: string): Row {
  const paired = pairedRatio(wall(ours), wall(peer));
  const rounds = `median of ${ours.length} paired rounds, per round ${paired.ratios.map((ratio) => ratio.toFixed(2)).join(', ')}`;
  return {
    scenario,
    ours: formatMs(paired.ours),
    peer: formatMs(paired.peer),
    ratio: paired.ratio,
    target: target === undefined ? '—' : `≤ ${Number.isInteger(target) ? target.toFixed(1) : target}`,
    ...(target === undefined ? {} : { met: paired.ratio <= target }),
    note: note ? `${note}; ${rounds}` : rounds,
  };
}

/** Page counts of our output and the peers', checked: a peer that skips posts or tags would make its ratio meaningless. */
export function checkOutputs(sites: Sites): Record<string, OutputCount> {
  const counts: Record<string, OutputCount> = { ours: countOutput(path.join(sites.root, 'dist')), eleventy: countOutput(path.join(sites.eleventy, ELEVENTY_OUT)) };
  if (sites.hugo) counts.hugo = countOutput(path.join(sites.hugo, HUGO_OUT));
  for (const [who, count] of Object.entries(counts)) {
    log(`  ${who}: ${count.posts} post pages, ${count.tagPages} tag pages, ${count.homePages} home pages, ${count.feeds} site feed`);
    if (count.posts !== sites.posts || count.tagPages === 0 || count.homePages === 0 || count.feeds !== 1) {
      throw new Error(`${who}'s output at ${sites.posts} posts is incomplete: ${JSON.stringify(count)}`);
    }
  }
  return counts;
}

/**
 * Cold builds: ours (search on, as users build) against Eleventy, Eleventy + Pagefind (with
 * `withSearch`) and Hugo (a row without target), round by round.
 */
export async function coldScenario(sites: Sites, rounds: number, { withSearch }: { withSearch: boolean }) {
  log(`Cold builds at ${sites.posts} posts, ${rounds} rounds: ours, Eleventy${withSearch ? ', Pagefind' : ''}${sites.hugo ? ', Hugo' : ''}`);
  const steps = [
    { name: 'ours', run: () => coldBuild(sites.root) },
    { name: 'eleventy', run: () => eleventyCold(sites.eleventy) },
    ...(withSearch ? [{ name: 'pagefind', run: () => pagefindIndex(sites.eleventy) }] : []),
    ...(sites.hugo ? [{ name: 'hugo', run: () => hugoCold(sites.hugo!) }] : []),
  ];
  const runs = await alternate(rounds, steps, progress);
  const counts = checkOutputs(sites);
  const n = sites.posts.toLocaleString('en');
  const rows: Row[] = [];
  let eleventyRss = maxRss(runs.eleventy!);
  if (withSearch) {
    const searched = runs.eleventy!.map((eleventy, i) => chain(eleventy, runs.pagefind![i]!));
    eleventyRss = maxRss(searched);
    rows.push(
      ratioRow(`cold, ${n} posts, search on / (Eleventy + Pagefind)`, runs.ours!, searched, 1.0),
      ratioRow(`cold, ${n} posts / Eleventy alone`, runs.ours!, runs.eleventy!, 1.5, 'ours with search on, as users build; the rounds above'),
    );
  } else {
    rows.push(ratioRow(`cold, ${n} posts / Eleventy`, runs.ours!, runs.eleventy!, 1.0));
  }
  if (runs.hugo) rows.push(ratioRow(`cold, ${n} posts / Hugo`, runs.ours!, runs.hugo, undefined, 'no target; the rounds above'));
  return { rows, runs, counts, oursRss: maxRss(runs.ours!), eleventyRss };
}

/** The peer that edits are compared with: Hugo cold when it is here, else Eleventy cold, with the target for each. */
function editPeer(sites: Sites) {
  return sites.hugo
    ? { name: 'Hugo cold', run: () => hugoCold(sites.hugo!), editTarget: 0.25 }
    : { name: 'Eleventy cold (no Hugo here)', run: () => eleventyCold(sites.eleventy), editTarget: 0.5 };
}

/** One post edited before every run of ours (cached), then nothing changed, each against the peer's cold build. */
export async function rebuildScenarios(sites: Sites, rounds: number) {
  const peer = editPeer(sites);
  const edited = path.join(sites.root, 'content/posts', `post-${Math.floor(sites.posts / 2)}.md`);
  log(`Rebuilds at ${sites.posts} posts against ${peer.name}: a first cached build to fill the cache …`);
  untimed('ours, first cached build', await runBuild(sites.root, { cache: true }));
  const edits = await alternate(rounds, [
    {
      name: 'ours, one post edited',
      run: async (round) => {
        await appendFile(edited, `\nEdited before bench round ${round + 1}.\n`);
        return runBuild(sites.root, { cache: true });
      },
    },
    { name: peer.name, run: peer.run },
  ], progress);
  // One more build settles the last edit: a file edited less than a second before a build's stamp is not trusted.
  untimed('ours, settling build', await runBuild(sites.root, { cache: true }));
  const nothing = await alternate(rounds, [
    { name: 'ours, nothing changed', run: () => runBuild(sites.root, { cache: true }) },
    { name: peer.name, run: peer.run },
  ], progress);
  const shortcut = nothing['ours, nothing changed']!.every((run) => run.output.includes('nothing changed'));
  const n = sites.posts.toLocaleString('en');
  const rows = [
    ratioRow(`one post edited, ${n} posts / ${peer.name}`, edits['ours, one post edited']!, edits[peer.name]!, peer.editTarget),
    ratioRow(`nothing changed, ${n} posts / ${peer.name}`, nothing['ours, nothing changed']!, nothing[peer.name]!, 0.1,
      shortcut ? 'every run of ours took the "nothing changed" path' : 'NOT every run of ours took the "nothing changed" path'),
  ];
  return { rows, edits, nothing };
}
