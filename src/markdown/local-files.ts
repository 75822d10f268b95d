/** Looking up the local files a post's URLs name: where they are, whether they exist, recorded for the cache. */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { LinkContext, LinkDependency } from './data.ts';
import { isFile } from '../shared/files.ts';

/** Whether `file` is `dir` or below it. */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The path with every symbolic link resolved, or the path itself when it can't be resolved. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Whether `file` is a file, recorded in `deps` (a link context's, or the template pass's): a cached result holds while the answer does. */
export function fileExists(deps: LinkDependency[] | undefined, file: string): boolean {
  const exists = isFile(file);
  deps?.push({ file, exists });
  return exists;
}


/** The page path of the post whose source is `file`, or undefined; recorded in the context's dependencies. */
export function pageOf(context: LinkContext, file: string): string | undefined {
  const page = context.postPaths.get(file);
  context.deps?.push({ post: file, page: page ?? null });
  return page;
}

