/**
 * What a static folder publishes. A symbolic link in it is followed only while its real path stays
 * inside the folder that holds it (the site root for a site's `static/`): `static/key -> ~/.ssh/id_rsa`
 * or `static/home -> ~` is neither copied by a build nor served by the dev server, and a folder link
 * that leaves is never walked. The listing (build, check) and each dev request ask the same question.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { addMessage, fileFor } from '../messages.ts';

/** A static folder's files (`/`-separated, sorted) and the links in it that lead out of its site. */
export interface StaticListing {
  files: string[];
  outside: Array<{ relPath: string; target: string }>;
}

/** The real path of `file`, or nothing when it is missing (a dangling link included). */
function realOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** The folder a static folder's links must stay in: the one that holds it, as its real path. */
function boundOf(dir: string): string | undefined {
  return realOf(path.dirname(dir));
}

function within(bound: string, real: string): boolean {
  return real.startsWith(bound + path.sep);
}

/**
 * The file to send for `relPath` (`img/a.png`) of static folder `dir`: its path when it is a file
 * whose real path stays in the site, else nothing. For the dev server, request by request.
 */
export function staticSource(dir: string, relPath: string): string | undefined {
  const absolute = path.join(dir, relPath);
  if (!absolute.startsWith(dir + path.sep)) return undefined;
  const bound = boundOf(dir);
  const real = realOf(absolute);
  if (bound === undefined || real === undefined || !within(bound, real)) return undefined;
  return statSync(real).isFile() ? absolute : undefined;
}

/** What the static folders put in the output: output path → source, later folders winning (the site's over the theme's). */
export function staticCopies(dirs: readonly string[]): Map<string, string> {
  const copies = new Map<string, string>();
  for (const dir of dirs) for (const file of listStatic(dir).files) copies.set(file, path.join(dir, file));
  return copies;
}

/** Every file of static folder `dir` as a build copies it; nothing when it does not exist. */
export function listStatic(dir: string): StaticListing {
  const listing: StaticListing = { files: [], outside: [] };
  const bound = boundOf(dir);
  const realDir = realOf(dir);
  if (bound === undefined || realDir === undefined || !statSync(realDir).isDirectory()) return listing;
  walk(dir, '', bound, new Set([realDir]), listing);
  listing.files.sort();
  listing.outside.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return listing;
}

/** `ancestors`: the real folders above, so a link back up one of them ends the walk instead of looping. */
function walk(dir: string, prefix: string, bound: string, ancestors: ReadonlySet<string>, listing: StaticListing): void {
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relPath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const absolute = path.join(dir, relPath);
    const real = entry.isSymbolicLink() ? realOf(absolute) : absolute;
    if (real === undefined) continue;
    if (entry.isSymbolicLink() && !within(bound, real)) {
      listing.outside.push({ relPath, target: real });
      continue;
    }
    const stats = entry.isSymbolicLink() ? statSync(real) : lstatSync(absolute);
    if (stats.isFile()) listing.files.push(relPath);
    else if (stats.isDirectory()) {
      const realFolder = realOf(absolute)!;
      if (!ancestors.has(realFolder)) walk(dir, relPath, bound, new Set([...ancestors, realFolder]), listing);
    }
  }
}

/** A warning for each link in the site's own `static/` that leaves the site, on the link itself (as content/read.ts does for content/). */
export function staticLinkWarnings(root: string, cwd: string): VFile[] {
  const dir = path.join(root, 'static');
  return listStatic(dir).outside.map(({ relPath, target }) => {
    const file = fileFor(path.join(dir, relPath), '', cwd);
    addMessage(file, `Symbolic link to ${target}, outside the site: not published`, { place: { line: 1, column: 1 }, ruleId: 'symlink-outside', severity: 'warning' });
    return file;
  });
}
