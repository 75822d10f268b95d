/** `invisible-chars`: characters nobody can see that change what the text does (see text/invisible.ts). */
import type { PostCheck } from '../context.ts';

/** Report each out-of-place invisible character of the file; removing it is the certain fix. */
export function checkInvisibleChars({ facts, report }: PostCheck): void {
  for (const found of facts?.invisible ?? []) {
    const why = found.why === undefined ? '' : ` ${found.why}`;
    report('invisible-chars', `Invisible character ${found.codePoint} ${found.name}${why}: remove it`, found.place, { text: '', actual: found.actual });
  }
}
