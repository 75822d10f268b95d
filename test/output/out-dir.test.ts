/**
 * `--out` judged on real paths: an output folder that is the site, sits inside its content/,
 * templates/, static/, .git or .cache, holds the site, is a file or a symbolic link, or holds files
 * this tool did not make is refused with exit 2 and every file left in place; the default dist/
 * (even an older build's, without the marker) and a new folder elsewhere still build.
 */
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/shared/out-dir.ts';
import { listFiles, runCli, tempDir } from '../helpers/cli.ts';

/** A small site in a fresh folder, with a file in each folder an output must never replace. */
async function makeSite(): Promise<{ parent: string; root: string }> {
  const parent = await tempDir('blog-outdir-');
  const root = path.join(parent, 'site');
  const files: Record<string, string> = {
    'content/posts/first.md': '---\ntitle: First\ndate: 2025-01-01\n---\nHello.\n',
    'content/posts/second.md': '---\ntitle: Second\ndate: 2025-01-02\n---\nAgain.\n',
    'templates/partials/note.liquid': '<p>note</p>\n',
    'static/img/logo.txt': 'logo\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/objects/info/packs': '\n',
    '.cache/keep.txt': 'cache\n',
    'site.config.json': JSON.stringify({ title: 'Out', url: 'https://out.example/' }),
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return { parent, root };
}

/** Build `root` with `--out out`, expecting a refusal that leaves every file of `keep` where it was. */
async function expectRefused(rootArg: string, out: string, keep: string) {
  const before = await listFiles(keep);
  const run = await runCli(['build', '--root', rootArg, '--out', out]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain('choose another --out');
  expect(run.stderr).toContain(out);
  expect(await listFiles(keep)).toEqual(before);
  return run;
}

describe('--out inside the site’s own folders', () => {
  it.each([['content/posts'], ['content/posts/new'], ['templates/partials'], ['static/img'], ['.git/objects'], ['.git'], ['.cache']])(
    'refuses --out %s with exit 2, every file in place',
    async (out) => {
      const { root } = await makeSite();
      await expectRefused(root, out, root);
      expect(await listFiles(path.join(root, 'content/posts'))).toEqual(['first.md', 'second.md']);
    },
  );
});

describe('--out naming a file', () => {
  it('is refused with exit 2, the file kept', async () => {
    const { root } = await makeSite();
    await expectRefused(root, 'site.config.json', root);
  });
});

describe('--root through a symbolic link', () => {
  it('refuses --out naming the real site folder, naming both paths', async () => {
    const { root } = await makeSite();
    const link = path.join(await tempDir('blog-outdir-link-'), 'site');
    await symlink(root, link);
    const run = await expectRefused(link, root, root);
    expect(run.stderr).toContain('really');
  });

  it('refuses --out naming the real content/posts', async () => {
    const { root } = await makeSite();
    const link = path.join(await tempDir('blog-outdir-link-'), 'site');
    await symlink(root, link);
    await expectRefused(link, path.join(root, 'content/posts'), root);
    expect(await listFiles(path.join(root, 'content/posts'))).toEqual(['first.md', 'second.md']);
  });

  it('refuses --out naming the real folder that holds the site', async () => {
    const { parent, root } = await makeSite();
    const link = path.join(await tempDir('blog-outdir-link-'), 'site');
    await symlink(root, link);
    await expectRefused(link, parent, root);
  });
});

describe('--out that is a symbolic link', () => {
  it('is refused with exit 2: the link and the folder it points to are left as they were', async () => {
    const { parent, root } = await makeSite();
    const www = path.join(parent, 'www');
    await mkdir(www);
    await writeFile(path.join(www, 'index.html'), 'served');
    await symlink(www, path.join(root, 'dist'));
    const run = await runCli(['build', '--root', root]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(lstatSync(path.join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(await listFiles(www)).toEqual(['index.html']);
  });

  it('makes the folder it points to no default dist/: --out naming it needs the marker like any other', async () => {
    const { parent, root } = await makeSite();
    const www = path.join(parent, 'www');
    await mkdir(www);
    await writeFile(path.join(www, 'index.html'), 'served');
    await symlink(www, path.join(root, 'dist'));
    const run = await expectRefused(root, www, www);
    expect(run.stderr).toContain(OUTPUT_MARKER);
  });
});

describe('an existing folder this tool did not make', () => {
  it('is refused with exit 2 when not empty, its files kept', async () => {
    const { parent, root } = await makeSite();
    const documents = path.join(parent, 'documents');
    await mkdir(documents);
    await writeFile(path.join(documents, 'taxes.txt'), 'keep me');
    const run = await expectRefused(root, documents, documents);
    expect(run.stderr).toContain(OUTPUT_MARKER);
  });

  it('is accepted once a build made it (it holds the marker), and as the default dist/ of an older build', async () => {
    const { parent, root } = await makeSite();
    const out = path.join(parent, 'public');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(existsSync(path.join(out, OUTPUT_MARKER))).toBe(true);
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist/index.html'), 'older build, no marker');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    expect(existsSync(path.join(root, 'dist', OUTPUT_MARKER))).toBe(true);
  });
});

describe('output folders that stay allowed', () => {
  it('builds into the default dist/', async () => {
    const { root } = await makeSite();
    const run = await runCli(['build', '--root', root]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(root, 'dist/index.html'))).toBe(true);
  });

  it('builds into a new folder elsewhere, and into an existing empty one', async () => {
    const { root } = await makeSite();
    const fresh = path.join(await tempDir('blog-outdir-new-'), 'a/b/out');
    expect((await runCli(['build', '--root', root, '--out', fresh])).code).toBe(0);
    expect(existsSync(path.join(fresh, 'index.html'))).toBe(true);
    const empty = await tempDir('blog-outdir-empty-');
    expect((await runCli(['build', '--root', root, '--out', empty])).code).toBe(0);
    expect(existsSync(path.join(empty, 'index.html'))).toBe(true);
  });
});
