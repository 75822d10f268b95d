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

/** Longest value a message repeats: a 50 KB title belongs in the file, not in the terminal. */
const QUOTE_MAX = 100;

/**
 * Longest message: a safety net behind `quote` and `shown` for a message that repeats user text
 * some other way. Cut values keep a message under about 250 characters; one past 300 is a mistake.
 */
export const REASON_MAX = 300;

/** A value as it appears in a message: strings quoted, objects as compact JSON, both cut short and made visible. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${shown(value)}"`;
  // String() keeps `Infinity` and `NaN` readable, where JSON would print `null`.
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return `"${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()}"`;
  try {
    return shown(JSON.stringify(value) ?? String(value));
  } catch {
    // Cyclic or otherwise unprintable values still deserve a message.
    return shown(String(value));
  }
}

/**
 * User text as a message repeats it, unquoted (a path, a garbled stretch): at most `max` characters,
 * then `…`; control and format characters (NUL, bidi overrides, zero-width marks) written as `\u{…}`:
 * raw, they garble or reorder the terminal line that shows them.
 */
export function shown(text: string, max = QUOTE_MAX): string {
  // Only the head is split into code points: a 1 MB value costs no more than a short one.
  const head = [...text.slice(0, max * 2 + 2)];
  const cut = head.length > max ? `${head.slice(0, max).join('')}…` : text;
  return cut.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** `reason` within REASON_MAX characters, never ending in half a surrogate pair. */
export function capped(reason: string): string {
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : reason;
}

/** File a message on `file`; errors are `fatal: true`, warnings `false`, infos `undefined` (vfile's convention). */
export function addMessage(file: VFile, reason: string, { place, ruleId, severity }: MessageOptions): void {
  const message = file.message(capped(reason), { place, ruleId, source: SOURCE });
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
  const message = file.message(capped(stored.reason), { place: stored.place, ruleId: stored.ruleId, source: stored.source });
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
