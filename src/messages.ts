/** Positioned messages on VFiles: the one way every stage reports a problem. */
import type { VFile } from 'vfile';
import type { Point, Severity } from './types.ts';

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
