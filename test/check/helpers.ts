/** Shared by the check tests: messages of a run as one readable line each. */
import path from 'node:path';
import type { JsonMessage } from '../../src/report.ts';

/** `file.md:line:column severity message` for each message of `rule`, in the order reported. */
export function linesOf(messages: readonly JsonMessage[], rule: string): string[] {
  return messages
    .filter((message) => message.rule === rule)
    .map((message) => `${path.basename(message.file)}:${message.line}:${message.column} ${message.severity} ${message.message}`);
}
