/** The post title from front matter, and the humanised file name that is its last resort. */
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { withoutControls } from './control-chars.ts';
import { quote, valueAt } from './fields.ts';
import { undatedStem } from './file-name.ts';

/**
 * A variation selector (U+FE0E text, U+FE0F emoji) is only meaningful right after a
 * character that has an emoji presentation; anywhere else (after a space, at the start,
 * doubled) it is an invisible leftover of copy-paste, as in `FOSDEM 2025 ️❤️`.
 */
const STRAY_VARIATION_SELECTOR = /(?<!\p{Emoji})[\uFE0E\uFE0F]/gu;

/** Clean up a title: NFC, stray variation selectors removed, white space folded and trimmed. */
export function cleanTitle(text: string): string {
  return text.normalize('NFC').replace(STRAY_VARIATION_SELECTOR, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The title from `title`, else `seo.title`; undefined when neither gives one (the body's
 * first heading or the file name will then supply it). Numbers become text; other types are errors.
 */
export function normalizeTitle(data: Record<string, unknown>, ctx: NormalizeContext): string | undefined {
  let title: string | undefined;
  // Every key is checked, even after a title is found, so each bad value gets its message.
  for (const path of FRONT_MATTER_KEYS.title) {
    const value = valueAt(data, path);
    if (value === undefined || value === null) continue;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else {
      ctx.report(`Invalid title ${quote(value)}: expected text`, { path, severity: 'error', ruleId: 'invalid-title' });
      continue;
    }
    const cleaned = cleanTitle(withoutControls(text, path, 'title', ctx));
    if (title === undefined && cleaned !== '') title = cleaned;
  }
  return title;
}

/** A readable title from the file name: `2025-02-03-my_first-post.md` → `My first post`. */
export function humanizeFileName(relPath: string): string {
  const words = undatedStem(relPath).normalize('NFC').replace(/[-_\s]+/g, ' ').trim();
  if (words === '') return 'Untitled';
  const first = String.fromCodePoint(words.codePointAt(0) ?? 0);
  return first.toUpperCase() + words.slice(first.length);
}
