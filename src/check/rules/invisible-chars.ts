/** `invisible-chars`: characters nobody can see that change what the text does (see text/invisible.ts). */
import type { PostCheck } from '../context.ts';
import { findInvisible } from '../text/invisible.ts';
import { rangesOf } from '../text/range.ts';

/** Report each out-of-place invisible character of the file; removing it is the certain fix. */
export function checkInvisibleChars({ file, report }: PostCheck): void {
  const range = rangesOf(file);
  for (const found of findInvisible(String(file.value))) {
    const why = found.why === undefined ? '' : ` ${found.why}`;
    report('invisible-chars', `Invisible character ${found.codePoint} ${found.name}${why}: remove it`, range(found.start, found.end), { text: '' });
  }
}
