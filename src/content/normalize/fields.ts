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

/** A value as it appears in a message: strings quoted, objects as compact JSON. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  // String() keeps `Infinity` and `NaN` readable, where JSON would print `null`.
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return `"${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()}"`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Cyclic or otherwise unprintable values still deserve a message.
    return String(value);
  }
}

/** Schemes a link may use; `javascript:`, `data:` and the like never reach an href. */
const SAFE_SCHEMES = /^(?:https?|mailto):/i;

/** Whether `url` is safe as a link: http(s), mailto, or a path without any scheme. */
export function isSafeLinkUrl(url: string): boolean {
  const trimmed = url.trim();
  return SAFE_SCHEMES.test(trimmed) || !/^[a-z][a-z\d+.-]*:/i.test(trimmed.replace(/[\u0000-\u0020]/g, ''));
}
