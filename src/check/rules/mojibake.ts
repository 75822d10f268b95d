/** `mojibake`: UTF-8 text that was decoded as Windows-1252 somewhere on its way (`ðŸ˜›` for `😛`), with its repair. */
import type { PostCheck } from '../context.ts';
import { findMojibake } from '../text/mojibake.ts';
import { rangesOf } from '../text/range.ts';

/** Report each garbled stretch of the file (front matter included), with the repaired text as a certain fix. */
export function checkMojibake({ file, report }: PostCheck): void {
  const text = String(file.value);
  const range = rangesOf(file);
  for (const { start, end, repaired } of findMojibake(text)) {
    const garbled = text.slice(start, end);
    report('mojibake', `Garbled text "${garbled}" (UTF-8 read as Windows-1252): should read "${repaired}"`, range(start, end), { text: repaired });
  }
}
