/** Safe reads from untyped front matter, shared by every normaliser. */
import type { KeyPath } from '../../types.ts';

/** True for a plain key/value object (not null, not an array, not a Date). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value at `path` (`['seo', 'title']`), or undefined when any step is missing. */
export function valueAt(data: unknown, path: KeyPath): unknown {
  let current = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = Object.hasOwn(current, key) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

/** Longest value a message repeats: a 50 KB title belongs in the file, not in the terminal. */
const QUOTE_MAX = 100;

/** A value as it appears in a message: strings quoted, objects as compact JSON, both cut short and made visible. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${visible(value)}"`;
  // String() keeps `Infinity` and `NaN` readable, where JSON would print `null`.
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return `"${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()}"`;
  try {
    return visible(JSON.stringify(value) ?? String(value));
  } catch {
    // Cyclic or otherwise unprintable values still deserve a message.
    return visible(String(value));
  }
}

/**
 * Control and format characters (NUL, bidi overrides, zero-width marks) written as `\u{…}`:
 * raw, they garble or reorder the terminal line that shows them. Long text ends in `…`.
 */
function visible(text: string): string {
  const points = [...text];
  const shown = points.length > QUOTE_MAX ? `${points.slice(0, QUOTE_MAX).join('')}…` : text;
  return shown.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** Schemes a link may use; `javascript:`, `data:` and the like never reach an href. */
const SAFE_SCHEMES = /^(?:https?|mailto):/i;

/** Whether `url` is safe as a link: http(s), mailto, or a path without any scheme. */
export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  return SAFE_SCHEMES.test(trimmed) || !/^[a-z][a-z\d+.-]*:/i.test(trimmed.replace(/[\u0000-\u0020]/g, ''));
}

/** The first of `paths` holding a value (neither absent nor null), with its path: it decides, even when invalid. */
export function firstPresent(data: Record<string, unknown>, paths: readonly KeyPath[]): { value: unknown; path: KeyPath } | undefined {
  for (const path of paths) {
    const value = valueAt(data, path);
    if (value !== undefined && value !== null) return { value, path };
  }
  return undefined;
}
