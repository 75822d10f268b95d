/** Messages → the terminal: vfile-reporter text for people, JSON lines for tools. */
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import type { Severity } from './types.ts';
import { fixOf, type Fix } from './check/file-message.ts';

/** One message as `--format json` prints it. */
export interface JsonMessage {
  file: string;
  line: number | null;
  column: number | null;
  severity: Severity;
  rule: string | null;
  message: string;
  /** A certain fix (mojibake, invisible characters): replace `range` of the file's text by `text`. */
  fix?: Fix;
}

/** Flatten every message of every file, in file order. */
export function toJsonMessages(files: readonly VFile[]): JsonMessage[] {
  return files.flatMap((file) =>
    file.messages.map((message) => {
      const json: JsonMessage = {
        file: file.path,
        line: message.line ?? null,
        column: message.column ?? null,
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        rule: message.ruleId ?? null,
        message: message.reason,
      };
      const fix = fixOf(message);
      if (fix) json.fix = fix;
      return json;
    }),
  );
}

/** Text for the terminal; empty when there is nothing to say. */
export function formatReport(files: readonly VFile[], format: 'text' | 'json'): string {
  if (format === 'json') return toJsonMessages(files).map((message) => JSON.stringify(message) + '\n').join('');
  const withMessages = files.filter((file) => file.messages.length > 0);
  return withMessages.length > 0 ? reporter(withMessages) + '\n' : '';
}
