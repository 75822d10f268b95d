/**
 * A build with nothing to do. When every input is as the last successful build found it, and
 * the output is as that build left it, that output is already the result: the build says so,
 * repeats the last build's messages, and stops before loading the pipeline. (`make` decides the
 * same way, from stamps; the cache alone still costs reading and checking every post.)
 *
 * Inputs: this tool's version, the working folder, the config (with flag overrides), the build
 * flags, the size, mtime, ctime, inode and link target of every file under `content/` and the
 * template and static folders, and the git commit of the posts (first-commit dates of posts
 * without one). The clock counts too: the record holds only until the build's `validUntil`.
 * A file changed within a second of the stamp is compared by its bytes as well, as git does with
 * "racily clean" entries: a coarse clock could give a second edit the same stamp.
 * Not covered: files outside those folders that a post links to (only whether they exist shows,
 * in a message); a build that finds one appeared or vanished repeats the old message.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { cacheDirOf, digest, digestAll, openBucket } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import { restoreMessage, storeMessage, type StoredMessage } from '../messages.ts';
import { staticDirsOf, templateDirsOf } from '../shared/site-dirs.ts';
import type { SiteConfig } from '../types.ts';
import type { Manifest } from './emit.ts';

/** What decides a build besides the files. */
export interface BuildInputs {
  root: string;
  out: string;
  /** The command's folder: messages name files relative to it. */
  cwd: string;
  config: SiteConfig;
  flags: { drafts: boolean; future: boolean; strict: boolean };
  /** Pages per search index (the CLI reads it from the environment): another number makes another index. */
  searchPagesPerIndex: number;
}

/** What a successful build leaves for the next one to compare with. */
export interface LastBuild {
  inputs: string;
  /** The files too fresh to trust by their stamp when the build began, with the digest of their bytes then. */
  racy?: Record<string, string>;
  validUntil: number;
  /** Files with messages, as the build reported them. */
  report: Array<{ path: string; cwd: string; messages: StoredMessage[] }>;
  posts: number;
  written: number;
}

/** The inputs' stamp. */
export interface Fingerprint {
  digest: string;
  /**
   * Files changed within `racyMs` of the stamp, with the digest of their bytes: the file system's
   * clock is coarse, and a second edit in the same tick to the same size would leave the same stamp.
   */
  racy: Record<string, string>;
}

/** A record that matches no inputs. */
const BLANK: LastBuild = { inputs: '', validUntil: 0, report: [], posts: 0, written: 0 };

/** Files changed this recently are not trusted to show a later change in their stamp. */
const RACY_MS = 1000;

/** Stamp the build's inputs at `now` (a walk of the folders: ~40 ms for 4,000 posts); files changed within `racyMs` before it are read and digested too. */
export function fingerprint(inputs: BuildInputs, now: Date, racyMs = RACY_MS): Fingerprint {
  const trusted = now.getTime() - racyMs;
  const lines: string[] = [];
  const racy: Record<string, string> = {};
  const dirs = [path.join(inputs.root, 'content'), ...templateDirsOf(inputs.root), ...staticDirsOf(inputs.root)];
  for (const dir of dirs) {
    lines.push(`dir\t${dir}`);
    for (const stamp of stampsUnder(dir)) {
      lines.push(stamp.line);
      if (stamp.mtimeMs >= trusted) racy[stamp.file] = contentDigest(stamp.file);
    }
  }
  const { config, flags } = inputs;
  return {
    digest: digestAll([generatorVersion(), inputs.cwd, path.resolve(inputs.out), JSON.stringify([config, flags, inputs.searchPagesPerIndex]), gitHead(inputs.root), ...lines]),
    racy,
  };
}

/** The digest of a file's bytes; '' when it cannot be read (then it matches no digest of bytes). */
function contentDigest(file: string): string {
  try {
    return digest(readFileSync(file));
  } catch {
    return '';
  }
}

/** Every file below `dir`, followed through symbolic links as the build follows them, with size, mtime, ctime, inode and link target. */
function stampsUnder(dir: string): Array<{ file: string; line: string; mtimeMs: number }> {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) return [];
    const link = lstatSync(file).isSymbolicLink() ? readlinkSync(file) : '';
    // ctime and inode too: tools that restore mtimes (rsync -a, cp -p, tar, CI caches) cannot set ctime, and a save by rename is a new inode.
    return [{ file, line: `${name}\t${stat.size}\t${stat.mtimeMs}\t${stat.ctimeMs}\t${stat.ino}\t${link}`, mtimeMs: Math.max(stat.mtimeMs, stat.ctimeMs) }];
  });
}

/** The commit checked out where the posts are (posts without a date take their first commit's), or '' outside git. */
function gitHead(root: string): string {
  const posts = path.join(root, 'content', 'posts');
  try {
    // From the posts' folder, as the content stage asks git: it may be a submodule with commits of its own.
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: existsSync(posts) ? posts : root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Where the record of the last build of `out` lives. */
function records(root: string) {
  return openBucket<LastBuild>(cacheDirOf(root), 'last-build', true);
}

/** The key of an output folder's entries in the cache: its manifest, its search record, its last build. */
export function outKey(out: string): string {
  return digest(path.resolve(out));
}

/**
 * The last build, when nothing it depended on has changed since and the output is still exactly
 * what it wrote (no file changed, missing or added); otherwise undefined and the build runs.
 */
export function unchangedSince(inputs: BuildInputs, stamp: Fingerprint, now: Date): LastBuild | undefined {
  const last = records(inputs.root).get(outKey(inputs.out));
  if (!last || last.inputs !== stamp.digest || now.getTime() >= last.validUntil) return undefined;
  // Stamps alike: the files too fresh to trust by theirs then must still have the bytes they had.
  for (const [file, bytes] of Object.entries(last.racy ?? {})) if (contentDigest(file) !== bytes) return undefined;
  const manifest = openBucket<Manifest>(cacheDirOf(inputs.root), 'output', true).get(outKey(inputs.out));
  return manifest && outputMatches(inputs.out, manifest) ? last : undefined;
}

/** Whether `out` holds exactly the manifest's files, each with its size and mtime. */
function outputMatches(out: string, manifest: Manifest): boolean {
  let names: string[];
  try {
    names = readdirSync(out, { recursive: true, encoding: 'utf8' });
  } catch {
    return false;
  }
  let files = 0;
  for (const name of names) {
    const stat = lstatSync(path.join(out, name), { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) continue;
    const expected = manifest[name.split(path.sep).join('/')];
    if (!expected || !stat.isFile() || stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs) return false;
    files++;
  }
  return files === Object.keys(manifest).length;
}

/** Remember a successful build, so the next one with the same inputs (and fresh files with the same bytes) can skip its work. */
export function rememberBuild(inputs: BuildInputs, stamp: Fingerprint, result: { files: readonly VFile[]; posts: number; written: number; validUntil: number }): void {
  const bucket = records(inputs.root);
  const report = result.files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      path: file.path,
      cwd: file.cwd,
      messages: file.messages.map(storeMessage),
    }));
  bucket.set(outKey(inputs.out), { inputs: stamp.digest, racy: stamp.racy, validUntil: result.validUntil, report, posts: result.posts, written: result.written });
}

/**
 * Blank the record of `out`: called by every build before it swaps a new output in, so a record
 * only ever describes the output of the build that made it (a build through the API, or a CLI
 * build killed between its swap and its record, leaves no record that matches).
 */
export function forgetBuild(root: string, out: string): void {
  records(root).set(outKey(out), BLANK);
}

/** The last build's messages on files again, for the report. */
export function replayedFiles(last: LastBuild): VFile[] {
  return last.report.map((stored) => {
    const file = new VFile({ path: stored.path, cwd: stored.cwd });
    for (const message of stored.messages) restoreMessage(file, message);
    return file;
  });
}
