/**
 * `check --fix` rewrites mojibake and invisible characters in place, nothing else, and prints each change;
 * `--format json` carries the same fixes for tools.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/check/fix.ts';
import { fileCheckMessage } from '../../src/check/file-message.ts';
import { PROJECT, jsonMessages, listFiles, runCli, tempDir, type CliRun } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

const POSTS = 'content/posts';
/** A post saved by a Windows editor: BOM, CRLF, and garbled on its way. */
const CRLF_POST = '\uFEFF---\r\ntitle: CRLF\r\ndate: 2024-02-01\r\nauthors: [gerrit]\r\ntags: [kubernetes]\r\ndescription: Windows.\r\n---\r\n\r\nA naÃ¯ve\u200b line.\r\n';

let root: string;
let before: Map<string, Buffer>;
let json: CliRun;
let fixed: CliRun;
let again: CliRun;

const read = (file: string) => readFile(path.join(root, file));

beforeAll(async () => {
  root = await copySite('check-rules');
  await writeFile(path.join(root, POSTS, 'crlf.md'), CRLF_POST);
  before = new Map(await Promise.all((await listFiles(root)).map(async (file) => [file, await read(file)] as const)));
  json = await runCli(['check', '--root', root, '--format', 'json']);
  fixed = await runCli(['check', '--root', root, '--fix']);
  again = await runCli(['check', '--root', root, '--fix']);
});

describe('check --fix', () => {
  it('prints each change it makes', () => {
    const shown = path.relative(PROJECT, root);
    const lines = fixed.stderr.split('\n').filter((line) => line.startsWith('fixed ') || line.endsWith('applied'));
    expect(lines.map((line) => line.replace(shown, '<root>'))).toEqual([
      'fixed <root>/content/posts/crlf.md:9:5  mojibake  "Ã¯" → "ï"',
      'fixed <root>/content/posts/crlf.md:9:9  invisible-chars  removed U+200B',
      'fixed <root>/content/posts/garbled.md:9:3  mojibake  "â€™" → "’"',
      'fixed <root>/content/posts/garbled.md:9:17  mojibake  "ðŸ˜›" → "😛"',
      'fixed <root>/content/posts/garbled.md:9:32  mojibake  "Ã©" → "é"',
      'fixed <root>/content/posts/garbled.md:11:7  invisible-chars  removed U+200B',
      'fixed <root>/content/posts/garbled.md:11:29  invisible-chars  removed U+FE0F',
      'fixed <root>/content/posts/garbled.md:11:46  invisible-chars  removed U+202E',
      '8 fixes applied',
    ]);
  });

  it('repairs the garbled text and removes the invisible characters', async () => {
    const original = before.get(`${POSTS}/garbled.md`)!.toString('utf8');
    const expected = original
      .replace('Itâ€™s', 'It’s')
      .replace('ðŸ˜›', '😛')
      .replace('cafÃ©', 'café')
      .replace(/[\u200b\ufe0f\u202e]/g, '');
    expect((await read(`${POSTS}/garbled.md`)).toString('utf8')).toBe(expected);
  });

  it('keeps a BOM and CRLF line ends', async () => {
    const text = (await read(`${POSTS}/crlf.md`)).toString('utf8');
    expect(text).toBe(CRLF_POST.replace('naÃ¯ve\u200b', 'naïve'));
  });

  it('rewrites nothing else: every other file is byte for byte as it was', async () => {
    // The render cache is the tool's own, not the author's.
    const after = (await listFiles(root)).filter((file) => !file.startsWith('.cache/'));
    expect(after).toEqual([...before.keys()]);
    for (const file of after) {
      if (file.endsWith('garbled.md') || file.endsWith('crlf.md')) continue;
      expect((await read(file)).equals(before.get(file)!), file).toBe(true);
    }
  });

  it('reports what is left, and still fails on the errors it cannot fix', () => {
    expect(fixed.code).toBe(1);
    expect(fixed.stderr).toContain('broken-link');
    expect(fixed.stderr).not.toMatch(/\bmojibake\s+blog/);
    expect(fixed.stderr).not.toMatch(/\binvisible-chars\s+blog/);
  });

  it('finds nothing more to fix on a second run', () => {
    expect(again.stderr).toContain('nothing to fix');
    expect(again.stderr).not.toContain('fixed ');
  });
});

describe('check --format json', () => {
  it('gives each certain fix as a range of the text and its replacement, and no fix elsewhere', async () => {
    const messages = jsonMessages(json);
    const withFix = messages.filter((message) => message.fix !== undefined);
    expect(new Set(withFix.map((message) => message.rule))).toEqual(new Set(['mojibake', 'invisible-chars']));
    expect(messages.filter((message) => message.rule === 'mojibake' || message.rule === 'invisible-chars').every((m) => m.fix)).toBe(true);
    // Applied by a tool, the fixes give what --fix wrote.
    const garbled = withFix.filter((message) => message.file.endsWith('garbled.md')).sort((a, b) => b.fix!.range[0] - a.fix!.range[0]);
    const original = before.get(`${POSTS}/garbled.md`)!.toString('utf8');
    let text = original;
    for (const { fix } of garbled) text = text.slice(0, fix!.range[0]) + fix!.text + text.slice(fix!.range[1]);
    expect(text).toBe((await read(`${POSTS}/garbled.md`)).toString('utf8'));
    const emoji = garbled.find((message) => message.fix!.text === '😛')!.fix!;
    expect(original.slice(...emoji.range)).toBe('ðŸ˜›');
  });
});

describe('applyFixes', () => {
  it('leaves a file alone when it changed after it was checked', async () => {
    const dir = await tempDir();
    const absolute = path.join(dir, 'post.md');
    await writeFile(absolute, 'Itâ€™s\n');
    const file = new VFile({ path: 'post.md', value: 'Itâ€™s\n' });
    file.data.absolutePath = absolute;
    fileCheckMessage(file, 'garbled', 'mojibake', 'warning', { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 6, offset: 5 } }, { text: '’', actual: 'â€™' });
    await writeFile(absolute, 'Itâ€™s, edited meanwhile\n');
    const { applied, skipped } = await applyFixes([file]);
    expect(applied).toEqual([]);
    expect(skipped).toEqual([{ file: 'post.md', reason: 'it changed while being checked; run check --fix again' }]);
    expect(await readFile(absolute, 'utf8')).toBe('Itâ€™s, edited meanwhile\n');
    expect(file.messages).toHaveLength(1);
  });
});
