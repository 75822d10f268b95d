/**
 * URL segments made from front matter or a file name rather than written as a path: a tag's or an
 * author's slug, a post's slug from its file name. An explicit `slug` or `permalink` is measured
 * where it is read (slug-path.ts, site-path.ts); these are measured here against the same limit,
 * after slugging, because slugging can lengthen a name (lower case `ⱥ` takes 3 bytes, `Ⱥ` 2).
 */
import { createHash } from 'node:crypto';
import type { NormalizeContext } from './context.ts';
import { quote } from './fields.ts';
import { MAX_SEGMENT_BYTES, tooLong } from './site-path.ts';

/** The rule of every message about a made segment that is too long. */
export const SEGMENT_RULE = 'segment-too-long';

/** Why `segment`, made from `what` (`Tag "…"`), can't be a folder name; undefined when it can. */
export function segmentProblem(what: string, segment: string): string | undefined {
  if (!tooLong(segment)) return undefined;
  return `${what} makes the URL segment ${quote(segment)} of ${Buffer.byteLength(segment)} bytes, over the ${MAX_SEGMENT_BYTES} a segment may have`;
}

/**
 * A segment cut to fit, for a post whose file name is too long: the run has failed already (the
 * error is reported), but `check` and the dev server go on with a path the file system takes.
 */
export function shortSegment(segment: string): string {
  const hash = createHash('sha256').update(segment).digest('hex').slice(0, 8);
  let cut = '';
  let bytes = 0;
  for (const char of segment) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_SEGMENT_BYTES - hash.length - 1) break;
    cut += char;
  }
  return `${cut}-${hash}`;
}

/** `segment` when it fits; else an error (on the file: a name has no line of its own) and the segment cut to fit. */
export function fittedSegment(segment: string, what: string, ctx: NormalizeContext): string {
  const problem = segmentProblem(what, segment);
  if (problem === undefined) return segment;
  ctx.report(`${problem}: rename it or set a shorter slug`, { severity: 'error', ruleId: SEGMENT_RULE });
  return shortSegment(segment);
}
