/** The text detectors behind `mojibake`, `invisible-chars` and `similar-tags`, table-driven: found, and left alone. */
import { describe, expect, it } from 'vitest';
import { similar } from '../../src/check/rules/similar-tags.ts';
import { findInvisible } from '../../src/markdown/facts/text/invisible.ts';
import { findMojibake } from '../../src/markdown/facts/text/mojibake.ts';

/** Apply the repairs, as --fix would. */
function repair(text: string): string {
  let result = text;
  for (const { start, end, repaired } of findMojibake(text).reverse()) result = result.slice(0, start) + repaired + result.slice(end);
  return result;
}

describe('findMojibake', () => {
  it.each([
    ['emoji', 'one day. ðŸ˜›', 'one day. 😛'],
    ['curly apostrophe', 'Itâ€™s', 'It’s'],
    ['quotes and dash', 'â€œquotedâ€\u009d â€” ok', '“quoted” — ok'],
    ['Latin-1 letters', 'cafÃ©, Ã¼ber, naÃ¯ve, EspaÃ±a', 'café, über, naïve, España'],
    ['a capital from the undefined-byte range', 'Ã\u0081rbol', 'Árbol'],
    ['no-break space', '1Â\u00a0000', '1\u00a0000'],
    ['Cyrillic', 'ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['CJK', 'æ—¥æœ¬èªž', '日本語'],
    ['garbled twice', 'cafÃƒÂ©', 'café'],
    ['a byte order mark read as text', 'ï»¿Title', 'Title'],
  ])('repairs %s', (_name, garbled, expected) => {
    expect(repair(garbled)).toBe(expected);
  });

  it('gives the exact range of each stretch, adjacent sequences as one', () => {
    expect(findMojibake('a ðŸ˜›ðŸ¤“ b â€™')).toEqual([
      { start: 2, end: 10, repaired: '😛🤓' },
      { start: 13, end: 16, repaired: '’' },
    ]);
  });

  it.each([
    ['accented text', 'café, naïve, Ärger über Öl, São Paulo, Æsir, ÉCOLE'],
    ['an accented capital before a closing quote', '“CAFÉ” and «ÉTÉ»'],
    ['a lone look-alike with an uncommon lead', 'Ð° and Ê¼'],
    ['symbols', '© 2024 · 10 € · ±5° · ½'],
    ['already repaired text', 'It’s 😛 日本語 Привет'],
    ['bytes that are not valid UTF-8 (an overlong form)', 'à€€'],
  ])('leaves %s alone', (_name, text) => {
    expect(findMojibake(text)).toEqual([]);
  });
});

describe('findInvisible', () => {
  const found = (text: string) => findInvisible(text).map(({ codePoint, why }) => `${codePoint}${why ? ` ${why}` : ''}`);

  it.each([
    ['a zero-width space in English', 'zero\u200bwidth', ['U+200B where no script needs it']],
    ['a variation selector after a space', '2025 \ufe0f❤️', ['U+FE0F after white space, not an emoji']],
    ['a variation selector after a plain letter', 'a\ufe0f', ['U+FE0F after "a", which has no variants']],
    ['a joiner between Latin letters', 'a\u200db', ['U+200D joining nothing']],
    ['bidi overrides and isolates', 'x\u202ey\u2066z', ['U+202E', 'U+2066']],
    ['NUL and a byte order mark inside the text', 'a\0b\ufeffc', ['U+0000', 'U+FEFF']],
    ['a word joiner', 'a\u2060b', ['U+2060']],
  ])('finds %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['emoji presentation selectors', 'I ❤️ it, 1️⃣, ☺︎'],
    ['emoji joined by ZWJ', '👩‍💻 👨‍👩‍👧 👍🏽‍♂️'],
    ['a Persian non-joiner', 'می‌خواهم'],
    ['a Devanagari joiner', 'क्‍ष'],
    ['Thai word breaks', 'ภาษา\u200bไทย'],
    ['right-to-left marks', 'abc\u200f \u200e'],
    ['an ideographic variation sequence', '葛\u{e0100}'],
  ])('leaves %s alone', (_name, text) => {
    expect(findInvisible(text)).toEqual([]);
  });
});

describe('similar tags', () => {
  it.each([
    ['kubernets', 'kubernetes'],
    ['conference', 'conferences'],
    ['open-source', 'opensource'],
    ['javascript', 'javscript'],
    ['category', 'categories'],
  ])('%s ~ %s', (a, b) => {
    expect(similar(a, b)).toBe(true);
  });

  it.each([
    ['go', 'js'],
    ['rust', 'dust'],
    ['java', 'javascript'],
    ['news', 'conferences'],
    ['react', 'redux'],
  ])('%s and %s stay apart', (a, b) => {
    expect(similar(a, b)).toBe(false);
  });
});
