/**
 * One build at a time per site. Two builds at once would stage into the same output and prune
 * each other's cache entries; the second one instead stops with a message naming the first.
 * A lock left by a build that was killed (its process is gone) is taken over.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processRunning } from './owners.ts';

/** Who holds a lock, as written in the lock file. */
interface Holder {
  pid: number;
  host: string;
  started: string;
}

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/** A lock of another host can't be probed: it counts as abandoned once this old. */
const FOREIGN_LOCK_MS = 60 * 60_000;

/** The site's build lock, or a message saying who holds it. */
export type LockResult = { ok: true; release(): void } | { ok: false; message: string };

/**
 * Locks that builds in this process hold. A lock file naming this process is otherwise taken for
 * a stale one (a reused pid, see isAlive); one held here is a build still running in this process,
 * as when builds run through the API side by side. Process state, as the lock files are.
 */
const heldHere = new Set<string>();

/** Take the build lock of the site whose cache folder is `cacheDir`, at `now`; the message names the lock relative to `cwd`. */
export function lockBuild(cacheDir: string, { cwd, now }: { cwd: string; now: Date }): LockResult {
  const file = path.join(cacheDir, 'build.lock');
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch (error) {
    // A read-only site (its output elsewhere) has no cache to protect, and nowhere to put a lock.
    if (READ_ONLY.has((error as NodeJS.ErrnoException).code ?? '')) return { ok: true, release: () => undefined };
    throw error;
  }
  const me: Holder = { pid: process.pid, host: os.hostname(), started: now.toISOString() };
  const busy = (holder: Holder) =>
    `Another build is running on this site (process ${holder.pid} on ${holder.host}, since ${holder.started}). Wait for it to finish; if it is not running, delete ${path.relative(cwd, file) || file}.`;
  if (heldHere.has(file)) return { ok: false, message: busy(readHolder(file) ?? me) };
  // Two tries: the second after removing a lock whose holder is gone.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createWithContent(file, JSON.stringify(me));
      heldHere.add(file);
      return {
        ok: true,
        release: () => {
          heldHere.delete(file);
          releaseIfMine(file);
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // A cache folder that exists but can't be written: no lock, as with no cache folder at all.
      if (READ_ONLY.has(code)) return { ok: true, release: () => undefined };
      if (code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder, file, now)) {
      return { ok: false, message: busy(holder) };
    }
    // Only the stale lock just read goes: a build that took it over meanwhile keeps its own.
    if (sameHolder(readHolder(file), holder)) rmSync(file, { force: true });
  }
  return { ok: false, message: `Could not take the build lock ${file}: another build keeps taking it` };
}

/**
 * Create `file` holding `text`, or fail with EEXIST, never leaving it empty for a moment: the
 * text goes to a temporary file first, which is then hard-linked to the name (atomic, and
 * refused when the name exists). A reader never sees a lock without its holder.
 */
function createWithContent(file: string, text: string): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, text);
  try {
    linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function sameHolder(a: Holder | undefined, b: Holder | undefined): boolean {
  return a?.pid === b?.pid && a?.host === b?.host && a?.started === b?.started;
}

function readHolder(file: string): Holder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string') return value as Holder;
  } catch {
    // Unreadable: written by hand or damaged (locks are created whole, see createWithContent).
  }
  return undefined;
}

function isAlive(holder: Holder, file: string, now: Date): boolean {
  // This very process can't be another build: its pid was reused (containers start every build as pid 1).
  if (holder.host === os.hostname() && holder.pid === process.pid) return false;
  if (holder.host !== os.hostname()) {
    const age = now.getTime() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < FOREIGN_LOCK_MS;
  }
  return processRunning(holder.pid);
}

/** Remove the lock if this process still holds it (a takeover may have replaced it). */
function releaseIfMine(file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid && holder.host === os.hostname()) rmSync(file, { force: true });
}
