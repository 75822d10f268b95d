/**
 * Where a site's parts are: template and static folders (its own and this project's defaults), and
 * whether an output folder is safe (out-dir.ts judges it). Kept apart from build.ts so the CLI can settle these before it
 * loads the pipeline (a build with nothing to do never loads it: see output/unchanged.ts).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-dir.ts';
import { staticSource } from './static-files.ts';
import { unsafeOutDir } from './out-dir.ts';

export { PROJECT_ROOT } from './code-dir.ts';

/** The names a site config may have, in the order they are looked for. */
export const CONFIG_FILES = ['site.config.ts', 'site.config.mts', 'site.config.js', 'site.config.mjs', 'site.config.json'];

/** A site's config file, or where one would go (`site.config.ts`) when it has none. */
export function configFileOf(root: string): string {
  return CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file)) ?? path.join(root, CONFIG_FILES[0]!);
}

/** A site's template folders, searched in order: its own first, then the project's defaults. */
export function templateDirsOf(root: string): string[] {
  return [...new Set([path.join(root, 'templates'), path.join(PROJECT_ROOT, 'templates')])];
}

/** A site's static folders, copied in order: the project's defaults first, then its own (which win). */
export function staticDirsOf(root: string): string[] {
  return [...new Set([path.join(PROJECT_ROOT, 'static'), path.join(root, 'static')])];
}

/**
 * Whether a site-relative path (`notes.txt`, `img/a.png`) is a file in one of `staticDirs` that a
 * build publishes: not through a link that leaves the site (static-files.ts).
 */
export function isStaticFile(staticDirs: readonly string[], file: string): boolean {
  return staticDirs.some((dir) => staticSource(dir, file) !== undefined);
}

/**
 * The site folder and output folder a command names (`--root`, `--out`), resolved against `cwd`,
 * or why they can't be used: the site folder is missing, or the output would replace or sit inside
 * the site's own files (judged in out-dir.ts, for build, check, dev and new alike).
 */
export function siteFolders(rootArg: string | undefined, outArg: string | undefined, cwd: string): { root: string; out: string } | { problem: string } {
  const root = path.resolve(cwd, rootArg ?? '.');
  const out = path.resolve(root, outArg ?? 'dist');
  if (!existsSync(root) || !statSync(root).isDirectory()) return { problem: `The site folder ${rootArg ?? '.'} does not exist` };
  const roots = [{ dir: root, name: 'site folder' }, { dir: PROJECT_ROOT, name: 'blogsmith folder' }];
  const unsafe = unsafeOutDir({ out, outArg: outArg ?? 'dist', defaultOut: path.join(root, 'dist'), roots, cwd });
  return unsafe ? { problem: unsafe } : { root, out };
}
