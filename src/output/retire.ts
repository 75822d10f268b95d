/**
 * Removing the previous output once a build has swapped its own in. The build is complete at the
 * swap; a big site's old folder (9,000 entries at 4,000 posts) takes 0.5–1 s more to delete, which
 * the CLI does not make anyone wait for: it hands the folder to a process of its own that outlives
 * the build's. Whatever a kill leaves (`dist.old-*`), the next build's recovery removes (recover.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, unlink } from 'node:fs/promises';

/** Remove a previous output folder here and now; a folder another remover is emptying too is retried, not an error. */
export async function removeOutput(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    throw await realCause(error);
  }
}

/**
 * Node's recursive `rm` reports a file it could not delete (in a read-only folder, or immutable)
 * as ENOTDIR from a `scandir` of that file, tried as a folder once the unlink failed; the unlink's
 * own error says why (EACCES, EPERM).
 */
async function realCause(error: unknown): Promise<unknown> {
  const { code, syscall, path: file } = error as NodeJS.ErrnoException;
  if (code !== 'ENOTDIR' || syscall !== 'scandir' || file === undefined) return error;
  try {
    await unlink(file);
  } catch (cause) {
    return cause;
  }
  return error;
}

/** The detached remover's whole program: CommonJS, as `node -e` runs it on every Node version. */
const REMOVER = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })";

/**
 * Remove `dir` in a detached process this one does not wait for (nor its terminal: no output,
 * no input). It fails silently: the folder is then a leftover the next build removes.
 */
export function removeOutputDetached(dir: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', REMOVER, dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return child;
}
