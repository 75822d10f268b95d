/** `npm run check` on the bundled sample blog: the findings its quirks must produce, each at its exact line. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonMessage } from '../../src/report.ts';
import { jsonMessages, runCli, type CliRun } from '../helpers/cli.ts';
import { linesOf } from './helpers.ts';

let run: CliRun;
let messages: JsonMessage[];

beforeAll(async () => {
  run = await runCli(['check', '--format', 'json']);
  messages = jsonMessages(run);
});

describe('npm run check on the sample blog', () => {
  it('passes with warnings: nothing in the sample is an error', () => {
    expect(run.code).toBe(0);
    expect(messages.filter((message) => message.severity === 'error')).toEqual([]);
  });

  it('reports the missing ./IMG_5353.jpeg of the 2025 post', () => {
    expect(linesOf(messages, 'missing-asset')).toContain(
      '2025-02-03-fosdem-2025.md:26:1 warning Missing local file ./IMG_5353.jpeg (looked for content/posts/IMG_5353.jpeg)',
    );
  });

  it('reports the two mojibake emoji of the 2026 recap, each with its repair as a fix', () => {
    expect(linesOf(messages, 'mojibake')).toEqual([
      'looking-back-at-fosdem-2026.md:24:295 warning Garbled text "ðŸ˜›" (UTF-8 read as Windows-1252): should read "😛"',
      'looking-back-at-fosdem-2026.md:32:64 warning Garbled text "ðŸ¤“" (UTF-8 read as Windows-1252): should read "🤓"',
    ]);
    expect(messages.filter((message) => message.rule === 'mojibake').map((message) => message.fix?.text)).toEqual(['😛', '🤓']);
  });

  it('reports every image of the 2020 post without alt text', () => {
    const lines = linesOf(messages, 'image-alt').filter((line) => line.startsWith('fosdem-2020.md'));
    expect(lines).toEqual(
      [
        [12, '/static/fosdem34.png#center'],
        [26, '/static/fosdem5.jpg#center'],
        [36, '/static/fosdem2.jpg#center'],
        [54, '/static/fosdem1.jpg#center'],
      ].map(([line, src]) => `fosdem-2020.md:${line}:1 warning Image ${src} has no alt text: describe what it shows for readers who cannot see it`),
    );
  });

  it('reports the src="//" iframe of the 2014 post', () => {
    expect(linesOf(messages, 'empty-url')).toEqual(['fosdem-2014-unikernels.md:11:1 warning <iframe src="//"> has no host: it leads nowhere']);
  });

  it('reports the stray variation selector before the heart in the 2025 title', () => {
    expect(linesOf(messages, 'invisible-chars')).toEqual([
      '2025-02-03-fosdem-2025.md:2:20 warning Invisible character U+FE0F VARIATION SELECTOR-16 after white space, not an emoji: remove it',
    ]);
  });
});
