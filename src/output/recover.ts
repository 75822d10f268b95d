/**
 * What a killed build leaves beside the output (see write.ts): a staging folder `dist.tmp-*`,
 * and, if it died between the two renames of the swap, the previous output as `dist.old-*`
 * with no `dist/`. Run under the site's build lock, before a build stages anything. That lock
 * does not cover another site built into the same output folder, so a folder is only a leftover
 * once the process named in it is gone (owners.ts).
 */
import { existsSync } from 'node:fs';
import { readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemMessage } from '../shared/fs-errors.ts';
import { escapeRegExp } from '../shared/regexp.ts';
import { inUse } from './owners.ts';
import { removeOutput } from './retire.ts';

/** Put a previous output back if a swap was cut short, and remove every leftover folder. Returns what it did, for the terminal (paths relative to `cwd`). */
export async function recoverOutput(outDir: string, cwd: string): Promise<string[]> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const prefix = path.basename(out);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  // Exactly the names write.ts gives (`dist.tmp-<pid>-<8 hex>`): a user's own `dist.old-2024` is not ours.
  const ours = new RegExp(`^${escapeRegExp(prefix)}\\.(tmp|old)-(\\d+)-[0-9a-f]{8}$`);
  const leftovers = names.flatMap((name) => {
    const [, kind, pid] = ours.exec(name) ?? [];
    const dir = path.join(parent, name);
    return kind && !inUse(dir, Number(pid)) ? [{ dir, kind }] : [];
  });
  const done: string[] = [];
  if (!existsSync(out)) {
    // Newest first: the last output that was complete.
    const olds = await Promise.all(leftovers.filter(({ kind }) => kind === 'old').map(async (leftover) => ({ leftover, mtime: (await stat(leftover.dir)).mtimeMs })));
    const newest = olds.sort((a, b) => b.mtime - a.mtime)[0]?.leftover;
    if (newest) {
      await rename(newest.dir, out);
      done.push(`restored ${path.basename(out)}/ from ${path.basename(newest.dir)}, left by a build that was stopped while swapping`);
      leftovers.splice(leftovers.indexOf(newest), 1);
    }
  }
  let removed = 0;
  for (const { dir, kind } of leftovers) {
    try {
      // A previous output's detached remover may still be at work on an `old` folder (see retire.ts).
      await removeOutput(dir);
      removed++;
    } catch (error) {
      // A read-only previous output: the folder stays, and says so each time, but never fails a build.
      done.push(`could not remove ${leftoverNote(dir, kind === 'old' ? 'a previous output moved aside' : 'an unfinished output of a stopped build', error, cwd)}`);
    }
  }
  if (removed > 0) done.push(`removed ${removed} unfinished output folder${removed === 1 ? '' : 's'} of a stopped build`);
  return done;
}

/**
 * `<folder>, <what> (<why>). …what to do`: a leftover that could not be removed, said by the build
 * that moved it aside (cli.ts) and by each later one, whose output it does not affect.
 */
export function leftoverNote(dir: string, what: string, error: unknown, cwd: string): string {
  const shown = path.relative(cwd, dir) || dir;
  const why = fileSystemMessage(error, dir, cwd) ?? String((error as Error)?.message ?? error);
  // Quoted for a shell when it must be: the commands are there to be copied.
  const quoted = /^[\w./-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`;
  return `${shown}, ${what} (${why}). The output is not affected; make the folder writable and delete it: chmod -R u+w ${quoted} && rm -rf ${quoted}`;
}
