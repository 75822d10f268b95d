/** The smaller front matter keys: draft, social image and its alt text, contents, canonical URL, Twitter handle, language. */
import type { KeyPath, Post } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { firstPresent, quote, valueAt } from './fields.ts';

/** Spellings of a boolean that YAML 1.2 leaves as strings but bloggers still write. */
const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '']);

/** `draft: true`, also `"true"`/`yes`/`on`; anything else unrecognised is a warning and not a draft. */
function readDraft(data: Record<string, unknown>, ctx: NormalizeContext): boolean {
  const found = firstPresent(data, FRONT_MATTER_KEYS.draft);
  if (found === undefined) return firstPresent(data, FRONT_MATTER_KEYS.publishedFlag)?.value === false;
  const { value, path } = found;
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE_WORDS.has(word)) return true;
  if (word !== undefined && FALSE_WORDS.has(word)) return false;
  ctx.report(`Invalid draft ${quote(value)}: expected true or false; the post is published`, {
    path,
    severity: 'warning',
    ruleId: 'invalid-draft',
  });
  return false;
}

/** The first non-empty string among `paths`, trimmed, with the path it came from. */
function firstString(data: Record<string, unknown>, paths: readonly KeyPath[]): { text: string; path: KeyPath } | undefined {
  for (const path of paths) {
    const value = valueAt(data, path);
    if (typeof value === 'string' && value.trim() !== '') return { text: value.trim(), path };
  }
  return undefined;
}

/** Canonical URL, only when absolute http(s): a relative one would make search engines drop the page. */
function readCanonical(data: Record<string, unknown>, ctx: NormalizeContext): string | undefined {
  const found = firstString(data, FRONT_MATTER_KEYS.canonical);
  if (!found) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(found.text);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return found.text;
  ctx.report(`Invalid canonical URL ${quote(found.text)}: expected an absolute http(s) URL; it is ignored`, {
    path: found.path,
    severity: 'warning',
    ruleId: 'invalid-url',
  });
  return undefined;
}

/** The keys of Post that come from the smaller front matter keys. */
export type OtherKeys = Pick<Post, 'draft' | 'image' | 'imageAlt' | 'showToc' | 'canonical' | 'twitterUsername' | 'lang'>;

/** Read `draft`, `image` and its alt text, `toc`, the canonical URL, `twitterUsername` and `lang`, leaving absent ones out. */
export function normalizeOtherKeys(data: Record<string, unknown>, ctx: NormalizeContext): OtherKeys {
  const result: OtherKeys = { draft: readDraft(data, ctx) };
  const image = firstString(data, FRONT_MATTER_KEYS.image);
  if (image) result.image = image.text;
  const imageAlt = firstString(data, FRONT_MATTER_KEYS.imageAlt);
  if (imageAlt) result.imageAlt = imageAlt.text;
  // Only a real boolean decides: unlike `draft`, no spelling like `"no"` is read, so the number of headings does.
  const toc = firstPresent(data, FRONT_MATTER_KEYS.toc)?.value;
  if (typeof toc === 'boolean') result.showToc = toc;
  const canonical = readCanonical(data, ctx);
  if (canonical !== undefined) result.canonical = canonical;
  const twitter = firstString(data, FRONT_MATTER_KEYS.twitterUsername);
  if (twitter) result.twitterUsername = twitter.text;
  const lang = firstString(data, FRONT_MATTER_KEYS.lang);
  if (lang) result.lang = lang.text;
  return result;
}
