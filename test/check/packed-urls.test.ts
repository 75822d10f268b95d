/** Packed URL facts read back as the plain facts they were made from. */
import { describe, expect, it } from 'vitest';
import type { UrlFact } from '../../src/markdown/facts/facts.ts';
import { packUrlFacts } from '../../src/markdown/facts/packed-urls.ts';

const FACTS: UrlFact[] = [
  { tagName: 'a', attribute: 'href', url: './other.md#part', place: { start: { line: 12, column: 5, offset: 300 }, end: { line: 12, column: 40, offset: 335 } } },
  { tagName: 'img', attribute: 'src', url: '/static/x.png#center', place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 2, offset: 70 } } },
  { tagName: 'a', attribute: 'href', url: 'https://example.org/' },
  { tagName: 'source', attribute: 'srcset', url: '', place: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } } },
];

const plain = (fact: UrlFact) => ({ tagName: fact.tagName, attribute: fact.attribute, url: fact.url, place: fact.place });

describe('packed URL facts', () => {
  it('give back every field, positions with and without offsets, and no position where there was none', () => {
    expect(packUrlFacts(FACTS).map(plain)).toEqual(FACTS.map(plain));
  });

  it('keeps an empty list empty', () => {
    expect(packUrlFacts([])).toEqual([]);
  });
});
