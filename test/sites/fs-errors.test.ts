/**
 * File system failures while writing: a full disk, a path through a file, no permission. Each
 * ends with exit 1 and one line naming the path and the cause, no stack trace, and the previous
 * output as it was. The full disk is a real 200 KB tmpfs (skipped where mounting is not allowed).
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

let site: string;
let scratch: string;
let mounted: string | undefined;

const STACK = /\n\s+at .+:\d+:\d+\)?\n/;

beforeAll(async () => {
  site = await copySite('sample');
  scratch = await tempDir('blog-fs-');
  const tiny = path.join(scratch, 'tiny');
  await mkdir(tiny);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', tiny], { stdio: 'ignore' });
    mounted = tiny;
  } catch {
    // Not root, or no CAP_SYS_ADMIN: the full-disk test is skipped.
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mounted]);
});

describe('writing the site fails', () => {
  it('through a path that crosses a file: names it, exit 1, no stack trace', async () => {
    const blocker = path.join(scratch, 'a-file');
    await writeFile(blocker, 'not a folder');
    const run = await runCli(['build', '--root', site, '--out', path.join(blocker, 'dist')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot write \S*a-file\/dist\S*: a part of the path is a file, not a folder \(ENOTDIR\)\. The previous output is unchanged\./);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('on a full disk: names the file, keeps the previous output, leaves no staging folder', async (context) => {
    if (!mounted) return context.skip();
    const out = path.join(mounted, 'dist');
    await mkdir(out);
    await writeFile(path.join(out, 'index.html'), 'previous build');
    // A previous build's output, marked as one (src/shared/out-dir.ts).
    await writeFile(path.join(out, '.blogsmith-output'), '');
    const run = await runCli(['build', '--root', site, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot write \S*tiny\/dist\/\S+: the disk is full \(ENOSPC\)\. The previous output is unchanged\./);
    expect(run.stderr).not.toMatch(STACK);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
    expect(await readdir(mounted)).toEqual(['dist']);
  });

  it('without permission: names the folder (skipped as root, who may write anywhere)', async (context) => {
    if (process.getuid?.() === 0) return context.skip();
    const locked = path.join(scratch, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    const run = await runCli(['build', '--root', site, '--out', path.join(locked, 'dist')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot write \S*locked\/dist\S*: permission denied \(EACCES\)/);
    expect(run.stderr).not.toMatch(STACK);
  });
});
