/** Messages → the terminal: vfile-reporter text for people, JSON lines for tools. */
import { reporter } from 'vfile-reporter';
import { VFile } from 'vfile';
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

/** Findings of one rule in one file the text report lists; the rest are counted (`--format json` keeps all). */
export const RULE_CAP = 20;

/** Text for the terminal; empty when there is nothing to say. `textReporter` is vfile-reporter but in tests of its failure. */
export function formatReport(files: readonly VFile[], format: 'text' | 'json', textReporter: (files: VFile[]) => string = reporter): string {
  if (format === 'json') return toJsonMessages(files).map((message) => JSON.stringify(message) + '\n').join('');
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  try {
    return textReporter(withMessages.map(capped)) + '\n';
  } catch {
    // vfile-reporter has overflowed its stack on 200,000 messages and crawled on huge non-Latin-1 lines:
    // whatever it trips on, the findings still reach the terminal, one plain line each.
    return plainReport(withMessages.map(capped));
  }
}

/**
 * `file` with at most RULE_CAP messages per rule, then one info counting the rest: 200,000 stray
 * zero-width spaces are one finding repeated, and 200,000 lines would hide every other one.
 */
function capped(file: VFile): VFile {
  const counts = new Map<string, number>();
  for (const message of file.messages) counts.set(message.ruleId ?? '', (counts.get(message.ruleId ?? '') ?? 0) + 1);
  if (![...counts.values()].some((count) => count > RULE_CAP)) return file;
  const copy = new VFile({ path: file.path, cwd: file.cwd });
  const seen = new Map<string, number>();
  for (const message of file.messages) {
    const rule = message.ruleId ?? '';
    const count = (seen.get(rule) ?? 0) + 1;
    seen.set(rule, count);
    if (count <= RULE_CAP) copy.messages.push(message);
    else if (count === RULE_CAP + 1) {
      const more = counts.get(rule)! - RULE_CAP;
      const line = copy.message(`… and ${more.toLocaleString('en-US')} more ${rule || 'messages'} in this file`, { ruleId: message.ruleId, source: message.source });
      line.fatal = message.fatal;
    }
  }
  return copy;
}

/** One line per message, `path:line:column severity reason rule`: the fallback that cannot fail. */
function plainReport(files: readonly VFile[]): string {
  return files
    .flatMap((file) =>
      file.messages.map((message) => {
        const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
        return `${file.path}:${message.line ?? 1}:${message.column ?? 1} ${severity} ${message.reason}${message.ruleId ? `  ${message.ruleId}` : ''}\n`;
      }),
    )
    .join('');
}
