/**
 * Invisible characters that do harm: NUL, zero-width spaces and joiners where no script needs them,
 * bidi embedding/override/isolate controls (they reorder what readers see: "Trojan Source"),
 * a byte order mark inside the text, and variation selectors with nothing to select.
 * The left-to-right and right-to-left marks (U+200E, U+200F) are left alone: right-to-left
 * writers need them to place punctuation.
 */
import { quote } from '../../../messages.ts';

/** A character to remove: `text.slice(start, end)`, with its code point and name. */
export interface Invisible {
  start: number;
  end: number;
  codePoint: string;
  name: string;
  /** Why it is out of place, when it can be in place elsewhere (`after a space`). */
  why?: string;
}

const NAMES: Record<number, string> = {
  0x0000: 'NULL',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

const CANDIDATES = /[\0\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
/** Scripts written without spaces, where a zero-width space marks where a line may break. */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** What joiners join: letters and marks (Indic conjuncts, Persian), emoji (👩‍💻 is 👩 ZWJ 💻). */
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;

/** Why `char` between `before` and `after` is out of place; undefined when it belongs there. */
function misplaced(char: string, before: string, after: string): string | undefined {
  const code = char.codePointAt(0)!;
  if (code === 0xfe0e || code === 0xfe0f) {
    // Text/emoji presentation selectors follow a character that has both presentations (❤️, 1️⃣).
    return /\p{Emoji}/u.test(before) ? undefined : withNothingBefore(before);
  }
  if ((code >= 0xfe00 && code <= 0xfe0d) || code >= 0xe0100) {
    // Standardized and ideographic variation sequences follow a letter, digit or symbol.
    return /[\p{L}\p{N}\p{S}]/u.test(before) ? undefined : withNothingBefore(before);
  }
  if (code === 0x200b) return UNSPACED.test(before) && UNSPACED.test(after) ? undefined : 'where no script needs it';
  if (code === 0x200c || code === 0x200d) {
    const joins = JOINABLE.test(before) && JOINABLE.test(after) && !(/[a-z]/i.test(before) && /[a-z]/i.test(after));
    return joins ? undefined : 'joining nothing';
  }
  return '';
}

function withNothingBefore(before: string): string {
  if (before === '') return 'at the start of the text';
  return /\s/u.test(before) ? 'after white space, not an emoji' : `after ${quote(before)}, which has no variants`;
}

/** Every invisible character in `text` that is out of place. */
export function findInvisible(text: string): Invisible[] {
  const found: Invisible[] = [];
  for (const match of text.matchAll(CANDIDATES)) {
    const char = match[0];
    const start = match.index;
    const end = start + char.length;
    const before = [...text.slice(Math.max(0, start - 2), start)].at(-1) ?? '';
    const after = [...text.slice(end, end + 2)][0] ?? '';
    const why = misplaced(char, before, after);
    if (why === undefined) continue;
    const code = char.codePointAt(0)!;
    found.push({ start, end, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, name: nameOf(code), ...(why ? { why } : {}) });
  }
  return found;
}

function nameOf(code: number): string {
  if (code >= 0xfe00 && code <= 0xfe0f) return `VARIATION SELECTOR-${code - 0xfe00 + 1}`;
  if (code >= 0xe0100) return `VARIATION SELECTOR-${code - 0xe0100 + 17}`;
  return NAMES[code] ?? 'INVISIBLE CHARACTER';
}
