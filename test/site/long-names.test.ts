/**
 * Names the site makes are measured where they come from, with a position: a tag's and an
 * author's page, a slug from a file name after lower case, a resized image's copy. A 300-character
 * tag, or a file name that lower case lengthens (`Ⱥ` 2 bytes, `ⱥ` 3), used to pass `check` and fail
 * `build` with one unpositioned line naming a staging path.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jsonMessages, runCli, tempDir } from '../helpers/cli.ts';

async function makeSite(files: Record<string, string | Buffer>): Promise<string> {
  const root = await tempDir('blog-long-');
  for (const [name, text] of Object.entries({ 'site.config.json': JSON.stringify({ url: 'https://example.org/', search: false }), ...files })) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

/** `file:line:column rule` of every error, and the run's exit code and stderr. */
async function errorsOf(command: 'check' | 'build', root: string) {
  const out = path.join(await tempDir('blog-long-out-'), 'dist');
  const run = await runCli([command, '--root', root, '--no-cache', '--format', 'json', '--out', out]);
  const errors = jsonMessages(run).filter((m) => m.severity === 'error');
  return { code: run.code, stderr: run.stderr, errors: errors.map((m) => `${path.basename(m.file)}:${m.line}:${m.column} ${m.rule}`), messages: errors.map((m) => m.message) };
}

describe('names too long for the output folder', () => {
  it.each(['check', 'build'] as const)('a 300-character tag: an error at the tag in %s', async (command) => {
    const tag = 'x'.repeat(300);
    const root = await makeSite({ 'content/posts/a.md': `---\ntitle: A\ndate: 2024-01-01\ntags:\n  - news\n  - ${tag}\n---\n\nHello.\n` });
    const run = await errorsOf(command, root);
    expect(run.errors).toEqual(['a.md:6:5 segment-too-long']);
    expect(run.messages[0]).toMatch(/^Tag "x{100}…" makes the URL segment "x{100}…" of 300 bytes, over the 200 a segment may have/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it.each(['check', 'build'] as const)('a file name that lower case lengthens past the limit: an error on the file in %s', async (command) => {
    const name = `${'Ⱥ'.repeat(100)}.md`;
    const root = await makeSite({ [`content/posts/${name}`]: '---\ntitle: A\ndate: 2024-01-01\n---\n\nHello.\n' });
    const run = await errorsOf(command, root);
    expect(run.errors).toEqual([`${name}:1:1 segment-too-long`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('an image whose resized copies’ names would pass 255 bytes: an error at the image', async () => {
    const image = `${'p'.repeat(240)}.png`;
    const png = await sharp({ create: { width: 600, height: 10, channels: 3, background: '#888' } }).png().toBuffer();
    const root = await makeSite({ 'content/posts/a/index.md': `---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n\n![a photo](${image})\n`, [`content/posts/a/${image}`]: png });
    const run = await errorsOf('check', root);
    expect(run.errors).toEqual(['index.md:8:1 output-conflict']);
    expect(run.messages[0]).toMatch(/^Output name "p{100}…" of a resized copy of .* is 260 bytes, over the 255 a file system allows$/);
  });
});
