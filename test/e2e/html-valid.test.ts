/**
 * Every HTML page of the built sample blog passes the W3C Nu HTML Checker (vnu-jar, run with the
 * machine's Java) with zero errors. A failure lists each error as `file:line: message`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/cli.ts';
import { serveSample, type ServedSample } from './sample-site.ts';

const VNU = path.join(PROJECT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Run the checker over a folder; its JSON report comes on stderr, whatever the exit code. */
function vnu(dir: string): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', VNU, '--format', 'json', '--skip-non-html', dir], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      try {
        resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu did not report JSON (${error?.message ?? 'no error'}):\n${stderr.slice(0, 2000)}`));
      }
    });
  });
}

let site: ServedSample;

beforeAll(async () => {
  site = await serveSample();
});

afterAll(async () => {
  await site?.close();
});

describe('W3C Nu HTML Checker', () => {
  it('finds no error on any page of the sample blog', async () => {
    const pages = site.files.filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html', 'archive/index.html']));
    const messages = await vnu(site.out);
    const errors = messages
      .filter((message) => message.type !== 'info')
      .map((message) => {
        const file = message.url ? path.relative(site.out, new URL(message.url).pathname) : '(checker)';
        return `${file}:${message.lastLine ?? 0}:${message.firstColumn ?? 0}: ${message.message}${message.extract ? `  [${message.extract.trim().replace(/\s+/g, ' ').slice(0, 120)}]` : ''}`;
      });
    expect(errors.join('\n'), `${errors.length} HTML errors`).toBe('');
  });
});
