/**
 * Mojibake: UTF-8 bytes decoded as Windows-1252 (or Latin-1), so `😛` (F0 9F 98 9B) reads `ðŸ˜›`
 * and `’` reads `â€™`. Found by its shape: a character standing for a UTF-8 lead byte followed by
 * the right number of characters standing for continuation bytes, which must then decode as
 * valid UTF-8. The byte ↔ character table is the WHATWG one, from the `windows-1252` package
 * (it also maps the five bytes Windows-1252 leaves undefined to U+0081 and friends, as decoders do).
 */
import { decode, encode } from 'windows-1252';

/** The characters bytes `from`..`to` decode to, as a regex character class body. */
function charsOf(from: number, to: number): string {
  const bytes = Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return [...decode(bytes)].map((char) => `\\u{${char.codePointAt(0)!.toString(16)}}`).join('');
}

const CONTINUATION = `[${charsOf(0x80, 0xbf)}]`;
/** One UTF-8 sequence as Windows-1252 text: a 2-, 3- or 4-byte lead and its continuations. */
const SEQUENCE = new RegExp(
  `[${charsOf(0xc2, 0xdf)}]${CONTINUATION}|[${charsOf(0xe0, 0xef)}]${CONTINUATION}{2}|[${charsOf(0xf0, 0xf4)}]${CONTINUATION}{3}`,
  'gu',
);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A stretch of mojibake: `text.slice(start, end)` should read `repaired`. */
export interface Mojibake {
  start: number;
  end: number;
  repaired: string;
}

/** The text one garbled sequence stood for, if its bytes are valid UTF-8 and not a control character. */
function repairSequence(sequence: string): string | undefined {
  try {
    const text = UTF8.decode(Uint8Array.from(encode(sequence, { mode: 'fatal' })));
    // `ï»¿` is a byte order mark read as text: repaired, it is nothing at all.
    return /\p{Cc}/u.test(text) ? undefined : text.replace(/\uFEFF/g, '');
  } catch {
    return undefined;
  }
}

/**
 * A lone two-byte look-alike is trusted only with the leads `Â` and `Ã` (all of Latin-1, the bulk of
 * real mojibake): otherwise `“CAFÉ”` would be read as `CAFɔ`. Runs of two or more (`ÐŸÑ€Ð¸`) are trusted.
 */
function trusted(sequence: string, inRun: boolean): boolean {
  return inRun || sequence.length > 2 || sequence[0] === 'Â' || sequence[0] === 'Ã';
}

/** Every stretch of mojibake in `text`, adjacent sequences merged, with its repair. */
export function findMojibake(text: string): Mojibake[] {
  const sequences: Mojibake[] = [];
  for (const match of text.matchAll(SEQUENCE)) {
    const repaired = repairSequence(match[0]);
    if (repaired !== undefined) sequences.push({ start: match.index, end: match.index + match[0].length, repaired });
  }
  const found: Mojibake[] = [];
  for (let i = 0; i < sequences.length; ) {
    let j = i + 1;
    while (j < sequences.length && sequences[j]!.start === sequences[j - 1]!.end) j++;
    const run = sequences.slice(i, j);
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    if (trusted(text.slice(start, end), run.length > 1)) found.push({ start, end, repaired: repairTwice(run.map((s) => s.repaired).join('')) });
    i = j;
  }
  return found;
}

/** Text garbled twice (`ÃƒÂ©` for `é`) needs a second pass; a third never seems to happen in the wild. */
function repairTwice(text: string): string {
  const again = findMojibake(text);
  if (again.length === 0) return text;
  let result = '';
  let at = 0;
  for (const part of again) {
    result += text.slice(at, part.start) + part.repaired;
    at = part.end;
  }
  return result + text.slice(at);
}
