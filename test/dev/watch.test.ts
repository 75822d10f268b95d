/** The watcher on a real folder: what counts as which change, and one rebuild per editor save. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classify, emptyBatch, watchSite, type WatchBatch, type WatchedDirs } from '../../src/dev/watch.ts';
import { tempDir } from '../helpers/cli.ts';

let root: string;
let dirs: WatchedDirs;

beforeEach(async () => {
  root = await tempDir('blog-watch-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await mkdir(path.join(root, 'templates'));
  await mkdir(path.join(root, 'static'));
  await writeFile(path.join(root, 'content/posts/a.md'), '# A\n');
  dirs = { root, templateDirs: [path.join(root, 'templates')], staticDirs: [path.join(root, 'static')], ignoreDirs: [path.join(root, 'dist')] };
});

describe('classify', () => {
  it.each([
    ['content/posts/x.md', 'posts'],
    ['content/posts/2024/y.markdown', 'posts'],
    ['content/posts/z.mdx', 'posts'],
    ['content/authors.yml', 'registries'],
    ['content/tags.yml', 'registries'],
    ['content/posts/pic.png', 'assets'],
    ['templates/post.liquid', 'templates'],
    ['static/style.css', 'statics'],
    ['site.config.json', 'config'],
    ['site.config.ts', 'config'],
  ])('%s is %s', (file, kind) => {
    const batch = emptyBatch();
    expect(classify(batch, dirs, path.join(root, file))).toBe(true);
    const value = batch[kind as keyof WatchBatch];
    expect(value instanceof Set ? value.size : value).toBeTruthy();
  });

  it.each(['content/posts/x.md~', 'content/posts/.x.md.swp', 'content/posts/4913', 'content/posts/x.md___jb_tmp___', 'dist/index.html', 'README.md'])(
    'ignores %s',
    (file) => {
      expect(classify(emptyBatch(), dirs, path.join(root, file))).toBe(false);
    },
  );
});

describe('watchSite', () => {
  let batches: WatchBatch[];
  let close: () => Promise<void>;

  beforeEach(async () => {
    batches = [];
    const watching = watchSite(dirs, async (batch) => {
      batches.push(batch);
    });
    close = watching.close;
    await watching.ready;
  });
  afterEach(() => close());

  /** Wait until the watcher has been quiet long enough for every burst to have flushed. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 700));
  const file = (name: string) => path.join(root, 'content/posts', name);

  it('turns a plain save into one batch', async () => {
    await writeFile(file('a.md'), '# A changed\n');
    await settle();
    expect(batches).toHaveLength(1);
    expect([...batches[0]!.posts]).toEqual([file('a.md')]);
  });

  it('turns a vim save (rename to backup, write, delete backup) into one batch', async () => {
    await rename(file('a.md'), file('a.md~'));
    await writeFile(file('a.md'), '# A by vim\n');
    await rm(file('a.md~'));
    await settle();
    expect(batches).toHaveLength(1);
    expect([...batches[0]!.posts]).toEqual([file('a.md')]);
  });

  it('turns a JetBrains safe write (temp file, swap, delete old) into one batch', async () => {
    await writeFile(file('a.md___jb_tmp___'), '# A by JetBrains\n');
    await rename(file('a.md'), file('a.md___jb_old___'));
    await rename(file('a.md___jb_tmp___'), file('a.md'));
    await rm(file('a.md___jb_old___'));
    await settle();
    expect(batches).toHaveLength(1);
    expect([...batches[0]!.posts]).toEqual([file('a.md')]);
  });

  it('turns a rename into one batch naming both files', async () => {
    await rename(file('a.md'), file('renamed.md'));
    await settle();
    expect(batches).toHaveLength(1);
    expect([...batches[0]!.posts].sort()).toEqual([file('a.md'), file('renamed.md')]);
  });

  it('sees new and deleted posts', async () => {
    await writeFile(file('b.md'), '# B\n');
    await settle();
    await rm(file('b.md'));
    await settle();
    expect(batches.map((batch) => [...batch.posts])).toEqual([[file('b.md')], [file('b.md')]]);
  });

  it('sees the first save right after start in a site of many posts', async () => {
    // chokidar reported `ready` too early when given a folder that does not exist yet,
    // and with hundreds of files the first save after start was lost.
    await close();
    // Most sites have no templates/ or static/ of their own: both are watched for, but missing.
    await rm(path.join(root, 'templates'), { recursive: true });
    await rm(path.join(root, 'static'), { recursive: true });
    await Promise.all(Array.from({ length: 300 }, (_, n) => writeFile(file(`many-${n}.md`), `# ${n}\n`)));
    // The watcher starts after the first build has kept the process busy.
    const busyUntil = Date.now() + 1500;
    while (Date.now() < busyUntil) Math.sqrt(Math.random());
    const watching = watchSite(dirs, async (batch) => {
      batches.push(batch);
    });
    close = watching.close;
    await watching.ready;
    await writeFile(file('many-17.md'), '# changed\n');
    await settle();
    expect(batches.map((batch) => [...batch.posts])).toEqual([[file('many-17.md')]]);
  });

  it('ignores the output folder', async () => {
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist/index.html'), 'x');
    await settle();
    expect(batches).toEqual([]);
  });
});

describe('watchSite after its bursts', () => {
  const file = (name: string) => path.join(root, 'content/posts', name);
  let close: (() => Promise<void>) | undefined;
  afterEach(() => close?.());

  it('hands over a burst that arrives while a batch is running once it is done', async () => {
    const batches: string[][] = [];
    let sawB: () => void;
    const handedB = new Promise<void>((resolve) => (sawB = resolve));
    const watching = watchSite(dirs, async (batch) => {
      batches.push([...batch.posts]);
      if (batches.length === 1) {
        // The save lands, and its event is reported, while the first batch is still rebuilding.
        const reported = new Promise((resolve) => watching.watcher.on('add', (name: string) => name === file('b.md') && resolve(name)));
        await writeFile(file('b.md'), '# B\n');
        await reported;
      }
      if (batch.posts.has(file('b.md'))) sawB();
    });
    close = watching.close;
    await watching.ready;
    await writeFile(file('a.md'), '# A changed\n');
    await handedB;
    expect(batches).toEqual([[file('a.md')], [file('b.md')]]);
  });

  it('asks what the events missed when the bursts are done, hands it over, and asks again until nothing is missed', async () => {
    const calls: string[] = [];
    let idleFound = 0;
    let done: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const watching = watchSite(
      dirs,
      async (batch) => {
        calls.push(batch.missed ? `missed ${[...batch.posts].map((name) => path.basename(name))}` : `batch ${[...batch.posts].map((name) => path.basename(name))}`);
      },
      {
        onIdle: async () => {
          calls.push('idle');
          // Asked once when the watcher is ready; then, after the save, it finds one missed file.
          if (calls.length === 1) return undefined;
          if (idleFound++ > 0) {
            done();
            return undefined;
          }
          const missed = emptyBatch();
          missed.posts.add(file('missed.md'));
          missed.missed = 1;
          return missed;
        },
      },
    );
    close = watching.close;
    await watching.ready;
    expect(calls).toEqual(['idle']);
    await writeFile(file('a.md'), '# A changed\n');
    await finished;
    expect(calls).toEqual(['idle', 'batch a.md', 'idle', 'missed missed.md', 'idle']);
  });

  it('keeps running when the watcher fails, and asks what it missed', async () => {
    const errors: string[] = [];
    let asked: () => void;
    let calls = 0;
    const askedAgain = new Promise<void>((resolve) => (asked = resolve));
    const watching = watchSite(dirs, async () => undefined, {
      onError: (error) => errors.push(error.message),
      onIdle: async () => {
        if (++calls === 2) asked();
        return undefined;
      },
    });
    close = watching.close;
    await watching.ready;
    // What chokidar emits when the system is out of inotify watches; unheard, it ended the process.
    watching.watcher.emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    await askedAgain;
    expect(errors).toEqual(['ENOSPC: System limit for number of file watchers reached']);
  });
});
