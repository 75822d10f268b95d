/** Parse `content/authors.yml` and `content/tags.yml` into entries by id. */
import type { VFile } from 'vfile';
import { parseDocument } from 'yaml';
import { location } from 'vfile-location';
import { addMessage } from '../messages.ts';
import type { AuthorEntry, TagEntry } from '../types.ts';

type Entry = Record<string, unknown>;

/** Parse a registry file into its top-level entries, reporting syntax errors on the file. */
function parseRegistry(file: VFile): Map<string, Entry> {
  const text = String(file.value);
  const doc = parseDocument(text, { uniqueKeys: true });
  const place = location(text);
  for (const error of doc.errors) {
    addMessage(file, `Invalid YAML: ${error.message.split('\n')[0]}`, { place: place.toPoint(error.pos[0]), ruleId: 'registry-syntax', severity: 'error' });
  }
  if (doc.errors.length > 0) return new Map();
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    addMessage(file, 'Expected a mapping of ids to entries', { place: { line: 1, column: 1 }, ruleId: 'registry-syntax', severity: 'error' });
    return new Map();
  }
  const entries = new Map<string, Entry>();
  for (const [id, value] of Object.entries(data as Entry)) {
    // `gerrit: Gerrit Ahlers` is accepted as shorthand for `{ name: ... }` / `{ label: ... }`.
    entries.set(id, typeof value === 'object' && value !== null ? (value as Entry) : { name: value, label: value });
  }
  return entries;
}

/** Keep only string items of a list (or one string). */
function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `authors.yml`: `key: { name, url?, email?, avatar?, bio?, aliases? }`. */
export function parseAuthors(file: VFile): Map<string, AuthorEntry> {
  const authors = new Map<string, AuthorEntry>();
  for (const [id, entry] of parseRegistry(file)) {
    authors.set(id, {
      id,
      name: optionalString(entry.name) ?? id,
      url: optionalString(entry.url),
      email: optionalString(entry.email),
      avatar: optionalString(entry.avatar),
      bio: optionalString(entry.bio),
      aliases: stringList(entry.aliases),
    });
  }
  return authors;
}

/** `tags.yml`: `key: { label?, description?, aliases? }`. */
export function parseTags(file: VFile): Map<string, TagEntry> {
  const tags = new Map<string, TagEntry>();
  for (const [id, entry] of parseRegistry(file)) {
    tags.set(id, { id, label: optionalString(entry.label), description: optionalString(entry.description), aliases: stringList(entry.aliases) });
  }
  return tags;
}
