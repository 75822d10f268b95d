/** Parse `content/authors.yml` and `content/tags.yml` into entries by id. */
import type { VFile } from 'vfile';
import { isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { location } from 'vfile-location';
import { addMessage } from '../messages.ts';
import { isSafeLinkUrl } from './normalize/fields.ts';
import { AUTHOR_OBJECT_KEYS } from './keys.ts';
import { YAML_OPTIONS, yamlData } from './yaml-data.ts';
import type { AuthorEntry, KeyPath, TagEntry } from '../types.ts';
import type { FieldMessage, NormalizeContext } from './normalize/context.ts';
import { withoutControls } from './normalize/control-chars.ts';

type Entry = Record<string, unknown>;

/** Parse a registry file into its top-level entries, reporting syntax errors on the file. */
function parseRegistry(file: VFile): Map<string, Entry> {
  const text = String(file.value);
  // Read as post front matter is: the same options, and the same bound on aliases (yaml-data.ts).
  const doc = parseDocument(text, YAML_OPTIONS);
  const place = location(text);
  for (const error of doc.errors) {
    addMessage(file, `Invalid YAML: ${error.message.split('\n')[0]}`, { place: place.toPoint(error.pos[0]), ruleId: 'registry-syntax', severity: 'error' });
  }
  if (doc.errors.length > 0) return new Map();
  const converted = yamlData(doc);
  if (!converted.ok) {
    addMessage(file, `Invalid YAML: ${converted.reason}`, { place: place.toPoint(converted.offset), ruleId: 'registry-syntax', severity: 'error' });
    return new Map();
  }
  const data: unknown = converted.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    addMessage(file, 'Expected a mapping of ids to entries', { place: { line: 1, column: 1 }, ruleId: 'registry-syntax', severity: 'error' });
    return new Map();
  }
  const entries = new Map<string, Entry>();
  const keyPlace = (id: string) => {
    const offset = yamlKeyOffset(doc, id);
    return offset === undefined ? { line: 1, column: 1 } : place.toPoint(offset);
  };
  // A value's own place, else its entry's (a value merged in with `<<` is not where getIn looks).
  const report = (reason: string, { path, severity, ruleId }: FieldMessage) => {
    const node: unknown = path ? doc.getIn(path, true) : undefined;
    const offset = isNode(node) ? node.range?.[0] : undefined;
    addMessage(file, reason, { place: offset === undefined ? keyPlace(String(path?.[0])) : place.toPoint(offset), ruleId, severity });
  };
  for (const [id, value] of Object.entries(data as Entry)) {
    // Ids become folder names (`authors/<id>/`): one clean segment, nothing that climbs out.
    if (id.trim() === '' || /[/\\\p{Cc}]/u.test(id) || id === '.' || id === '..') {
      addMessage(file, `Id ${JSON.stringify(id)} cannot be a folder name: use letters, digits and dashes`, { place: keyPlace(id), ruleId: 'invalid-id', severity: 'error' });
      continue;
    }
    const cleaned = withoutControlsIn(value, [id], report);
    // Every spelling of a link is checked, so `image_url` (Docusaurus) is as safe as `avatar`.
    for (const key of [...AUTHOR_OBJECT_KEYS.url, ...AUTHOR_OBJECT_KEYS.avatar]) {
      const url = typeof cleaned === 'object' && cleaned !== null ? (cleaned as Entry)[key] : undefined;
      if (typeof url === 'string' && !isSafeLinkUrl(url)) {
        addMessage(file, `Unsafe ${key} ${JSON.stringify(url)} for ${JSON.stringify(id)}: only http(s), mailto or a path; it is ignored`, {
          place: keyPlace(id),
          ruleId: 'invalid-url',
          severity: 'warning',
        });
        delete (cleaned as Entry)[key];
      }
    }
    // `gerrit: Gerrit Ahlers` is accepted as shorthand for `{ name: ... }` / `{ label: ... }`.
    entries.set(id, typeof cleaned === 'object' && cleaned !== null ? (cleaned as Entry) : { name: cleaned, label: cleaned });
  }
  return entries;
}

/**
 * `value` with control characters removed from every string in it (an entry, its lists, its
 * `socials`), each removal a `control-chars` warning at the string: names, bios, labels and
 * descriptions are written into every page that shows them, where HTML and feeds allow none.
 */
function withoutControlsIn(value: unknown, path: KeyPath, report: NormalizeContext['report']): unknown {
  if (typeof value === 'string') {
    // `bio`, `socials.x`, `aliases`; the shorthand `gerrit: Gerrit Ahlers` is a name.
    const field = path.filter((segment) => typeof segment === 'string').slice(1).join('.') || 'name';
    return withoutControls(value, path, field, { report });
  }
  // An entry's strings are two levels down at most (`socials: { x: handle }`, `aliases: [..]`); deeper data is not shown.
  if (typeof value !== 'object' || value === null || path.length > 2) return value;
  if (Array.isArray(value)) return value.map((item, index) => withoutControlsIn(item, [...path, index], report));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutControlsIn(item, [...path, key], report)]));
}

/** Offset of a top-level key in a registry document. */
function yamlKeyOffset(doc: Document, id: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === id);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

/** Keep only string items of a list (or one string). */
function stringList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The first non-empty string among `keys` of an entry. */
function firstString(entry: Entry, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = optionalString(entry[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Docusaurus `socials: { x: handle, newsletter: url }`: kept as data, string (or number) values only. */
function socialsMap(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const socials = Object.entries(value as Entry)
    .filter((pair): pair is [string, string | number] => typeof pair[1] === 'number' || (typeof pair[1] === 'string' && pair[1].trim() !== ''))
    .map(([network, handle]) => [network, String(handle).trim()] as const);
  return socials.length > 0 ? Object.fromEntries(socials) : undefined;
}

/**
 * `authors.yml`: `key: { name, url?, email?, avatar?, bio?, aliases? }`, and the spellings of
 * Docusaurus (`image_url`, `title` as the role, `socials`, `page`) and Hugo/Jekyll data files
 * (`website`). Docusaurus's `title` is a job title, not a name: shown as the bio when there is none.
 */
export function parseAuthors(file: VFile): Map<string, AuthorEntry> {
  const authors = new Map<string, AuthorEntry>();
  for (const [id, entry] of parseRegistry(file)) {
    const socials = socialsMap(entry.socials);
    authors.set(id, {
      id,
      name: optionalString(entry.name) ?? id,
      url: firstString(entry, AUTHOR_OBJECT_KEYS.url),
      email: firstString(entry, AUTHOR_OBJECT_KEYS.email),
      avatar: firstString(entry, AUTHOR_OBJECT_KEYS.avatar),
      bio: optionalString(entry.bio) ?? optionalString(entry.title),
      ...(socials ? { socials } : {}),
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
