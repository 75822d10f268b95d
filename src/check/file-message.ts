/** How the check stage files its messages: positioned ranges, certain fixes, and replaceable on the next run. */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import type { Point, Severity } from '../types.ts';

/** One message of a VFile (the type lives in vfile-message, a dependency of vfile). */
type VFileMessage = VFile['messages'][number];

/** Where a message points: a point, or a source range (with offsets when it carries a fix). */
export type Place = Point | Position;

/** A certain fix: what the text at the message's range must become, and what it is now. */
export interface FixText {
  text: string;
  /** The text at the range now: the rule has it from the markdown stage, the file's text may be gone by the checks (see markdown/stage.ts). */
  actual: string;
}

/** A fix as tools get it: replace `range` (UTF-16 offsets into the file's text, after any BOM) by `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** Messages filed by the check stage, so a re-run (dev rebuilds) replaces them instead of piling up. */
const filed = new WeakSet<VFileMessage>();

/** File one check message; with `fix`, the message's range is what the fix replaces. */
export function fileCheckMessage(file: VFile, reason: string, ruleId: string, severity: Severity, place: Place | undefined, fix?: FixText): void {
  const start = place && 'start' in place ? place.start : place;
  addMessage(file, reason, { place: start, ruleId, severity });
  // addMessage takes a start point only; the range and the fix go on the message it just filed.
  const message = file.messages.at(-1)!;
  if (place && 'start' in place) message.place = place;
  if (fix) {
    message.actual = fix.actual;
    message.expected = [fix.text];
  }
  filed.add(message);
}

/** Whether the check stage filed `message`. */
export function isCheckMessage(message: VFileMessage): boolean {
  return filed.has(message);
}

/** Remove what an earlier run of the check stage filed on `files`. */
export function clearCheckMessages(files: Iterable<VFile>): void {
  for (const file of files) file.messages = file.messages.filter((message) => !filed.has(message));
}

/** The certain fix a message carries, if any. */
export function fixOf(message: VFileMessage): Fix | undefined {
  const start = startOffset(message);
  const end = endOffset(message);
  const text = message.expected?.[0];
  if (start === undefined || end === undefined || text === undefined) return undefined;
  return { range: [start, end], text };
}

function startOffset(message: VFileMessage): number | undefined {
  return message.place && 'start' in message.place ? message.place.start.offset : undefined;
}

function endOffset(message: VFileMessage): number | undefined {
  return message.place && 'end' in message.place ? message.place.end.offset : undefined;
}
