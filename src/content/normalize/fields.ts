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

/** Values as messages quote them: cut short and made visible (shared by every stage, see messages.ts). */
export { quote } from '../../messages.ts';

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
