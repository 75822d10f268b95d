/**
 * The property behind shared/out-dir.ts: whatever `--root`, `--out` and symbolic links a user
 * gives, no build deletes or changes a file outside the folder it owns. Random layouts in a temp
 * folder (nested folders; links to the site, to content/, to parents, to outside folders with
 * sentinel files, dangling ones; output folders absolute, relative, through links, inside the
 * site's own folders, existing with or without the tool's marker), each built in this process.
 * Every file's path, bytes and mtime (and every link's target, every folder) is compared before
 * and after: a refused or failed build changes nothing; a build that writes changes only its
 * output folder. A seeded generator; the seed is in every failure (BLOGSMITH_PROPERTY_SEED=n replays it).
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeOutput } from '../../src/output/retire.ts';
import { OUTPUT_MARKER } from '../../src/shared/out-dir.ts';
import { tempDir } from '../helpers/cli.ts';
import { buildTiny, POST_PAGE, writeTinySite } from './tiny-site.ts';

const CASES = 50;
/** Cases built at once. */
const PARALLEL = 4;
const SEED = Number(process.env.BLOGSMITH_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: small, seeded, good enough to pick among choices. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** The site sits at `w/site` in every layout; everything else is around it. */
const SITE = 'w/site';

/** Places an output may be named at, relative to the layout's folder (some don't exist, some are files or links). */
const PLACES = [
  `${SITE}/dist`, `${SITE}/new-out`, `${SITE}/content`, `${SITE}/content/posts`, `${SITE}/content/new`, `${SITE}/static`, `${SITE}/static/img`,
  `${SITE}/templates`, `${SITE}/.git`, `${SITE}/.git/objects`, `${SITE}/.cache`, `${SITE}/.cache/x`, SITE, 'w', '.', '..',
  'outside', 'outside/sub', 'outside/secret.txt', 'outside/new', 'full', 'full/inner', 'ours', 'empty', 'fresh', 'fresh/a/b', 'file.txt', 'file.txt/x',
  'links/site', 'links/site/dist', 'links/site/content', 'links/site/new', 'links/content', 'links/content/posts', 'links/content/new', 'links/parent',
  'links/parent/site', 'links/parent/site/dist', 'links/parent/elsewhere', 'links/outside', 'links/outside/new', 'links/ours', 'links/empty',
  'links/dangling', 'links/dangling/x', 'links/into-content', 'links/into-content/x', 'links',
];

/** Ways to name the site, relative to the layout's folder (the working folder). */
const ROOTS = [SITE, 'links/site', 'links/parent/site'];

/** A symbolic link `dir/name` to `target`, its folder made. */
async function symlinkIn(dir: string, name: string, target: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await symlink(target, path.join(dir, name));
}

/** A random layout in `dir` (the links the roots go through are always there). */
async function makeLayout(dir: string, random: ReturnType<typeof generator>): Promise<void> {
  const site = path.join(dir, SITE);
  await writeTinySite(site);
  const files: Record<string, string> = {
    [`${SITE}/templates/partials/note.liquid`]: '<p>note</p>\n',
    [`${SITE}/.git/HEAD`]: 'ref: refs/heads/main\n',
    [`${SITE}/.git/objects/info/packs`]: '\n',
    'outside/secret.txt': 'sentinel\n',
    'outside/sub/deep.txt': 'sentinel\n',
    'full/user.txt': 'someone else’s\n',
    [`ours/${OUTPUT_MARKER}`]: 'Made by blogsmith\n',
    'ours/index.html': '<p>an older output\n',
    'file.txt': 'a file\n',
    'outside-static/img/logo.txt': 'logo\n',
  };
  // The site's static/ is its own folder or a link to one outside it; its dist/ may be an older
  // build's (no marker), or a link to a folder of someone else's.
  if (random.chance(0.7)) files[`${SITE}/static/img/logo.txt`] = 'logo\n';
  const dist = random.pick(['none', 'older', 'link'] as const);
  if (dist === 'older') files[`${SITE}/dist/index.html`] = '<p>an older build\n';
  if (dist === 'link') await symlinkIn(site, 'dist', random.pick(['../../outside', '../../full', '../../empty']));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await mkdir(path.join(dir, 'empty'));
  if (!existsSync(path.join(site, 'static'))) await symlink('../../outside-static', path.join(site, 'static'));
  const links: Record<string, string> = {
    site: '../w/site',
    content: '../w/site/content',
    parent: '../w',
    outside: '../outside',
    ours: '../ours',
    empty: '../empty',
    dangling: '../nowhere',
    'into-content': '../w/site/content/not-yet',
  };
  await mkdir(path.join(dir, 'links'));
  for (const [name, target] of Object.entries(links)) if (name === 'site' || name === 'parent' || random.chance(0.8)) await symlink(target, path.join(dir, 'links', name));
}

/** `file`'s real path, or its deepest existing ancestor's with the rest appended. */
function realOf(file: string): string {
  const rest: string[] = [];
  let at = path.resolve(file);
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      rest.push(path.basename(at));
      at = path.dirname(at);
    }
  }
}

function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer + path.sep);
}

/** Every entry under `dir` (links not followed): a file's size, mtime and digest, a link's target, a folder. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      const stats = lstatSync(file);
      if (stats.isSymbolicLink()) entries.set(file, `link ${readlinkSync(file)}`);
      else if (stats.isDirectory()) {
        entries.set(file, 'folder');
        walk(file);
      } else entries.set(file, `file ${stats.size} ${stats.mtimeMs} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    }
  };
  walk(dir);
  return entries;
}

/** `lstat`, or undefined for a path that isn't there (missing, or under a file). */
function lstatOf(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * What the build may do with `out` (absolute, as the build resolves it), written apart from
 * out-dir.ts: refuse it (exit 2), fail (nothing can be created there: exit 1), or write it.
 */
function expected(layout: string, out: string): 'write' | 'refuse' | 'cannot' {
  const site = realpathSync(path.join(layout, SITE));
  const realOut = realOf(out);
  const stats = lstatOf(out);
  if (stats && !stats.isDirectory()) return 'refuse';
  if (within(site, realOut)) return 'refuse';
  if (['content', 'templates', 'static', '.git', '.cache'].some((own) => within(realOut, realOf(path.join(site, own))))) return 'refuse';
  if (stats && realOut !== path.join(site, 'dist') && !existsSync(path.join(out, OUTPUT_MARKER)) && readdirSync(out).length > 0) return 'refuse';
  // Under a file, or through a dangling link: the nearest thing on the path is no folder.
  let nearest = out;
  while (!lstatOf(nearest)) nearest = path.dirname(nearest);
  return existsSync(nearest) && lstatSync(realpathSync(nearest)).isDirectory() ? 'write' : 'cannot';
}

/** One drawn case: a layout's folder, and how the build names its site and output. */
interface Case {
  index: number;
  layout: string;
  rootArg: string;
  outArg: string | undefined;
}

/** Build one case and hold it to the property; returns how the build ended. */
async function check({ index, layout, rootArg, outArg }: Case): Promise<'write' | 'refuse' | 'failed'> {
  const typedRoot = path.resolve(layout, rootArg);
  const out = path.resolve(typedRoot, outArg ?? 'dist');
  const what = `seed ${SEED}, case ${index}: --root ${rootArg} --out ${outArg ?? '(default)'}`;
  const realOut = realOf(out);
  const cache = path.join(layout, SITE, '.cache');
  const oracle = expected(layout, out);
  // The layout's parent: `..` of the layout is a place an output may be named at too.
  const before = snapshot(path.dirname(layout));
  const result = await buildTiny(typedRoot, outArg, { cwd: layout });
  if (result.previous) await removeOutput(result.previous);
  const after = snapshot(path.dirname(layout));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file) && !within(file, cache));
  if (result.exitCode === 0) {
    expect(oracle, `${what}: built, but the oracle says ${oracle}`).toBe('write');
    expect(existsSync(path.join(realOut, POST_PAGE)), `${what}: no page in ${realOut}`).toBe(true);
    // Only the output folder may differ, and new folders on the way to a new one.
    const outside = changed.filter((file) => !within(file, realOut) && !(after.get(file) === 'folder' && !before.has(file) && within(realOut, file)));
    expect(outside, `${what}: changed outside ${realOut}`).toEqual([]);
    return 'write';
  }
  expect(result.exitCode, `${what}: ${result.problem} (the oracle says ${oracle})`).toBe(oracle === 'refuse' ? 2 : oracle === 'cannot' ? 1 : 0);
  expect(changed, `${what}: ${result.problem}`).toEqual([]);
  return result.exitCode === 2 ? 'refuse' : 'failed';
}

describe(`builds with random --root, --out and links (seed ${SEED})`, () => {
  it(`change no file outside the output folder they own, in ${CASES} layouts`, async () => {
    const base = realpathSync(await tempDir('blog-property-'));
    const random = generator(SEED);
    const cases: Case[] = [];
    for (let index = 0; index < CASES; index++) {
      // Each layout one level down: `..` of it is still this case's own folder.
      const layout = path.join(base, `case-${index}`, 'layout');
      await makeLayout(layout, random);
      const rootArg = random.pick(ROOTS);
      const place = random.chance(0.1) ? undefined : random.pick(PLACES);
      const typedRoot = path.resolve(layout, rootArg);
      const outArg = place === undefined ? undefined : random.chance(0.5) ? path.join(layout, place) : path.relative(typedRoot, path.join(layout, place)) || '.';
      cases.push({ index, layout, rootArg, outArg });
    }
    // A few at a time: a build mostly waits (git, the file system), and each case has a folder of its own.
    const outcomes = { write: 0, refuse: 0, failed: 0 };
    for (let start = 0; start < cases.length; start += PARALLEL) {
      for (const outcome of await Promise.all(cases.slice(start, start + PARALLEL).map(check))) outcomes[outcome]++;
    }
    // The layouts reach both sides of the rule.
    expect(outcomes.write, JSON.stringify(outcomes)).toBeGreaterThan(CASES / 10);
    expect(outcomes.refuse, JSON.stringify(outcomes)).toBeGreaterThan(CASES / 10);
  }, 60_000);
});
