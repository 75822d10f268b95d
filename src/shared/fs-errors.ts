/**
 * File system failures while writing the site (a full disk, no permission, a read-only mount)
 * are the machine's problem, not a bug: they end the run with one line naming the path and
 * what went wrong, never a stack trace.
 */
import path from 'node:path';

/** What each error code means, in words. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long for the file system',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open on this system',
  EIO: 'an input/output error (a failing disk?)',
  EBUSY: 'the file is in use',
  EXDEV: 'the staging folder and the output are on different file systems',
  ENOENT: 'it is not there (removed while the build ran?)',
};

/** System calls that only read (an error without one came from a write of ours). */
const READS = new Set(['open', 'read', 'scandir', 'stat', 'lstat', 'readlink', 'realpath', 'access']);

/** A one-line message for a file system error, or undefined for any other error. */
export function fileSystemMessage(error: unknown, fallbackPath?: string, cwd?: string): string | undefined {
  const { code, path: where, dest, syscall } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== 'string' || !(code in REASONS)) return undefined;
  // A failed copy names its source as `path` and its target as `dest`: a full disk is the target's fault.
  const copyWrite = syscall === 'copyfile' && (code === 'ENOSPC' || code === 'EDQUOT');
  const named = (copyWrite ? dest : where ?? dest) ?? fallbackPath;
  // Relative to the command's folder when the caller knows it (the run's summary), else as the error names it.
  const shown = named === undefined ? 'the output' : (cwd === undefined ? named : path.relative(cwd, named)) || named;
  // Reads open files too: an `open` outside a staging folder (`dist.tmp-*`) read the site's own files.
  const reading = syscall === 'copyfile' ? !copyWrite : syscall !== undefined && READS.has(syscall) && !(named ?? '').includes('.tmp-');
  return `Cannot ${reading ? 'read' : 'write'} ${shown}: ${REASONS[code]} (${code})`;
}

/** Give an error that names no file (a failed write on an open handle) the file it was about. */
export function withPath<T>(error: T, file: string): T {
  if (error && typeof error === 'object' && !('path' in error)) Object.assign(error, { path: file });
  return error;
}
