/** The dev server's view of what its session read: every way a file can differ from it is found, and nothing else. */
import { mkdir, rm, utimes, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiskView } from '../../src/dev/stamps.ts';
import { tempDir } from '../helpers/cli.ts';

let root: string;
let view: DiskView;
const file = (name: string) => path.join(root, 'content', name);
/** A long time ago: stamps of files this old are trusted without reading them. */
const OLD = new Date('2020-01-01T00:00:00Z');

beforeEach(async () => {
  root = await tempDir('blog-stamps-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  for (const name of ['posts/a.md', 'posts/b.md', 'posts/c.md', 'notes.txt']) await writeFile(file(name), `# ${name}\n`);
  await writeFile(path.join(root, 'site.config.json'), '{}');
  view = new DiskView([path.join(root, 'content')], [path.join(root, 'site.config.json'), path.join(root, 'site.config.ts')], (name) => !name.endsWith('.txt'), () => Date.now());
});

describe('DiskView', () => {
  it('finds nothing when nothing changed', async () => {
    await view.recordAll();
    expect(await view.drift()).toEqual([]);
  });

  it('finds files added, deleted and changed since they were recorded, and only the wanted ones', async () => {
    await view.recordAll();
    await writeFile(file('posts/new.md'), '# New\n');
    await rm(file('posts/b.md'));
    await writeFile(file('posts/c.md'), '# C, longer than before\n');
    await writeFile(file('notes.txt'), 'not wanted\n');
    await writeFile(path.join(root, 'site.config.ts'), 'export default {};\n');
    expect((await view.drift()).sort()).toEqual([file('posts/b.md'), file('posts/c.md'), file('posts/new.md'), path.join(root, 'site.config.ts')].sort());
  });

  it('finds a rewrite that keeps the size and the time (same clock tick), by content', async () => {
    await view.recordAll();
    const { mtime } = await stat(file('posts/a.md'));
    await writeFile(file('posts/a.md'), '# posts/X.md\n');
    await utimes(file('posts/a.md'), mtime, mtime);
    expect(await view.drift()).toEqual([file('posts/a.md')]);
  });

  it('finds a rewrite of a large racy file (not read, past the hash limit) by its change time', async () => {
    const video = file('posts/clip.mp4');
    await writeFile(video, Buffer.alloc(2 * 1024 * 1024, 1));
    await view.recordAll();
    const { mtime } = await stat(video);
    await writeFile(video, Buffer.alloc(2 * 1024 * 1024, 2));
    await utimes(video, mtime, mtime);
    expect(await view.drift()).toEqual([video]);
  });

  it('finds a rewrite of an old file that keeps its size and has its time put back (cp -p, tar)', async () => {
    await utimes(file('posts/a.md'), OLD, OLD);
    await view.recordAll();
    await writeFile(file('posts/a.md'), '# posts/X.md\n');
    await utimes(file('posts/a.md'), OLD, OLD);
    expect(await view.drift()).toEqual([file('posts/a.md')]);
  });

  it('forgets a difference once the files are recorded again', async () => {
    await view.recordAll();
    await writeFile(file('posts/new.md'), '# New\n');
    await rm(file('posts/b.md'));
    expect(await view.record([file('posts/new.md'), file('posts/b.md')])).toBe(true);
    expect(await view.drift()).toEqual([]);
    expect(await view.record([file('posts/a.md')])).toBe(false);
  });
});
