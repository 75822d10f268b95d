/**
 * The previous output is removed after the build has reported, not before: the CLI hands it to a
 * detached remover (bin.ts) once the summary is out; the remover empties it on its own; a leftover
 * (the remover killed) is removed by the next build's recovery.
 */
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { removeOutputDetached } from '../../src/output/retire.ts';
import { tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

/** `build` in this process with a remover that records what it was given, and when (after which line of output). */
async function buildRecording(root: string) {
  const lines: string[] = [];
  const handed: Array<{ dir: string; afterLines: number; contents: string[] }> = [];
  const code = await main(['build', '--root', root, '--no-cache'], {
    cwd: root,
    now: () => new Date('2025-06-01'),
    env: process.env,
    stdout: (text) => void lines.push(text),
    stderr: (text) => void lines.push(text),
    removeDetached: (dir) => handed.push({ dir, afterLines: lines.length, contents: readdirSync(dir) }),
  });
  return { code, lines, handed };
}

describe('the previous output', () => {
  it('is handed to the detached remover after the summary, with its files', async () => {
    const root = await copySite('sample');
    expect((await buildRecording(root)).handed).toEqual([]);
    const second = await buildRecording(root);
    expect(second.code).toBe(0);
    expect(second.handed).toHaveLength(1);
    const [handed] = second.handed;
    expect(path.basename(handed!.dir)).toMatch(/^dist\.old-\d+-[0-9a-f]{8}$/);
    expect(handed!.contents).toContain('index.html');
    expect(second.lines.slice(0, handed!.afterLines).join('')).toMatch(/built \d+ posts/);
    // The new output is in place meanwhile.
    expect(await readFile(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('<html');
  }, 60_000);

  it('is removed by the detached remover, which outlives nobody waiting for it', async () => {
    const dir = path.join(await tempDir(), 'dist.old-1-0123abcd');
    await mkdir(path.join(dir, 'posts', 'a'), { recursive: true });
    await writeFile(path.join(dir, 'posts', 'a', 'index.html'), 'old');
    const child = removeOutputDetached(dir);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(await readdir(path.dirname(dir))).toEqual([]);
  });

  it('left behind (a killed remover) is removed by the next build, whose output stands', async () => {
    const root = await copySite('sample');
    await buildRecording(root);
    const second = await buildRecording(root);
    // The remover never ran: the moved-aside folder is still there.
    expect((await readdir(root)).filter((name) => name.startsWith('dist.old-'))).toHaveLength(1);
    expect(second.handed).toHaveLength(1);
    const third = await buildRecording(root);
    expect(third.lines.join('')).toContain('Note: removed 1 unfinished output folder');
    expect((await readdir(root)).filter((name) => name.startsWith('dist.old-'))).toHaveLength(1);
    expect(third.handed[0]!.dir).not.toBe(second.handed[0]!.dir);
  }, 60_000);
});
