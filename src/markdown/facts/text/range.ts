/** Offsets in a file's text → a positioned range for a message. */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/** A function from `[start, end)` offsets of `file`'s text to a Position, indexing the lines once. */
export function rangesOf(file: VFile): (start: number, end: number) => Position {
  let index: ReturnType<typeof location> | undefined;
  return (start, end) => {
    index ??= location(file);
    const from = index.toPoint(start)!;
    const to = index.toPoint(end) ?? index.toPoint(String(file.value).length)!;
    return { start: from, end: to };
  };
}
