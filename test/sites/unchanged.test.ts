/**
 * A build with nothing to do (src/output/unchanged.ts): it repeats the last build's report and
 * leaves dist/ alone, and only when nothing it depends on changed. The real CLI in-process, real
 * files, and a clock of the test's own: "later" is a date it passes in, never a wait.
 */
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build as buildSite } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import { fingerprint, rememberBuild, unchangedSince, type BuildInputs } from '../../src/output/unchanged.ts';
import { listFiles, runCli, type CliRun, type RunClock } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

const NOTHING_CHANGED = 'nothing changed since the last build';
let root: string;
let out: string;

/** Builds run a minute after the real time: every file the test wrote is settled (not too recent to trust) by then. */
const LATER = 60_000;
const later = (): RunClock => ({ now: () => new Date(Date.now() + LATER) });

async function build(...flags: string[]): Promise<CliRun> {
  return buildAt(later(), ...flags);
}

async function buildAt(clock: RunClock, ...flags: string[]): Promise<CliRun> {
  const run = await runCli(['build', '--root', root, '--out', out, ...flags], {}, clock);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** The report without the summary line (which has the timing). */
const reportOf = (run: CliRun) => run.stderr.replace(/^built .*\n/m, '');

/** Give every file under `dir` an mtime in the past (a later build sees a change of stamp). */
async function backdate(dir = root, secondsAgo = 60): Promise<void> {
  const when = new Date(Date.now() - secondsAgo * 1000);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) await utimes(path.join(entry.parentPath, entry.name), when, when);
  }
}

/** Every output file with its mtime. */
async function stamps(): Promise<Map<string, number>> {
  return new Map(await Promise.all((await listFiles(out)).map(async (file) => [file, (await stat(path.join(out, file))).mtimeMs] as const)));
}

beforeEach(async () => {
  root = await copySite('sample');
  out = path.join(root, 'dist');
  await backdate();
});

describe('a build with nothing to do', () => {
  it('repeats the last report, writes nothing and says so', async () => {
    const full = await build();
    expect(full.stderr).not.toContain(NOTHING_CHANGED);
    expect(full.stderr).toContain('warning');
    const before = await stamps();

    const again = await build();
    expect(again.stderr).toMatch(new RegExp(`built 5 posts \\(${before.size} files; ${NOTHING_CHANGED}\\)`));
    expect(reportOf(again)).toBe(reportOf(full));
    expect(await stamps()).toEqual(before);
  }, 60_000);

  it('repeats the JSON messages too', async () => {
    const full = await build('--format', 'json');
    const again = await build('--format', 'json');
    expect(again.stdout).not.toBe('');
    expect(again.stdout).toBe(full.stdout);
  }, 60_000);

  it('builds again when a post changes, even to the same size', async () => {
    await build();
    const post = path.join(root, 'content/posts/2025-02-03-fosdem-2025.md');
    await backdate(path.join(root, 'content'), 30);
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
    // Edited to the same size, and built within the second: built, and the post's bytes recorded beside its stamp.
    const text = await readFile(post, 'utf8');
    expect(text).toContain('FOSDEM');
    await writeFile(post, text.replace(/FOSDEM/, 'fosdem'));
    const edited = await stat(post);
    expect(edited.size).toBe(Buffer.byteLength(text));
    const justAfter: RunClock = { now: () => new Date(Math.max(edited.mtimeMs, edited.ctimeMs) + 200) };
    expect((await buildAt(justAfter)).stderr).not.toContain(NOTHING_CHANGED);
    // Nothing changed since, in the same second or later: the bytes are those recorded.
    expect((await buildAt(justAfter)).stderr).toContain(NOTHING_CHANGED);
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
  }, 60_000);

  it('compares a file changed within the second by its bytes too, as a coarse clock may give an edit the same stamp', async () => {
    await build();
    const post = path.join(root, 'content/posts/2025-02-03-fosdem-2025.md');
    await writeFile(post, (await readFile(post, 'utf8')).replace(/FOSDEM/, 'fosdem'));
    const edited = await stat(post);
    const inputs: BuildInputs = { root, out, cwd: root, config: await loadConfig(root, {}, root), flags: { drafts: false, future: false, strict: false }, searchPagesPerIndex: 10_000 };
    const now = new Date(Math.max(edited.mtimeMs, edited.ctimeMs) + 200);
    const stamp = fingerprint(inputs, now);
    // The post, and whatever else changed within the second (backdating a file sets its ctime to now).
    expect(Object.keys(stamp.racy)).toContain(post);
    expect(fingerprint(inputs, new Date(now.getTime() + 60_000)).racy).toEqual({});
    const result = { files: [], posts: 5, written: (await listFiles(out)).length, validUntil: now.getTime() + 3_600_000 };
    rememberBuild(inputs, stamp, result);
    expect(unchangedSince(inputs, stamp, now)).toBeDefined();
    // The same stamps, other bytes recorded for the fresh file (as when a second edit kept its stamp): not unchanged.
    rememberBuild(inputs, { ...stamp, racy: { [post]: 'other bytes' } }, result);
    expect(unchangedSince(inputs, stamp, now)).toBeUndefined();
  }, 60_000);

  it('builds again when the output was changed: a file gone, edited or added', async () => {
    await build();
    const page = path.join(out, 'index.html');
    await rm(page);
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect((await stat(page)).isFile()).toBe(true);

    await writeFile(path.join(out, 'stray.html'), 'left by hand');
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect(await listFiles(out)).not.toContain('stray.html');

    await utimes(page, new Date(0), new Date(0));
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
  }, 60_000);

  it('builds again for other flags, a new template, and without the cache', async () => {
    await build();
    expect((await build('--drafts')).stderr).not.toContain(NOTHING_CHANGED);
    expect((await build('--base-url', 'https://example.org/')).stderr).not.toContain(NOTHING_CHANGED);
    await build();
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
    expect((await build('--no-cache')).stderr).not.toContain(NOTHING_CHANGED);

    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'templates/unused.liquid'), 'unused\n');
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
  }, 60_000);

  it('builds again after a build through the API wrote the output', async () => {
    await build();
    const config = await loadConfig(root, {}, process.cwd());
    const api = await buildSite({ root, out, drafts: true, future: false, strict: false, dryRun: false, now: new Date(), cache: true, threads: 1, cwd: process.cwd() }, config);
    expect(api.exitCode).toBe(0);
    expect((await build()).stderr).not.toContain(NOTHING_CHANGED);
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
  }, 60_000);

  it('builds again once a scheduled post comes due', async () => {
    const due = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
    await writeFile(path.join(root, 'content/posts/scheduled.md'), `---\ntitle: Scheduled\ndate: ${due.toISOString().replace('.000Z', 'Z')}\n---\nSoon.\n`);
    await build();
    expect(await listFiles(out)).not.toContain('posts/scheduled/index.html');
    expect((await build()).stderr).toContain(NOTHING_CHANGED);
    const afterDue: RunClock = { now: () => new Date(due.getTime() + 1000) };
    expect((await buildAt(afterDue)).stderr).not.toContain(NOTHING_CHANGED);
    expect(await listFiles(out)).toContain('posts/scheduled/index.html');
  }, 60_000);
});
