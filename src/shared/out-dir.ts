/**
 * The one place that judges an output folder (`--out`) before anything is written: a build swaps
 * the output folder away and its staging folder in, so an output folder that is, holds or sits
 * inside the site's own files would delete them. Judged on real paths (symbolic links resolved),
 * because a site reached through a link and an output named by its real path are the same folder
 * to the file system, and different strings to `path.resolve`.
 */
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The file every output folder a build makes holds: the sign that the folder is the tool's own,
 * to replace whole. Without it, an existing non-empty `--out` (`~/Documents`, a gh-pages checkout)
 * is someone else's files, and the swap would delete them.
 */
export const OUTPUT_MARKER = '.blogsmith-output';

/**
 * Folders of a site (and of this project) that an output folder may never be or sit inside:
 * its sources, its history, and its cache (which holds the build lock a swap would move away).
 */
const OWN_FOLDERS = ['content', 'templates', 'static', '.git', '.cache'];

/**
 * The real path of `file`, even when it does not exist yet: the real path of its deepest existing
 * ancestor, with the missing rest appended (a new `--out` is judged where it will be created).
 */
export function realPathOf(file: string): string {
  const missing: string[] = [];
  let dir = path.resolve(file);
  for (;;) {
    try {
      return path.join(realpathSync.native(dir), ...missing.reverse());
    } catch {
      const parent = path.dirname(dir);
      // The file system root always exists; a failure there (no permission) leaves the path as given.
      if (parent === dir) return path.join(dir, ...missing.reverse());
      missing.push(path.basename(dir));
      dir = parent;
    }
  }
}

/** `lstat` of `file`, or undefined when it can't be had: missing, or under a file (the build names that). */
function statsOf(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `inner` is `outer` or below it (both real, absolute). */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/** An output folder to judge, and what it is judged against. */
export interface OutDirQuestion {
  /** The output folder, absolute. */
  out: string;
  /** `--out` as given (named in messages, with its real path when that differs). */
  outArg: string;
  /** The site's default output (`<root>/dist`): older builds made it without the marker, so it needs none. */
  defaultOut: string;
  /** The site and this project (whose default templates and static files a build reads), each with how to name it. */
  roots: readonly { dir: string; name: string }[];
  /** Paths in messages are relative to this. */
  cwd: string;
}

/** Why `out` can't be the output of a site, or undefined when it can. */
export function unsafeOutDir({ out, outArg, defaultOut, roots, cwd }: OutDirQuestion): string | undefined {
  const shown = (file: string) => path.relative(cwd, file) || '.';
  const stats = statsOf(out);
  // The swap renames the output away and a folder in its place: a file (site.config.json) would be
  // removed with the previous output, and a link replaced rather than written through.
  if (stats && !stats.isDirectory() && !stats.isSymbolicLink()) return `The output folder ${outArg} is a file: choose another --out`;
  if (stats?.isSymbolicLink()) return `The output folder ${outArg} is a symbolic link (to ${realPathOf(out)}): name the real folder with --out`;

  const realOut = realPathOf(out);
  const named = realOut === path.resolve(out) ? outArg : `${outArg} (really ${realOut})`;
  for (const { dir: root, name } of roots) {
    const realRoot = realPathOf(root);
    const site = realRoot === path.resolve(root) ? shown(root) : `${shown(root)} (really ${realRoot})`;
    if (within(realRoot, realOut)) {
      const what = realRoot === realOut ? 'is' : 'contains';
      return `The output folder ${named} ${what} the ${name} ${site}: choose another --out`;
    }
    for (const own of OWN_FOLDERS) {
      const realOwn = realPathOf(path.join(root, own));
      if (within(realOut, realOwn)) {
        return `The output folder ${named} is inside ${own}/ of the ${name} ${site}: choose another --out`;
      }
    }
  }
  // The default dist/ needs no marker only as a folder of the site's own: a `dist` link to another
  // folder (`dist -> ~/www`) makes that folder no more the tool's than any other.
  const ownDefault = statsOf(defaultOut)?.isDirectory() === true && realOut === realPathOf(defaultOut);
  if (stats && !ownDefault && !existsSync(path.join(out, OUTPUT_MARKER)) && readdirSync(out).length > 0) {
    return `The output folder ${named} holds files this tool did not make (it has no ${OUTPUT_MARKER}): empty it or choose another --out`;
  }
  return undefined;
}
