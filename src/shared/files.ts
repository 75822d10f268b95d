/** Listing a folder the way the output stage needs it, and asking whether a path is a file. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files under `dir` (following symlinks to files), `/`-separated and sorted; nothing when it does not exist. */
export function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => statSync(path.join(dir, name), { throwIfNoEntry: false })?.isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Whether `file` is a file (not a folder, not missing). */
export function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
