/**
 * The text markdown parses after the template pass, made of pieces of the post's own text and
 * inserted replacements, and the way back: positions in the new text → positions in the file,
 * so every later message and check fact points where the author wrote it.
 */
import type { Node } from 'unist';
import { location } from 'vfile-location';

/** A stretch of the original text kept as it is, or a replacement for one (`text: ''` removes it; `from === to` inserts). */
export type Piece = { from: number; to: number; text?: string };

/** One piece placed in the new text. */
interface Segment {
  out: number;
  outEnd: number;
  from: number;
  to: number;
  copied: boolean;
}

/** The new text and how its offsets lead back to the original. */
export interface SourceMap {
  text: string;
  segments: Segment[];
}

/** Join pieces, in order, into the new text. */
export function joinPieces(original: string, pieces: readonly Piece[]): SourceMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let out = 0;
  for (const piece of pieces) {
    const text = piece.text ?? original.slice(piece.from, piece.to);
    // A removal takes no room in the new text: offsets at its place lead to what follows it.
    if (text === '') continue;
    parts.push(text);
    segments.push({ out, outEnd: out + text.length, from: piece.from, to: piece.to, copied: piece.text === undefined });
    out += text.length;
  }
  return { text: parts.join(''), segments };
}

/** The original offset of an offset in the new text: inside a replacement, its start (or its end, past its first character). */
export function originalOffset(map: SourceMap, offset: number): number {
  const { segments } = map;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (offset < segment.out) high = middle - 1;
    else if (offset >= segment.outEnd && !(offset === segment.outEnd && middle === segments.length - 1)) low = middle + 1;
    else return segment.copied ? segment.from + (offset - segment.out) : offset === segment.out ? segment.from : segment.to;
  }
  return segments.at(-1)?.to ?? offset;
}

/** Point every node of a tree parsed from the new text at its place in the original. */
export function mapPositions(tree: Node, map: SourceMap, original: string): void {
  const place = location(original);
  const visit = (node: Node): void => {
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.offset === undefined) continue;
        const offset = originalOffset(map, point.offset);
        const found = place.toPoint(offset) ?? place.toPoint(original.length);
        if (found) Object.assign(point, found);
      }
    }
    for (const child of (node as { children?: Node[] }).children ?? []) visit(child);
  };
  visit(tree);
}
