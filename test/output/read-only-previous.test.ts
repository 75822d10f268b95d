/**
 * A previous output that can't be removed (read-only folders in it): the new output is swapped in
 * and the build says so, naming the folder left behind, why, and what to do; later builds go on,
 * naming it each time, and remove it once it can be. The test runs as root in some places, where
 * permissions don't stop a removal: there an immutable file (chattr +i) does.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { POST_PAGE, writeTinySite } from './tiny-site.ts';

/**
 * Make the post's page folder of the output in `root` impossible to remove; returns the undo (for
 * wherever the folder has been moved since), or undefined when this machine can't.
 */
async function undeletable(root: string): Promise<(() => Promise<void>) | undefined> {
  const pageDir = path.dirname(POST_PAGE);
  // Wherever the output that held it is now: dist/, or moved aside as dist.old-*.
  const everywhere = () => readdirSync(root).filter((name) => /^dist(\.old-.*)?$/.test(name)).map((name) => path.join(root, name, pageDir));
  if (process.getuid?.() !== 0) {
    await chmod(path.join(root, 'dist', pageDir), 0o555);
    return async () => {
      for (const dir of everywhere()) await chmod(dir, 0o755).catch(() => undefined);
    };
  }
  try {
    execFileSync('chattr', ['+i', path.join(root, 'dist', POST_PAGE)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return async () => {
    for (const dir of everywhere()) {
      try {
        execFileSync('chattr', ['-i', path.join(dir, path.basename(POST_PAGE))], { stdio: 'ignore' });
      } catch {
        // Not there: nothing to undo.
      }
    }
  };
}

describe('a previous output that can’t be removed', () => {
  it('is named with why and what to do, by the build that swapped and by later ones, which still build', async (context) => {
    const root = path.join(await tempDir('blog-read-only-'), 'site');
    await writeTinySite(root, 'First.');
    const build = () => runCli(['build', '--root', root, '--no-cache']);
    expect((await build()).code).toBe(0);
    const undo = await undeletable(root);
    if (!undo) return context.skip('neither permissions (root) nor chattr can make a folder undeletable here');
    const leftovers = () => readdirSync(root).filter((name) => /^dist\.(old|tmp)-/.test(name));
    try {
      await writeTinySite(root, 'Second.');
      const swapped = await build();
      expect(swapped.code, swapped.stderr).toBe(0);
      expect(readFileSync(path.join(root, 'dist', POST_PAGE), 'utf8')).toContain('Second.');
      expect(leftovers()).toHaveLength(1);
      const [old] = leftovers();
      const shown = path.relative(process.cwd(), path.join(root, old!));
      expect(swapped.stderr).toContain(`Note: the new output is in place, but could not remove ${shown}, the previous output moved aside (Cannot write ${shown}/`);
      expect(swapped.stderr).toContain(`make the folder writable and delete it: chmod -R u+w ${shown} && rm -rf ${shown}`);
      expect(swapped.stderr).toMatch(/built 1 posts/);

      await writeTinySite(root, 'Third.');
      const next = await build();
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toContain(`Note: could not remove ${shown}, a previous output moved aside (Cannot write`);
      expect(readFileSync(path.join(root, 'dist', POST_PAGE), 'utf8')).toContain('Third.');
      expect(leftovers()).toEqual([old]);
    } finally {
      await undo();
    }
    const cleared = await build();
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stderr).toContain('Note: removed 1 unfinished output folder');
    expect(leftovers()).toEqual([]);
  }, 60_000);
});
