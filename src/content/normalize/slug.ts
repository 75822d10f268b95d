/** URL slugs and tag match keys: Unicode-preserving, never empty, never a path escape. */
import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';

/** Control characters (C0, DEL, C1) can't appear in a file or folder name we write. */
const CONTROL = /\p{Cc}/gu;

/**
 * A URL slug of `text`: lower case, NFC, letters of every script kept (`日本語` stays `日本語`).
 * Never empty and never containing `/`, `\`, `..` or control characters, so it is
 * always one safe path segment.
 */
export function slugify(text: string): string {
  // Path separators split words (`a/b` → `a-b`) rather than gluing them together.
  const input = text.normalize('NFC').replace(CONTROL, '').replace(/[/\\]+/g, ' ');
  const result = slug(input)
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(/[/\\]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (result !== '') return result;
  // Pure punctuation (`!!!`) slugs to nothing; a hash keeps distinct inputs apart and stable across builds.
  const trimmed = text.trim();
  if (trimmed === '') return 'untitled';
  return `x-${createHash('sha256').update(trimmed.normalize('NFC')).digest('hex').slice(0, 8)}`;
}

/** A dot with a digit on each side: a version number (`4.2.0`, `v2.0`), which a post's URL keeps. */
const VERSION_DOT = /(?<=\d)\.(?=\d)/;

/**
 * A post's URL slug: `slugify`, except that dots between digits stay (`4.2.0` → `4.2.0`, not `420`),
 * as Hugo's and Jekyll's URLs keep them: a release post's address names its version. Tags and
 * author ids keep `slugify`, so their URLs stay as they were.
 */
export function postSlug(text: string): string {
  const parts = text.normalize('NFC').split(VERSION_DOT);
  if (parts.length === 1) return slugify(text);
  // Each side slugified on its own: the digits next to a dot survive slugging, so the dot stays between them.
  return parts
    .map((part) => slugify(part))
    .join('.')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The match key of a tag: NFKC, lower case, runs of white space, `-`, `_` and `.` folded
 * to one `-`, so `Open Source`, `open-source` and `OPEN_SOURCE` are the same tag.
 */
export function tagKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
