/**
 * The text report stays small and finishes whatever a post holds (issue 18): quoted values cut
 * at 100 characters, at most 20 findings of one rule per file, and a plain fallback if the
 * formatter itself fails. `--format json` keeps every message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { addMessage } from '../../src/messages.ts';
import { formatReport } from '../../src/report.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/** A one-folder site holding `posts` (file name → text). */
async function siteWith(posts: Record<string, string>): Promise<string> {
  const root = await tempDir('blog-report-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Report', url: 'https://example.org/' }));
  await Promise.all(Object.entries(posts).map(([name, text]) => writeFile(path.join(root, 'content/posts', name), text)));
  return root;
}

const HEAD = '---\ntitle: Big\ndate: 2024-01-01\n---\n\n';
/** Longest line the text report may print: a cut message (≤ 300) plus position, severity, rule and padding. */
const LINE_MAX = 500;

/** The text report goes to stderr, as vfile-reporter's do. */
function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

describe('the text report of huge findings', () => {
  it('cuts a 100,000-character CJK mojibake run in a 1 MB post to short lines', async () => {
    // `日本語` read as Windows-1252 is `æ—¥æœ¬èªž`: 3 characters per character, 100,800 in one run.
    const garbled = 'æ—¥æœ¬èªž'.repeat(11_200);
    const body = `${'Plain words for the bulk of the post. '.repeat(24_000)}\n\n${garbled}\n`;
    expect(body.length).toBeGreaterThan(1_000_000);
    const root = await siteWith({ 'big.md': HEAD + body });
    const run = await runCli(['check', '--root', root]);
    expect(run.stderr).not.toContain('Unexpected failure');
    expect(run.stderr).toContain('mojibake');
    expect(run.stderr).toContain('…');
    expect(longestLine(run.stderr)).toBeLessThanOrEqual(LINE_MAX);
  });

  it('caps 30,000 zero-width spaces in a post at 20 lines and one "more" line; they stay warnings', async () => {
    // 30,000, not 200,000: the check itself takes 17 s over 200,000 (the formatter's part is the unit test below).
    const root = await siteWith({ 'zw.md': `${HEAD}${'a\u200b'.repeat(30_000)}\n` });
    const run = await runCli(['check', '--root', root]);
    expect(run.stderr).not.toContain('Unexpected failure');
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.includes('invisible-chars'))).toHaveLength(21);
    expect(run.stderr).toContain('… and 29,980 more invisible-chars in this file');
  });

  it('formats 200,000 findings of one rule without overflowing the stack; JSON keeps them all', () => {
    const file = new VFile({ path: 'content/posts/zw.md' });
    for (let i = 0; i < 200_000; i++) addMessage(file, 'Invisible character U+200B ZERO WIDTH SPACE: remove it', { place: { line: 6, column: 2 * i + 2 }, ruleId: 'invisible-chars', severity: 'warning' });
    const text = formatReport([file], 'text');
    expect(text.split('\n').filter((line) => line.includes('invisible-chars'))).toHaveLength(21);
    expect(text).toContain('… and 199,980 more invisible-chars in this file');
    expect(formatReport([file], 'json').split('\n').filter(Boolean)).toHaveLength(200_000);
  });

  it('keeps the report of 150 posts with a 20,000-character image path under 200 KB', async () => {
    const image = `/${'x'.repeat(20_000)}.png`;
    const posts = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}.md`, `---\ntitle: P${i}\ndate: 2024-01-01\nimage: "${image}"\n---\n\nText.\n`]));
    const run = await runCli(['check', '--root', await siteWith(posts)]);
    expect(run.stderr).not.toContain('Unexpected failure');
    expect(run.stderr).toContain('missing-asset');
    expect(run.stderr.length).toBeLessThan(200_000);
    expect(longestLine(run.stderr)).toBeLessThanOrEqual(LINE_MAX);
  });
});
