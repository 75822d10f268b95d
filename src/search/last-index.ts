/**
 * What the search stage knows of the last build's index: its record in the cache, and whether
 * its files are still in the output as that build left them (then it can be kept as it is).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { routePath } from '../site/routes.ts';
import type { Manifest } from '../output/emit.ts';
import { insideDir, type FileStamp } from '../output/write.ts';

/** Where the index lives in the output: the search page loads `<base>pagefind/pagefind.js`. */
export const SEARCH_DIR = routePath('searchIndex');

/**
 * What the last build indexed: the key of each part of the index (see parts.ts), the settings it
 * was made with, and for each indexed page the digest of its bytes and the stamp it had in the
 * output. A page kept from that output with that stamp has those bytes, so a build that keeps
 * every page of a part decides to keep that part's index without reading a page.
 */
export interface SearchRecord {
  parts: string[];
  settings: string;
  pages: Record<string, FileStamp & { hash: string }>;
}

/** The last build's record, if it was made with these settings and the index in the output is the one it describes. */
export function lastRecord(record: SearchRecord | undefined, settings: string, previous: Manifest): SearchRecord | undefined {
  if (record?.settings !== settings || !Array.isArray(record.parts)) return undefined;
  const keys = new Set(record.parts);
  return Object.entries(previous).some(([file, stamp]) => file.startsWith(SEARCH_DIR) && stamp.key !== undefined && keys.has(stamp.key)) ? record : undefined;
}

/** The files of the last index (or part of one) made under `key`, if every one is still in the output as the last build left it. */
export async function lastIndexFiles(previous: Manifest, key: string, outDir: string): Promise<Array<[string, FileStamp]> | undefined> {
  const files = Object.entries(previous).filter(([file, stamp]) => file.startsWith(SEARCH_DIR) && stamp.key === key);
  if (files.length === 0) return undefined;
  const out = path.resolve(outDir);
  for (const [file, stamp] of files) {
    const now = await stat(insideDir(out, file)).catch(() => undefined);
    if (now?.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) return undefined;
  }
  return files;
}
