/** The W3C Nu HTML Checker (vnu-jar, run with the machine's Java) over a folder of built pages. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { PROJECT } from '../helpers/cli.ts';

const VNU = path.join(PROJECT, 'node_modules/vnu-jar/build/dist/vnu.jar');

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Run the checker over a folder; its JSON report comes on stderr, whatever the exit code. */
export function vnu(dir: string): Promise<VnuMessage[]> {
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

/** The checker's errors as `file:line:column: message  [extract]`, files relative to `dir`. */
export function vnuErrors(messages: readonly VnuMessage[], dir: string): string[] {
  return messages
    .filter((message) => message.type !== 'info')
    .map((message) => {
      const file = message.url ? path.relative(dir, new URL(message.url).pathname) : '(checker)';
      return `${file}:${message.lastLine ?? 0}:${message.firstColumn ?? 0}: ${message.message}${message.extract ? `  [${message.extract.trim().replace(/\s+/g, ' ').slice(0, 120)}]` : ''}`;
    });
}
