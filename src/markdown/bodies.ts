/**
 * Post bodies kept in a file instead of in memory, for sites too big to hold every body at once
 * (100,000 posts × ~25 KB of HTML). Lists need only excerpts, so a body is read back once, when
 * its own page and the feeds render. The file is unlinked as soon as it is open: it lives as long
 * as this process and no longer, whatever way the process ends.
 */
import { randomBytes } from 'node:crypto';
import { openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPath } from '../shared/fs-errors.ts';
import type { RenderedPost } from '../types.ts';

/** Where bodies go; `keep` returns the way back. */
export interface BodyStore {
  keep(html: string): () => string;
}

/** A new, empty store in the system's temporary folder. */
export function openBodyStore(): BodyStore {
  const file = path.join(os.tmpdir(), `blogsmith-bodies-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(file, 'w+');
  try {
    unlinkSync(file);
  } catch {
    // Windows keeps open files: the file then stays in the temporary folder.
  }
  let end = 0;
  /** Errors on the store's file name it (a full temporary folder is not a full output folder). */
  const withFile = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw withPath(error, file);
    }
  };
  /** Write `html` at `at`; its length in bytes. */
  const write = (html: string, at: number): number => {
    const bytes = Buffer.from(html);
    // writeSync and readSync may do part of the work (a nearly full disk): loop, and never hand out bytes not read.
    for (let done = 0; done < bytes.length; ) done += withFile(() => writeSync(fd, bytes, done, bytes.length - done, at + done));
    return bytes.length;
  };
  const read = (at: number, length: number): string => {
    const back = Buffer.alloc(length);
    for (let done = 0; done < length; ) {
      const count = withFile(() => readSync(fd, back, done, length - done, at + done));
      if (count === 0) throw new Error(`A post body kept in ${file} was cut short`);
      done += count;
    }
    return back.toString('utf8');
  };
  return {
    keep(html) {
      const at = end;
      const length = write(html, at);
      end += length;
      // Offsets only: when `keep` itself held the bytes, its closures kept every body in memory (as Buffers) all build long.
      return () => read(at, length);
    },
  };
}

/** Make `post.html` read its body from the store on use; assigning a new body replaces the link. */
export function bodyFromStore(post: RenderedPost, load: () => string): void {
  Object.defineProperty(post, 'html', {
    enumerable: true,
    configurable: true,
    get: load,
    set(this: RenderedPost, value: string) {
      Object.defineProperty(this, 'html', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}
