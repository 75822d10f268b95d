/** Symbolic links in content/: followed inside content/, never outside it (a warning names them), as posts or as assets. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonMessages, listFiles, readOut, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

let root: string;
let out: string;
let run: CliRun;

beforeAll(async () => {
  const parent = await tempDir('blog-links-');
  root = path.join(parent, 'site');
  out = path.join(root, 'dist');
  const posts = path.join(root, 'content/posts');
  await mkdir(path.join(parent, 'outside/folder'), { recursive: true });
  await mkdir(path.join(root, 'content/shared'), { recursive: true });
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(parent, 'outside/secret.md'), '---\ntitle: Secret\n---\nPRIVATE KEY\n');
  await writeFile(path.join(parent, 'outside/folder/also-secret.md'), '---\ntitle: Also secret\n---\nPRIVATE TOO\n');
  await writeFile(path.join(root, 'content/shared/guest.md'), '---\ntitle: Guest post\ndate: 2025-01-02\n---\nShared inside the site.\n');
  await writeFile(path.join(posts, 'real.md'), '---\ntitle: Real\ndate: 2025-01-01\n---\nHello.\n');
  await symlink(path.join(parent, 'outside/secret.md'), path.join(posts, 'secret.md'));
  await symlink(path.join(parent, 'outside/folder'), path.join(posts, 'folder'));
  await symlink('../shared/guest.md', path.join(posts, 'guest.md'));
  await symlink(path.join(parent, 'nowhere.md'), path.join(posts, 'dangling.md'));
  // Inside the site but outside content/: a secret next to the config.
  await writeFile(path.join(root, '.env'), 'TOKEN=PRIVATE-ENV');
  await symlink('../../.env', path.join(posts, 'env.md'));
  // An asset link to a file outside the site, named by a post.
  await symlink(path.join(parent, 'outside/secret.md'), path.join(posts, 'key.txt'));
  await writeFile(path.join(posts, 'leaky.md'), '---\ntitle: Leaky\ndate: 2025-01-03\n---\n[key](./key.txt) ![x](/../../outside/secret.md)\n');
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Links', url: 'https://links.example/' }));
  run = await runCli(['build', '--root', root, '--out', out, '--format', 'json']);
});

describe('symbolic links in content/posts', () => {
  it('builds, warning about each link that leaves the site, naming it', () => {
    expect(run.code, run.stderr).toBe(0);
    const warnings = jsonMessages(run)
      .filter((message) => message.rule === 'symlink-outside')
      .map((message) => `${path.basename(message.file)}:${message.line}:${message.column} ${message.severity}`);
    expect(warnings.sort()).toEqual(['env.md:1:1 warning', 'folder:1:1 warning', 'key.txt:1:1 warning', 'secret.md:1:1 warning']);
  });

  it('never publishes what an outside link points to', async () => {
    const files = await listFiles(out);
    expect(files.filter((file) => /secret/.test(file))).toEqual([]);
    for (const file of files.filter((name) => /\.(?:html|xml|json)$/.test(name))) {
      expect(await readOut(out, file)).not.toMatch(/PRIVATE/);
    }
    // Not as a copied asset either, whatever its name.
    for (const file of files) {
      expect(await readOut(out, file), file).not.toMatch(/PRIVATE KEY|PRIVATE-ENV/);
    }
  });

  it('reads a link to a post elsewhere in the site like the post itself', async () => {
    expect(await readOut(out, 'posts/guest/index.html')).toContain('Shared inside the site.');
    expect(await readOut(out, 'posts/real/index.html')).toContain('Hello.');
  });
});
