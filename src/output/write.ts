/**
 * Write the site: everything goes into a staging folder beside the output, which replaces
 * the output only once complete, so a failed build leaves the previous `dist/` as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../render/output-file.ts';

/** What goes into the output folder. */
export interface SiteFiles {
  /** Rendered pages, feeds and host files. */
  files: readonly OutputFile[];
  /** Folders copied to the output root in order; later ones win (project `static/`, then the site's). */
  staticDirs: readonly string[];
  /** Absolute source path → path relative to the output root. */
  assets: ReadonlyMap<string, string>;
}

/** Resolve `relative` inside `dir`, refusing anything that would land outside it. */
export function insideDir(dir: string, relative: string): string {
  const target = path.resolve(dir, relative);
  if (target !== dir && !target.startsWith(dir + path.sep)) throw new Error(`Refusing to write outside the output folder: ${relative}`);
  return target;
}

/** Write everything to a staging folder, then swap it in for `outDir`. */
export async function writeSite(outDir: string, site: SiteFiles): Promise<void> {
  const out = path.resolve(outDir);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${out}.tmp-${suffix}`;
  try {
    await mkdir(staging, { recursive: true });
    for (const dir of site.staticDirs) {
      if (existsSync(dir)) await cp(dir, staging, { recursive: true });
    }
    for (const [source, target] of site.assets) {
      const destination = insideDir(staging, target);
      await mkdir(path.dirname(destination), { recursive: true });
      await cp(source, destination);
    }
    // Pages are written last: a page never loses to a static file of the same name.
    await inBatches(site.files, async (file) => {
      const destination = insideDir(staging, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.contents);
    });
    await swap(staging, out, `${out}.old-${suffix}`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Open at most this many files at once: large sites would otherwise run out of file descriptors. */
const BATCH = 64;

async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(task));
  }
}

/** Two renames: the window without `dist/` is as short as the file system allows. */
async function swap(staging: string, out: string, old: string): Promise<void> {
  const hadOutput = existsSync(out);
  if (hadOutput) await rename(out, old);
  try {
    await rename(staging, out);
  } catch (error) {
    if (hadOutput) await rename(old, out);
    throw error;
  }
  if (hadOutput) await rm(old, { recursive: true, force: true });
}
