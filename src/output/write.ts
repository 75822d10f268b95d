/**
 * Write the site: everything goes into a staging folder beside the output, which replaces the
 * output only once complete, so a failed build leaves the previous `dist/` as it was.
 * Files whose bytes are unchanged are hard-linked from the previous output instead of written,
 * so they keep their mtime (rsync and CDN uploads skip them) and cost no writes.
 */
import type { BuildPoint } from '../types.ts';
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withPath } from '../shared/fs-errors.ts';
import { OUTPUT_MARKER } from '../shared/out-dir.ts';
import { inUseHere } from './owners.ts';

/** Size and mtime of one output file, as the manifest remembers them to know it untouched. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A staging folder being filled; nothing reaches the output until `commit`. */
export interface Staging {
  /** A rendered (or generated: the search index) file: kept from the output when its bytes are the same, else written. */
  put(relative: string, contents: string | Uint8Array): Promise<void>;
  /** Keep the output's file if it still has `stamp`; false when it does not (the caller renders it). */
  keep(relative: string, stamp: FileStamp): Promise<boolean>;
  /** A file copied from `source` with its mtime, kept from the output when size and mtime match. */
  copy(relative: string, source: string): Promise<void>;
  /** The text of a file already put or kept in staging, once its write has finished. */
  read(relative: string): Promise<string>;
  /**
   * Swap the staging folder in; returns the stamp of every file now in the output, and where the
   * previous output was moved aside (`dist.old-*`), for the caller to remove (see output/retire.ts).
   */
  commit(): Promise<Committed>;
  abort(): Promise<void>;
}

/** A staging folder swapped in. */
export interface Committed {
  stamps: Map<string, FileStamp>;
  /** The previous output, moved aside; undefined when there was none. */
  previous?: string;
}

/** Resolve `relative` inside `dir`, refusing anything that would land outside it. */
export function insideDir(dir: string, relative: string): string {
  const target = path.resolve(dir, relative);
  if (target !== dir && !target.startsWith(dir + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`);
  return target;
}

/** Open at most this many files at once: large sites would otherwise run out of file descriptors. */
const PARALLEL = 64;

/** Start a staging folder beside `outDir`. */
export async function openStaging(outDir: string, checkpoint?: (point: BuildPoint) => void): Promise<Staging> {
  const out = path.resolve(outDir);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${out}.tmp-${suffix}`;
  // Another build's recovery beside the same output leaves it alone while this one runs (owners.ts).
  inUseHere.add(staging);
  await mkdir(staging, { recursive: true }).catch((error: unknown) => {
    inUseHere.delete(staging);
    throw error;
  });
  const made = new Set<string>([staging]);
  const pending = new Set<Promise<void>>();
  let failure: unknown;

  const claimed = new Set<string>();
  /**
   * Claim a path in staging (its folder created) and name where the previous output had it.
   * Each path is claimed once: writing over a hard-linked file would change the previous output's bytes.
   */
  const places = async (relative: string) => {
    const target = insideDir(staging, relative);
    if (claimed.has(target)) throw new Error(`Two outputs for one file: ${relative}`);
    claimed.add(target);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    return { target, previous: insideDir(out, relative) };
  };
  /** Run `task` with at most PARALLEL in flight; the first failure surfaces at commit. */
  const queue = async (relative: string, task: () => Promise<void>) => {
    if (pending.size >= PARALLEL) await Promise.race(pending);
    const running = task().catch((error: unknown) => {
      // A write on an open handle fails without a path (ENOSPC): name the output file it was for.
      failure ??= withPath(error, insideDir(out, relative));
    });
    pending.add(running);
    void running.finally(() => pending.delete(running));
  };

  const put = (relative: string, contents: string | Uint8Array) =>
    queue(relative, async () => {
      const { target, previous } = await places(relative);
      const bytes = Buffer.from(contents);
      const before = await stampOf(previous);
      if (before?.size === bytes.length && bytes.equals(await readFile(previous))) await linkOrCopy(previous, target);
      // `wx`/EXCL everywhere: a write must never reach an existing inode, which may be the previous output's.
      else await writeFile(target, bytes, { flag: 'wx' });
    });

  return {
    put,
    keep: async (relative, stamp) => {
      const before = await stampOf(insideDir(out, relative));
      if (before?.size !== stamp.size || before.mtimeMs !== stamp.mtimeMs) return false;
      const { target, previous } = await places(relative);
      await queue(relative, () => linkOrCopy(previous, target));
      return true;
    },
    copy: (relative, source) =>
      queue(relative, async () => {
        const { target, previous } = await places(relative);
        const [from, before] = await Promise.all([stat(source), stampOf(previous)]);
        // utimes() below sets a millisecond Date: compare to the millisecond.
        if (before?.size === from.size && Math.abs(before.mtimeMs - from.mtimeMs) < 1) return linkOrCopy(previous, target);
        await copyFile(source, target, constants.COPYFILE_EXCL);
        await utimes(target, from.atime, from.mtime);
      }),
    async read(relative) {
      // Writes run in the background; the one for this file may still be among them.
      await Promise.all(pending);
      if (failure !== undefined) throw failure;
      return readFile(insideDir(staging, relative), 'utf8');
    },
    async commit() {
      // Marks the folder as this tool's to replace whole next time (see shared/out-dir.ts); linked
      // from the previous output like any unchanged file, so it keeps its mtime.
      if (!claimed.has(insideDir(staging, OUTPUT_MARKER))) await put(OUTPUT_MARKER, 'Made by blogsmith: each build replaces this folder whole.\n');
      await Promise.all(pending);
      const old = `${out}.old-${suffix}`;
      inUseHere.add(old);
      try {
        if (failure !== undefined) throw failure;
        const stamps = await stampTree(staging);
        const previous = await swap(staging, out, old, checkpoint);
        return { stamps, previous };
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      } finally {
        inUseHere.delete(staging);
        inUseHere.delete(old);
      }
    },
    async abort() {
      await Promise.all(pending);
      await rm(staging, { recursive: true, force: true });
      inUseHere.delete(staging);
    },
  };
}

async function stampOf(file: string): Promise<FileStamp | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** A hard link keeps the previous file's bytes and mtime at no cost; where links fail (another device), a copy with its times. */
async function linkOrCopy(previous: string, target: string): Promise<void> {
  try {
    await link(previous, target);
  } catch {
    const { atime, mtime } = await stat(previous);
    await copyFile(previous, target, constants.COPYFILE_EXCL);
    await utimes(target, atime, mtime);
  }
}

/** The stamp of every file under `dir`, by `/`-separated relative path. */
async function stampTree(dir: string): Promise<Map<string, FileStamp>> {
  const stamps = new Map<string, FileStamp>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (let start = 0; start < entries.length; start += PARALLEL) {
    await Promise.all(
      entries.slice(start, start + PARALLEL).map(async (entry) => {
        if (!entry.isFile()) return;
        const file = path.join(entry.parentPath, entry.name);
        const stamp = await stampOf(file);
        if (stamp) stamps.set(path.relative(dir, file).split(path.sep).join('/'), stamp);
      }),
    );
  }
  return stamps;
}

/**
 * Two renames: the window without `dist/` is as short as the file system allows. Returns `old`
 * when there was an output to move there: removing it is not the swap's (nor the build's) wait.
 */
async function swap(staging: string, out: string, old: string, checkpoint?: (point: BuildPoint) => void): Promise<string | undefined> {
  const hadOutput = existsSync(out);
  if (hadOutput) await rename(out, old);
  checkpoint?.('swap');
  try {
    await rename(staging, out);
  } catch (error) {
    if (hadOutput) await rename(old, out);
    throw error;
  }
  return hadOutput ? old : undefined;
}
