/** `mojibake`: UTF-8 text that was decoded as Windows-1252 somewhere on its way (`ðŸ˜›` for `😛`), with its repair. */
import { quote } from '../../messages.ts';
import type { PostCheck } from '../context.ts';

/** Report each garbled stretch of the file (front matter included), with the repaired text as a certain fix. */
export function checkMojibake({ facts, report }: PostCheck): void {
  for (const { place, actual, repaired } of facts?.mojibake ?? []) {
    report('mojibake', `Garbled text ${quote(actual)} (UTF-8 read as Windows-1252): should read ${quote(repaired)}`, place, { text: repaired, actual });
  }
}
