/**
 * A post without a date takes its first commit's, in a build and in the dev session alike. A branch
 * switch brings posts with other histories: the session reads the dates again when asked, and the
 * posts whose date moved show the new one.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { PROJECT, tempDir } from '../helpers/cli.ts';

/** `git commit -a` of everything, committed at `date`. */
async function commitAll(root: string, date: string): Promise<void> {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: root, env });
  await git('add', '-A');
  await git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', date);
}

describe('SiteSession and first commit dates', () => {
  it('reads them again when asked, and shows a moved date on the post', async () => {
    const root = await tempDir('blog-git-dates-');
    await mkdir(path.join(root, 'content/posts'), { recursive: true });
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Dates', url: 'http://localhost:3000/', timezone: 'UTC', search: false }));
    await writeFile(path.join(root, 'content/posts/dated.md'), '---\ntitle: Dated\ndate: 2020-01-01\n---\n\nA date of its own.\n');
    await promisify(execFile)('git', ['init', '-q'], { cwd: root });
    await commitAll(root, '2021-05-05T10:00:00Z');
    const session = new SiteSession(root, await loadConfig(root, {}, PROJECT), () => new Date('2026-01-01T00:00:00Z'), PROJECT);
    await session.start();
    expect(await session.gitDatesMoved()).toEqual([]);

    // A post without a date arrives and is committed, as a branch switch brings one with its history.
    const undated = path.join(root, 'content/posts/undated.md');
    await writeFile(undated, '---\ntitle: Undated\n---\n\nNo date of its own.\n');
    await session.update({ posts: new Set([undated]), registries: false });
    expect(session.output.get('posts/undated/index.html')).not.toContain('datetime="2022-02-02');
    await commitAll(root, '2022-02-02T10:00:00Z');

    const moved = await session.gitDatesMoved();
    expect(moved).toEqual([undated]);
    await session.update({ posts: new Set(moved), registries: false });
    expect(session.output.get('posts/undated/index.html')).toContain('datetime="2022-02-02');
  });
});
