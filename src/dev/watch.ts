/**
 * Watch a site with chokidar and hand over batches of changes. Editors save in bursts
 * (vim and JetBrains rename the old file away, write a new one, delete a backup): events are
 * collected until the burst goes quiet, so one save is one rebuild.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isPostSource } from '../shared/post-files.ts';

/** One batch of changed files, sorted by what they are. */
export interface WatchBatch {
  posts: Set<string>;
  registries: boolean;
  templates: Set<string>;
  statics: Set<string>;
  /** Other files under `content/` (images next to posts). */
  assets: Set<string>;
  config: boolean;
  /** How many of these files a rescan found changed without an event (the watcher missed them). */
  missed?: number;
}

/** Where a site's files live. */
export interface WatchedDirs {
  root: string;
  templateDirs: readonly string[];
  staticDirs: readonly string[];
  /** Never watched (the output, the cache). */
  ignoreDirs: readonly string[];
}

/** Editor droppings that are never content: backups, swap files, JetBrains' safe-write temporaries. */
const EDITOR_TEMP = /(?:~|\.sw[a-p]x?|\.tmp|___jb_(?:tmp|old)___)$|^(?:\.#|#.*#$)|^4913$/;

export function emptyBatch(): WatchBatch {
  return { posts: new Set(), registries: false, templates: new Set(), statics: new Set(), assets: new Set(), config: false };
}

function inside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/** Put one changed path into the batch; false when it is none of ours. */
export function classify(batch: WatchBatch, dirs: WatchedDirs, file: string): boolean {
  const name = path.basename(file);
  if (EDITOR_TEMP.test(name) || dirs.ignoreDirs.some((dir) => inside(dir, file))) return false;
  const content = path.join(dirs.root, 'content');
  // Standalone pages (content/pages/) go with posts: the session reads each as what its folder makes it.
  if ((inside(path.join(content, 'posts'), file) || inside(path.join(content, 'pages'), file)) && isPostSource(name)) batch.posts.add(file);
  else if (path.dirname(file) === content && (name === 'authors.yml' || name === 'tags.yml')) batch.registries = true;
  else if (inside(content, file)) batch.assets.add(file);
  else if (dirs.templateDirs.some((dir) => inside(dir, file)) && name.endsWith('.liquid')) batch.templates.add(file);
  else if (dirs.staticDirs.some((dir) => inside(dir, file))) batch.statics.add(file);
  else if (path.dirname(file) === dirs.root && /^site\.config\.[cm]?[jt]s(?:on)?$/.test(name)) batch.config = true;
  else return false;
  return true;
}

/** Options of {@link watchSite}. */
export interface WatchOptions {
  /** Quiet time that ends a burst of events. */
  quietMs?: number;
  /** Longest a burst may delay a rebuild. */
  maxWaitMs?: number;
  /** Quiet time after a deletion: safe-write editors delete, then re-create the file. */
  unlinkQuietMs?: number;
  /**
   * Called once the watcher is ready, and again whenever batches have run and nothing is left to
   * do: the changes the events missed, if any, handed to `onBatch` like any other batch.
   */
  onIdle?: () => Promise<WatchBatch | undefined>;
  /** The watcher failed (out of inotify watches, a folder it cannot read): `onIdle` is asked next. */
  onError?: (error: Error) => void;
  /** Quiet time after the last batch before `onIdle` is asked. */
  idleMs?: number;
  /** Tests: events to lose, as an overflowing watcher loses them. */
  drop?: (file: string) => boolean;
}

/**
 * Watch `dirs` and call `onBatch` once per burst of changes; batches never overlap. When the
 * bursts are done, `onIdle` looks for what they missed, until it finds nothing.
 */
export function watchSite(
  dirs: WatchedDirs,
  onBatch: (batch: WatchBatch) => Promise<void>,
  { quietMs = 8, maxWaitMs = 100, unlinkQuietMs = 250, idleMs = 100, onIdle, onError, drop }: WatchOptions = {},
): { watcher: FSWatcher; ready: Promise<void>; close(): Promise<void> } {
  // Only folders that exist: a missing target makes chokidar report `ready` before the other
  // watchers are live, and the first save after start was lost. A site's templates/ or static/
  // created later is still seen through the root, whose direct children are filtered below.
  const targets = [...new Set([path.join(dirs.root, 'content'), ...dirs.templateDirs, ...dirs.staticDirs, dirs.root])].filter((dir) => existsSync(dir));
  const watcher = watch(targets, {
    ignoreInitial: true,
    // The root is watched for site.config.* only: do not descend into it beyond the known folders.
    ignored: (file) => file !== dirs.root && path.dirname(file) === dirs.root && !/^(?:content|templates|static|site\.config\..*)$/.test(path.basename(file)),
  });
  let pending = emptyBatch();
  let hasPending = false;
  let timer: NodeJS.Timeout | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let firstEventAt = 0;
  let sawUnlink = false;
  let running: Promise<void> = Promise.resolve();
  /** Tasks chained and not finished. */
  let queued = 0;
  /** Batches have run since `onIdle` last found nothing. */
  let unchecked = true;
  let closed = false;

  // Chained: a burst that arrives during a rebuild waits for it, then rebuilds once.
  const enqueue = (task: () => Promise<void>) => {
    queued++;
    running = running
      .then(task)
      .catch((error: unknown) => console.error(error))
      .then(() => {
        queued--;
        whenQuiet();
      });
  };
  const whenQuiet = () => {
    if (!unchecked || queued > 0 || hasPending || closed || !onIdle) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(checkIfQuiet, idleMs);
  };
  // After a rebuild that held the thread, the events it kept waiting come in first: the check is
  // for what they miss, once the disk has been quiet for a moment.
  const checkIfQuiet = () => {
    if (unchecked && queued === 0 && !hasPending && !closed) enqueue(check);
  };
  const check = async () => {
    if (hasPending || closed) return;
    unchecked = false;
    const missed = await onIdle!();
    if (!missed || closed) return;
    unchecked = true;
    await onBatch(missed);
  };
  const flush = () => {
    timer = undefined;
    if (!hasPending) return;
    const batch = pending;
    pending = emptyBatch();
    hasPending = false;
    sawUnlink = false;
    unchecked = true;
    enqueue(() => onBatch(batch));
  };
  const onEvent = (event: 'add' | 'change' | 'unlink', file: string) => {
    if (drop?.(path.resolve(file))) return;
    // After a rename-over save, chokidar reports a late `unlink` of a file that is there: not a change.
    if (event === 'unlink' && existsSync(file)) return;
    if (!classify(pending, dirs, path.resolve(file))) return;
    // A stopwatch, not the date: only the time between events matters.
    const now = performance.now();
    if (!hasPending) firstEventAt = now;
    hasPending = true;
    // chokidar merges a quick unlink + add into one change; a slow one, or a rename (add of the
    // new name, unlink of the old, in either order), arrives as two events that belong in one batch.
    if (event !== 'change') sawUnlink = true;
    clearTimeout(timer);
    const quiet = sawUnlink ? unlinkQuietMs : quietMs;
    timer = setTimeout(flush, now - firstEventAt >= Math.max(maxWaitMs, quiet) ? 0 : quiet);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file: string) => onEvent(event, file));
  // Unheard, chokidar's `error` event would end the process; its events may be missing from then on.
  watcher.on('error', (error: unknown) => {
    onError?.(error instanceof Error ? error : new Error(String(error)));
    unchecked = true;
    whenQuiet();
  });
  // What changed before the watcher was live (during the first build) is found the same way, before `ready`.
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve())).then(() => {
    if (!onIdle) return;
    enqueue(check);
    return running;
  });
  return {
    watcher,
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(idleTimer);
      await watcher.close();
      await running;
    },
  };
}
