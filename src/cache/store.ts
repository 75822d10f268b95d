/**
 * The persistent cache in `<root>/.cache/`: one file per entry, named by its key, holding a
 * checksum line and then the JSON value. A truncated or corrupt entry fails its checksum and
 * counts as a miss, so it is rebuilt, never served. Entries are written to a temporary name and
 * renamed, so a build killed mid-write leaves either the old entry or none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A hex digest of its parts, for keys and checksums. */
export function digest(...parts: Array<string | Uint8Array>): string {
  return digestAll(parts);
}

/** `digest` of a list of any length: spreading 200,000 parts into a call overflows the stack. */
export function digestAll(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Temporary entry files younger than this may belong to a build still running. */
const STALE_TEMP_MS = 10 * 60_000;

/** One kind of entry (`markdown`, `pages`…) in one site's cache folder. */
export interface CacheBucket<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Remove entries this run neither read nor wrote (posts deleted or changed since); temporary files younger than a minute at `now` stay. */
  prune(now: Date): void;
}

/** The cache folder of a site; `enabled: false` (`--no-cache`) reads nothing and writes nothing. */
export function cacheDirOf(root: string): string {
  return path.join(root, '.cache');
}

/** A bucket in `<dir>/<name>/`; with `enabled` false every get misses and nothing is written. */
export function openBucket<T>(dir: string, name: string, enabled: boolean): CacheBucket<T> {
  const bucketDir = path.join(dir, name);
  const used = new Set<string>();
  const fileOf = (key: string) => path.join(bucketDir, key.slice(0, 2), key);
  if (!enabled) return { get: () => undefined, set: () => undefined, prune: () => undefined };
  try {
    ignoreInGit(dir);
  } catch {
    // A read-only site: every set below fails quietly too.
  }
  return {
    get(key) {
      used.add(key);
      return readEntry<T>(fileOf(key));
    },
    set(key, value) {
      used.add(key);
      // The cache is an optimisation: a read-only or full disk costs speed, never the build.
      try {
        writeEntry(fileOf(key), value);
      } catch {
        // Rendered again next time.
      }
    },
    prune(now) {
      try {
        pruneUnused(now);
      } catch {
        // Left for the next build to tidy.
      }
    },
  };

  function pruneUnused(now: Date): void {
    for (const shard of listDir(bucketDir)) {
      for (const name of listDir(path.join(bucketDir, shard))) {
        const file = path.join(bucketDir, shard, name);
        // Another build may be writing this temporary file right now; only old leftovers go.
        if (name.endsWith('.tmp') && now.getTime() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < STALE_TEMP_MS) continue;
        if (!used.has(name)) rmSync(file, { force: true });
      }
    }
  }
}

function readEntry<T>(file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline !== 64 || text.slice(0, 64) !== digest(body)) return undefined;
  try {
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, value: unknown): void {
  const body = JSON.stringify(value);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${digest(body)}\n${body}`);
  renameSync(temporary, file);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A `.gitignore` of `*` inside the cache folder keeps it out of the site's repository without touching theirs. */
function ignoreInGit(dir: string): void {
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' });
  } catch {
    // Already there.
  }
}
