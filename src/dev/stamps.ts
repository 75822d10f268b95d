/**
 * What the dev session has read of the disk, file by file, so a quiet moment can check it against
 * the disk itself. File watchers lose events under load: inotify drops them when its queue
 * overflows while a rebuild holds the thread, and chokidar drops a file's second `change` within
 * 50 ms and an `add` of a file it still thinks is there. A `git checkout` of a branch that rewrites
 * 1,000 posts left 100–600 pages wrong for good. Comparing stamps (size, times, inode) of every
 * watched file with the ones taken when the session read them finds what the events missed,
 * as git's index does for a working tree; a file changed too recently for its times to tell
 * (the "racy" case of git's index) is compared by content.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** One file as it was when the session was told to read it. */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** The content's hash, when the times were too recent to tell a later write in the same tick. */
  hash?: string;
}

/**
 * Changes closer than this to the moment of stamping may share their timestamp with a later write
 * (file systems stamp from a coarse clock; some to the second): those files are compared by content.
 */
const RACY_MS = 2_000;

/**
 * Files stamped between two turns of the event loop: a synchronous stat costs a few microseconds,
 * one through libuv's threads several times that (2,000 files: 25 ms against 100–160 ms, measured),
 * and a large site's scan must still not hold up requests.
 */
const CHUNK = 500;

/**
 * Racy files larger than this are compared by their stamps alone: right after a checkout every file
 * is racy, and reading a site's videos and photos in the server's thread would hold up its requests
 * for seconds. Their times have a nanosecond clock on every file system a dev server runs on.
 */
const HASH_LIMIT = 1024 * 1024;

function hashOf(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** The stamp of a file now, hashed when `hashed`; undefined when it is gone (or not a file). */
function stampOf(file: string, hashed: (stamp: Stamp) => boolean): Stamp | undefined {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const stamp: Stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  if (stats.size <= HASH_LIMIT && hashed(stamp)) stamp.hash = hashOf(file);
  return stamp;
}

/** `task` over every item, letting requests in between chunks. */
async function eachOf<T>(items: readonly T[], task: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    items.slice(start, start + CHUNK).forEach(task);
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (a.hash !== undefined && b.hash !== undefined) return a.hash === b.hash && a.size === b.size;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** Every file below the existing ones of `dirs` (absolute), and `files` (gone ones are left out by their stamps). */
async function filesIn(dirs: readonly string[], files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    // Links are followed by chokidar and by the session: stamped (through statSync) like files.
    for (const entry of entries) if (entry.isFile() || entry.isSymbolicLink()) found.push(path.resolve(entry.parentPath, entry.name));
  }
  return [...found, ...files];
}

/** The files the session has been told about, as they were then. */
export class DiskView {
  private known = new Map<string, Stamp>();

  constructor(
    /** Folders whose every file is watched. */
    private readonly dirs: readonly string[],
    /** Single files watched (the site's config files). */
    private readonly files: readonly string[],
    /** Whether a path is one the session cares about (the watcher's own test). */
    private readonly wanted: (file: string) => boolean,
    /** The clock file times are set by (the system's, never a site's "now"), in ms. */
    private readonly clock: () => number,
  ) {}

  /** Changed too recently for its times to tell a later write in the same tick. */
  private readonly racy = (stamp: Stamp): boolean => this.clock() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < RACY_MS;

  /**
   * Stamp these files as the session is about to read them: before it reads, so a write that
   * lands during the read shows as a difference later, never the other way round.
   * True when a file appeared or went.
   */
  async record(files: Iterable<string>): Promise<boolean> {
    let moved = false;
    await eachOf([...files], (file) => {
      const stamp = stampOf(file, this.racy);
      if (this.known.has(file) !== (stamp !== undefined)) moved = true;
      if (stamp) this.known.set(file, stamp);
      else this.known.delete(file);
    });
    return moved;
  }

  /** Stamp every watched file: the session is about to read them all. */
  async recordAll(): Promise<void> {
    this.known = new Map();
    await this.record((await filesIn(this.dirs, this.files)).filter(this.wanted));
  }

  /** The files that differ from their stamps: new, gone, or changed since the session read them. */
  async drift(): Promise<string[]> {
    const onDisk = (await filesIn(this.dirs, this.files)).filter(this.wanted);
    const differing: string[] = [];
    const seen = new Set(onDisk);
    await eachOf(onDisk, (file) => {
      const previous = this.known.get(file);
      // Only a file stamped in its racy moment is read: its times could not tell.
      const now = stampOf(file, () => previous?.hash !== undefined);
      if (!previous && !now) return;
      if (!previous || !now || !sameStamp(previous, now)) differing.push(file);
      // The same content, and times old enough to trust from now on: no need to read it again.
      else if (previous.hash !== undefined && !this.racy(now)) this.known.set(file, { size: now.size, mtimeMs: now.mtimeMs, ctimeMs: now.ctimeMs, ino: now.ino });
    });
    for (const file of this.known.keys()) if (!seen.has(file)) differing.push(file);
    return differing.sort();
  }
}
