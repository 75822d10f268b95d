/**
 * What a killed build leaves beside the output (see write.ts): a staging folder `dist.tmp-*`,
 * and, if it died between the two renames of the swap, the previous output as `dist.old-*`
 * with no `dist/`. Run under the build lock, before a build stages anything: no other build
 * can be using these folders then.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { escapeRegExp } from '../shared/regexp.ts';
import { removeOutput } from './retire.ts';

/** Put a previous output back if a swap was cut short, and remove every leftover folder. Returns what it did, for the terminal. */
export async function recoverOutput(outDir: string): Promise<string[]> {
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
  const ours = new RegExp(`^${escapeRegExp(prefix)}\\.(tmp|old)-\\d+-[0-9a-f]{8}$`);
  const leftovers = names.filter((name) => ours.test(name)).map((name) => path.join(parent, name));
  const done: string[] = [];
  if (!existsSync(out)) {
    // Newest first: the last output that was complete.
    const olds = await Promise.all(leftovers.filter((dir) => ours.exec(path.basename(dir))?.[1] === 'old').map(async (dir) => ({ dir, mtime: (await stat(dir)).mtimeMs })));
    const newest = olds.sort((a, b) => b.mtime - a.mtime)[0];
    if (newest) {
      await rename(newest.dir, out);
      done.push(`restored ${path.basename(out)}/ from ${path.basename(newest.dir)}, left by a build that was stopped while swapping`);
      leftovers.splice(leftovers.indexOf(newest.dir), 1);
    }
  }
  // A previous output's detached remover may still be at work on an `old` folder (see retire.ts).
  for (const dir of leftovers) await removeOutput(dir);
  if (leftovers.length > 0) done.push(`removed ${leftovers.length} unfinished output folder${leftovers.length === 1 ? '' : 's'} of a stopped build`);
  return done;
}

