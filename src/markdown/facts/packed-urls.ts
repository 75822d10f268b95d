/**
 * URL facts in a compact form for the main thread, where every post's facts wait for the checks.
 * As plain objects each URL cost ~300 bytes (its Position alone is three objects), ~640 when read
 * back from the cache: 20 links a post made facts the biggest thing a 100,000-post build held
 * after the bodies. Here a post's positions share one Int32Array and each fact is one small object.
 */
import type { Position } from 'unist';
import type { UrlFact } from './facts.ts';

/** Numbers per position: start line, column, offset, end line, column, offset. */
const FIELDS = 6;

/** Tag and attribute names come back from workers and the cache as new strings each time: one copy of each. */
const names = new Map<string, string>();
const interned = (name: string) => names.get(name) ?? (names.set(name, name), name);

class PackedUrlFact implements UrlFact {
  constructor(
    readonly tagName: string,
    readonly attribute: string,
    readonly url: string,
    private readonly places: Int32Array,
    private readonly index: number,
  ) {}

  get place(): Position | undefined {
    const at = this.index * FIELDS;
    const p = this.places;
    // Line 0 marks a fact without a position (nodes made by plugins have none).
    if (p[at] === 0) return undefined;
    const point = (i: number) => ({ line: p[i]!, column: p[i + 1]!, ...(p[i + 2]! >= 0 ? { offset: p[i + 2]! } : {}) });
    return { start: point(at), end: point(at + 3) };
  }
}

/** The same facts, packed; `place` is rebuilt on each read (only a reported fact reads it). */
export function packUrlFacts(facts: readonly UrlFact[]): UrlFact[] {
  const places = new Int32Array(facts.length * FIELDS);
  return facts.map((fact, index) => {
    const { start, end } = fact.place ?? {};
    if (start && end) places.set([start.line, start.column, start.offset ?? -1, end.line, end.column, end.offset ?? -1], index * FIELDS);
    return new PackedUrlFact(interned(fact.tagName), interned(fact.attribute), fact.url, places, index);
  });
}
