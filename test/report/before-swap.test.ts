/**
 * The swap comes last: a build's report is made before its output replaces the previous one, so
 * a report that fails can't follow a changed `dist/`. A formatter that trips falls back to plain
 * lines (report.ts); one that throws anyway leaves the previous output whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { formatReport } from '../../src/report.ts';
import { tempDir } from '../helpers/cli.ts';
import { buildTiny, POST_PAGE, writeTinySite } from '../output/tiny-site.ts';

/** A site built once (its post says "Before."), then edited to say "After.". */
async function builtThenEdited() {
  const root = path.join(await tempDir('blog-before-swap-'), 'site');
  await writeTinySite(root, 'Before.');
  const first = await buildTiny(root, undefined);
  expect(first.exitCode, first.problem).toBe(0);
  await writeTinySite(root, 'After.');
  const out = path.join(root, 'dist');
  return { root, out, page: () => readFileSync(path.join(out, POST_PAGE), 'utf8') };
}

describe('a build’s report', () => {
  it('is made while the previous output is still in place, and falls back to plain lines when the formatter fails', async () => {
    const { root, out, page } = await builtThenEdited();
    const seen: string[] = [];
    const failing = (_files: VFile[]): string => {
      seen.push(page());
      throw new RangeError('Maximum call stack size exceeded');
    };
    const result = await buildTiny(root, undefined, { format: (files) => formatReport(files, 'text', failing) });
    expect(result.exitCode, result.problem).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('Before.');
    expect(result.report).toBe(`site/content/posts/hello.md:1:1 warning No title in front matter or first heading; using the file name: "Hello"  title-from-filename\n`);
    expect(page()).toContain('After.');
    expect(result.previous).toBeDefined();
  });

  it('that throws anyway stops the build with the previous output whole and no staging folder left', async () => {
    const { root, out, page } = await builtThenEdited();
    const run = buildTiny(root, undefined, {
      format: () => {
        throw new Error('formatter bug');
      },
    });
    await expect(run).rejects.toThrow('formatter bug');
    expect(page()).toContain('Before.');
    expect(readdirSync(path.dirname(out)).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });

  it('of a build that writes nothing (errors) is made too', async () => {
    const root = path.join(await tempDir('blog-before-swap-'), 'site');
    await writeTinySite(root);
    await writeFile(path.join(root, 'content/posts/bad.md'), '---\ndate: 2025-13-45\n---\nBad.\n');
    const result = await buildTiny(root, undefined, { format: (files) => formatReport(files, 'json') });
    expect(result.exitCode).toBe(1);
    expect(result.report).toContain('"rule":"invalid-date"');
  });
});
