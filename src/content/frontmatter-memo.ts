/**
 * Parsed front matter remembered across builds, by the digest of the post's text: a warm build
 * then parses no YAML at all. Positions are not remembered; `locate` parses the text again the
 * first time a message needs one, which only posts with something to report do.
 */
import { digest } from '../cache/store.ts';
import type { FrontMatter } from '../types.ts';
import { frontMatterHead, parseFrontMatter, type FrontMatterResult } from './frontmatter.ts';

/** What is remembered of one post's front matter. */
export interface RememberedFrontMatter {
  format: FrontMatter['format'];
  data: Record<string, unknown>;
}

/** Remembered front matter by text digest; `used` says which entries this run needed. */
export interface FrontMatterMemo {
  entries: Map<string, RememberedFrontMatter>;
  used: Set<string>;
  added: boolean;
}

export function emptyMemo(entries: Record<string, RememberedFrontMatter> = {}): FrontMatterMemo {
  return { entries: new Map(Object.entries(entries)), used: new Set(), added: false };
}

/** parseFrontMatter, answered from `memo` when the same text was parsed before. */
export function parseRemembered(text: string, memo: FrontMatterMemo): FrontMatterResult {
  const key = digest(text);
  memo.used.add(key);
  const known = memo.entries.get(key);
  if (known) return { ok: true, frontMatter: { format: known.format, data: structuredClone(known.data), locate: lazyLocate(text) } };
  const result = parseFrontMatter(text);
  if (!result.ok) return result;
  // Only what JSON keeps exactly: TOML dates, YAML's .inf/.nan or binary would come back changed.
  if (isPlainJson(result.frontMatter.data)) {
    memo.entries.set(key, { format: result.frontMatter.format, data: result.frontMatter.data });
    memo.added = true;
  }
  // Its `locate` already keeps no YAML document and only the front matter part of the text (frontmatter.ts).
  return result;
}

/**
 * `locate` for a text whose front matter parsed before: parse it again the first time a position
 * is needed. It keeps only the front matter part of the text, so the post's text can go (see frontMatterHead).
 */
function lazyLocate(whole: string): FrontMatter['locate'] {
  const text = frontMatterHead(whole);
  let parsed: FrontMatterResult | undefined;
  return (path) => {
    parsed ??= parseFrontMatter(text);
    return parsed.ok ? parsed.frontMatter.locate(path) : undefined;
  };
}

/** The entries this run used, for the next run (entries of changed or deleted posts drop out). */
export function usedEntries(memo: FrontMatterMemo): Record<string, RememberedFrontMatter> {
  return Object.fromEntries([...memo.used].flatMap((key) => (memo.entries.has(key) ? [[key, memo.entries.get(key)!]] : [])));
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainJson);
  return false;
}
