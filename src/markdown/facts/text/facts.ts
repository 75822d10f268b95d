/**
 * The text rules' findings (`mojibake`, `invisible-chars`) as facts, made by the markdown stage
 * while it has the post's text, like the body facts of collect.ts. The main thread can then let
 * a post's text go as soon as its body is rendered: on a 100,000-post site the texts alone are
 * most of a gigabyte.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { findInvisible, type Invisible } from './invisible.ts';
import { findMojibake } from './mojibake.ts';
import { rangesOf } from './range.ts';

/** A garbled stretch of the file and what it should read. */
export interface MojibakeFact {
  place: Position;
  actual: string;
  repaired: string;
}

/** An out-of-place invisible character of the file. */
export type InvisibleFact = Omit<Invisible, 'start' | 'end'> & { place: Position; actual: string };

export interface TextFacts {
  mojibake: MojibakeFact[];
  invisible: InvisibleFact[];
}

/** The findings of the text rules over the whole file (front matter included), positioned in it. */
export function textFacts(file: VFile): TextFacts {
  const text = String(file.value);
  const range = rangesOf(file);
  return {
    mojibake: findMojibake(text).map(({ start, end, repaired }) => ({ place: range(start, end), actual: text.slice(start, end), repaired })),
    invisible: findInvisible(text).map(({ start, end, ...found }) => ({ ...found, place: range(start, end), actual: text.slice(start, end) })),
  };
}
