/** Positioned messages on VFiles: the one way every stage reports a problem. */
import path from 'node:path';
import { VFile } from 'vfile';
import type { Point, Severity } from './types.ts';

/** A VFile whose path reads well in messages: relative to `cwd`, the folder the command runs in. */
export function fileFor(absolutePath: string, value: string, cwd: string): VFile {
  return new VFile({ path: path.relative(cwd, absolutePath) || absolutePath, value, cwd });
}

/** Where and how a message is filed. */
export interface MessageOptions {
  place?: Point;
  ruleId: string;
  severity: Severity;
}

/** The `source` of every message this tool files (vfile-reporter prints it after the rule). */
export const SOURCE = 'blog';

/** File a message on `file`; errors are `fatal: true`, warnings `false`, infos `undefined` (vfile's convention). */
export function addMessage(file: VFile, reason: string, { place, ruleId, severity }: MessageOptions): void {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

/** One message as plain data: it crosses to worker threads and into the cache as it is. */
export interface StoredMessage {
  reason: string;
  place?: VFile['messages'][number]['place'];
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  /** A certain fix's text as it is and as it must become (see check/file-message.ts). */
  actual?: string;
  expected?: string[];
}

/** `message` as plain data. */
export function storeMessage(message: VFile['messages'][number]): StoredMessage {
  const { reason, place, ruleId, source, fatal, actual, expected } = message;
  return { reason, place, ruleId, source, fatal, ...(actual === undefined ? {} : { actual }), ...(expected === undefined ? {} : { expected }) };
}

/** File a stored message on `file` again, as it was. */
export function restoreMessage(file: VFile, stored: StoredMessage): void {
  const message = file.message(stored.reason, { place: stored.place, ruleId: stored.ruleId, source: stored.source });
  message.fatal = stored.fatal;
  if (stored.actual !== undefined) message.actual = stored.actual;
  if (stored.expected !== undefined) message.expected = stored.expected;
}

/** Count errors across files; with `strict`, warnings count as errors too. */
export function countErrors(files: readonly VFile[], strict: boolean): number {
  let count = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true || (strict && message.fatal === false)) count++;
    }
  }
  return count;
}
