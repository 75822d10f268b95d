/** Content made to hurt the check stage: it is reported at a place, or passes; never a crash or a stall. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similar } from '../../src/check/rules/similar-tags.ts';
import { jsonMessages, listFiles, runCli, tempDir } from '../helpers/cli.ts';
import { png } from '../markdown/png.ts';
import { linesOf } from './helpers.ts';

/** Levenshtein distance, the textbook way: the reference the banded one must agree with. */
function naiveDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** `similar` as it was written before the band: same stem, or an edit distance within the allowance. */
function naiveSimilar(a: string, b: string): boolean {
  const x = a.replace(/-/g, '');
  const y = b.replace(/-/g, '');
  const stem = (word: string) => word.replace(/(?:ies|es|s|ing|ed)$/, (suffix) => (suffix === 'ies' ? 'y' : ''));
  if (x === y || (stem(x) === stem(y) && stem(x).length >= 3)) return true;
  const allowed = Math.min(2, Math.floor(Math.min(x.length, y.length) / 5));
  return allowed > 0 && naiveDistance(x, y) <= allowed;
}

describe('similar-tags on hostile tags', () => {
  it('agrees with the textbook distance on random tags', () => {
    const tag = fc.stringMatching(/^[a-d-]{0,16}$/);
    fc.assert(fc.property(tag, tag, (a, b) => similar(a, b) === naiveSimilar(a, b)), { numRuns: 3000, seed: 18 });
  });

  it('compares two 130,000-character tags without overflowing the stack', () => {
    // Each full row of the old distance was spread into Math.min: "Maximum call stack size
    // exceeded", after computing 130,000² cells.
    const long = 'a'.repeat(130_000);
    expect(similar(`${long}b`, `${long}c`)).toBe(true);
    expect(similar(`${long}bbb`, `${long}ccc`)).toBe(false);
  });

  it('a site whose post has two 130,000-character tags is checked, with no similar-tags report about them', async () => {
    const root = await tempDir('blog-long-tags-');
    await mkdir(path.join(root, 'content/posts'), { recursive: true });
    const long = 'x'.repeat(130_000);
    await writeFile(path.join(root, 'content/posts/long.md'), `---\ntitle: Long tags\ndate: 2025-01-01\ntags: ["${long}a", "${long}b"]\n---\nBody.\n`);
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Long tags', url: 'https://long-tags.example/' }));
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.stderr).not.toMatch(/Unexpected failure|Maximum call stack/);
    expect([0, 1]).toContain(run.code);
    expect(jsonMessages(run).filter((message) => message.rule === 'similar-tags')).toEqual([]);
  });
});

describe('links to static files that leave the site', () => {
  /** A site whose static/ links out: `key -> ~/.ssh/id_rsa`, `home -> ~`, `photo.png -> ~/private.png` (outside/ plays ~). */
  async function siteWithOutsideLinks(config: object = {}): Promise<string> {
    const parent = await tempDir('blog-static-link-targets-');
    const root = path.join(parent, 'site');
    await mkdir(path.join(parent, 'outside/folder'), { recursive: true });
    await writeFile(path.join(parent, 'outside/id_rsa'), 'PRIVATE KEY');
    await writeFile(path.join(parent, 'outside/folder/notes.txt'), 'PRIVATE NOTES');
    await writeFile(path.join(parent, 'outside/private.png'), png(800, 600));
    await mkdir(path.join(root, 'static'), { recursive: true });
    await mkdir(path.join(root, 'content/posts'), { recursive: true });
    await writeFile(path.join(root, 'static/own.txt'), 'OWN');
    await symlink(path.join(parent, 'outside/id_rsa'), path.join(root, 'static/key'));
    await symlink(path.join(parent, 'outside/folder'), path.join(root, 'static/home'));
    await symlink(path.join(parent, 'outside/private.png'), path.join(root, 'static/photo.png'));
    await writeFile(
      path.join(root, 'content/posts/links.md'),
      '---\ntitle: Links\ndate: 2025-01-01\n---\n[key](/key) and [notes](/home/notes.txt) and [own](/own.txt)\n\n![A photo](/photo.png)\n',
    );
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Links out', url: 'https://links-out.example/', ...config }));
    return root;
  }

  it('check reports a link to a file a build will not publish as broken, and the image as missing', async () => {
    const root = await siteWithOutsideLinks();
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(linesOf(jsonMessages(run), 'broken-link')).toEqual([
      'links.md:5:1 error Broken link /key: the site has no page or file at /key',
      'links.md:5:17 error Broken link /home/notes.txt: the site has no page or file at /home/notes.txt',
    ]);
    expect(linesOf(jsonMessages(run), 'missing-asset')).toEqual(['links.md:7:1 warning Missing local file /photo.png (not in static/)']);
  });

  it('a build publishes no copy of a linked-out image, resized or not', async () => {
    // Broken links as warnings, so the build writes its output and the output can be looked at.
    const root = await siteWithOutsideLinks({ rules: { 'broken-link': 'warning' } });
    const out = path.join(root, 'dist');
    const run = await runCli(['build', '--root', root, '--out', out, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const files = await listFiles(out);
    expect(files).toContain('own.txt');
    expect(files.filter((file) => /photo|private|\.(?:png|webp|avif|jpe?g)$/i.test(file))).toEqual([]);
  });
});
