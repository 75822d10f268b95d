/**
 * Whether a process still runs, and which folders beside an output belong to a build that still
 * runs. The build lock is per site (in its `.cache/`), but staging folders are per output folder:
 * two sites built into one `--out` (a CI matrix writing one deploy folder) see each other's
 * `dist.tmp-<pid>-*`, and only the owner's death makes one a leftover (see recover.ts).
 */
import { readFileSync } from 'node:fs';

/**
 * Staging and moved-aside folders of builds running in this process (write.ts adds and removes
 * them): a folder naming this process's pid is otherwise a leftover of an earlier process that had
 * the same pid (containers start every build as pid 1), as for the lock's holder (lock.ts).
 */
export const inUseHere = new Set<string>();

/** Whether `dir`, made by process `pid` (the pid in its name), may still be in use by a build. */
export function inUse(dir: string, pid: number): boolean {
  return pid === process.pid ? inUseHere.has(dir) : processRunning(pid);
}

/** Whether process `pid` of this host runs (a zombie does not). */
export function processRunning(pid: number): boolean {
  try {
    // Signal 0 only asks whether the process exists.
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A killed build whose parent is gone too can stay a zombie where nothing reaps orphans (PID 1
 * of many containers): it still answers signal 0, but it is dead. Linux says so in /proc.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
