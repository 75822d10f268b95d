/** The post's explicit description, and the word-boundary cut used for derived ones. */
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { withoutControls } from './control-chars.ts';
import { valueAt } from './fields.ts';

/** White space folded to single spaces, trimmed: descriptions end up in one-line meta tags. */
function foldSpace(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The description the author wrote: `description` → `seo.description` → `shortDescription` → `summary`. */
export function explicitDescription(data: Record<string, unknown>, ctx: NormalizeContext): string | undefined {
  for (const path of FRONT_MATTER_KEYS.description) {
    const value = valueAt(data, path);
    // `shortDescription:` left empty (YAML null) is common; it must not hide `summary`.
    if (typeof value !== 'string') continue;
    const text = foldSpace(withoutControls(value, path, 'description', ctx));
    if (text !== '') return text;
  }
  return undefined;
}

/** Punctuation that looks wrong right before the ellipsis. */
const TRAILING = /[\s\p{Pd},;:.]+$/u;

/** Made once: a new Segmenter per summary cost more than the cutting (~60 µs each). */
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * `text` shortened to at most `max` UTF-16 units, `…` included, cut where a word ends
 * (word boundaries per Intl.Segmenter, so CJK text without spaces cuts sensibly too).
 * Never splits a surrogate pair or a grapheme cluster.
 */
export function cutAtWord(text: string, max = 160): string {
  const folded = foldSpace(text);
  if (folded.length <= max) return folded;
  const budget = Math.max(0, max - 1);
  let wordEnd = 0;
  for (const { segment, index, isWordLike } of WORDS.segment(folded)) {
    if (index + segment.length > budget) break;
    if (isWordLike) wordEnd = index + segment.length;
  }
  let cut = folded.slice(0, wordEnd).replace(TRAILING, '');
  if (cut === '') {
    // One word longer than the budget: cut it at the last whole grapheme that fits.
    let end = 0;
    for (const { segment, index } of GRAPHEMES.segment(folded)) {
      if (index + segment.length > budget) break;
      end = index + segment.length;
    }
    cut = folded.slice(0, end);
  }
  return `${cut}…`;
}
