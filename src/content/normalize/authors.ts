/** Post authors: every shape blogs use, resolved against authors.yml. */
import type { Author, AuthorEntry, KeyPath } from '../../types.ts';
import { AUTHOR_OBJECT_KEYS, FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { withoutControls } from './control-chars.ts';
import { isRecord, isSafeLinkUrl, quote, valueAt } from './fields.ts';
import { segmentProblem, SEGMENT_RULE } from './segment-length.ts';
import { slugify } from './slug.ts';

/** What an unregistered author looks like when it is a registry key, not a person's name. */
const BARE_KEY = /^[a-z0-9][a-z0-9_-]*$/;

const INVALID = 'expected a name, a key of authors.yml, or an object with a name';

/** `[Jane Doe](https://jane.example)` or `<a href="https://jane.example">Jane Doe</a>`, as exports from other tools write an author. */
const LINKED_NAME = [/^\[([^\]]+)\]\(\s*<?([^()\s<>]+)>?\s*\)$/, /^<a\s+href\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>([^<]+)<\/a>$/i] as const;

/** The name and URL of an author written as a Markdown or HTML link, else undefined. */
function linkedName(text: string): { name: string; url: string } | undefined {
  const markdown = LINKED_NAME[0].exec(text);
  if (markdown) return { name: markdown[1]!.trim(), url: markdown[2]! };
  const html = LINKED_NAME[1].exec(text);
  if (html) return { name: html[3]!.trim(), url: (html[1] ?? html[2])!.trim() };
  return undefined;
}

/** The public fields of a registry entry (aliases are for matching only). */
function fromEntry(entry: AuthorEntry): Author {
  const { aliases: _aliases, ...author } = entry;
  return author;
}

/** Registry entries by lower-cased id, alias and name: ids win over aliases, aliases over names. */
function registryIndex(entries: ReadonlyMap<string, AuthorEntry>): Map<string, AuthorEntry> {
  const index = new Map<string, AuthorEntry>();
  const add = (key: string, entry: AuthorEntry): void => {
    const folded = key.normalize('NFC').trim().toLowerCase();
    if (folded !== '' && !index.has(folded)) index.set(folded, entry);
  };
  for (const entry of entries.values()) add(entry.id, entry);
  for (const entry of entries.values()) for (const alias of entry.aliases) add(alias, entry);
  for (const entry of entries.values()) add(entry.name, entry);
  return index;
}

/** First string among `keys` of `object`, trimmed, empty treated as absent. */
function pick(object: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Turns front matter values into authors, collecting messages on the way. */
class AuthorReader {
  readonly authors: Author[] = [];
  private readonly index: Map<string, AuthorEntry>;

  constructor(private readonly ctx: NormalizeContext, private readonly warnUnknown: boolean) {
    this.index = registryIndex(ctx.authors);
  }

  /** Read one top-level value (`authors:` or `author:`); lists are read item by item. */
  readValue(value: unknown, path: KeyPath, splitCommas: boolean): void {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.readItem(item, [...path, index]));
    } else if (typeof value === 'string' && splitCommas && !linkedName(value.trim())) {
      // `[Doe, Jane](url)` is one linked name, not two.
      for (const part of value.split(',')) this.readName(part, path);
    } else this.readItem(value, path);
  }

  private readItem(value: unknown, path: KeyPath): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') this.readName(value, path);
    else if (isRecord(value)) this.readObject(value, path);
    else this.ctx.report(`Invalid author ${quote(value)}: ${INVALID}`, { path, severity: 'error', ruleId: 'invalid-author' });
  }

  private readName(text: string, path: KeyPath): void {
    const name = withoutControls(text, path, 'author', this.ctx).normalize('NFC').trim();
    if (name === '') return;
    const link = linkedName(name);
    if (link && link.name !== '') return this.readLink(name, link, path);
    const entry = this.index.get(name.toLowerCase());
    if (entry) return this.add(fromEntry(entry), path);
    if (this.warnUnknown && BARE_KEY.test(name)) {
      // `gerit` is far more likely a mistyped key than someone's whole name.
      this.ctx.report(`Unknown author ${quote(name)}: not a key of authors.yml; using it as a name`, {
        path,
        severity: 'warning',
        ruleId: 'unknown-author',
      });
    }
    this.add({ id: slugify(name), name }, path);
  }

  /** A name written as a link: the text is the name (and the id), the target its URL. */
  private readLink(text: string, link: { name: string; url: string }, path: KeyPath): void {
    const entry = this.index.get(link.name.toLowerCase());
    const author: Author = entry ? fromEntry(entry) : { id: slugify(link.name), name: link.name };
    if (isSafeLinkUrl(link.url)) {
      author.url = link.url;
      this.ctx.report(`Author ${quote(text)} is a link: read as name ${quote(link.name)} with url ${quote(link.url)}`, { path, severity: 'info', ruleId: 'author-link' });
    } else {
      this.ctx.report(`Unsafe author url ${quote(link.url)}: only http(s), mailto or a path; it is ignored`, { path, severity: 'warning', ruleId: 'invalid-url' });
    }
    this.add(author, path);
  }

  private readObject(object: Record<string, unknown>, path: KeyPath): void {
    const picked = pick(object, AUTHOR_OBJECT_KEYS.name);
    const name = picked === undefined ? undefined : withoutControls(picked, path, 'author', this.ctx).normalize('NFC').trim();
    if (name === undefined || name === '') {
      this.ctx.report(`Author ${quote(object)} has no name: add name: "Full Name"`, { path, severity: 'error', ruleId: 'invalid-author' });
      return;
    }
    const entry = this.index.get(name.toLowerCase());
    const author: Author = entry ? fromEntry(entry) : { id: slugify(name), name };
    // What the post says explicitly wins over the registry, as with any front matter override.
    const url = pick(object, AUTHOR_OBJECT_KEYS.url);
    const email = pick(object, AUTHOR_OBJECT_KEYS.email);
    const avatar = pick(object, AUTHOR_OBJECT_KEYS.avatar);
    for (const [key, value] of [['url', url], ['avatar', avatar]] as const) {
      if (value === undefined) continue;
      if (isSafeLinkUrl(value)) author[key] = value;
      else this.ctx.report(`Unsafe author ${key} ${quote(value)}: only http(s), mailto or a path; it is ignored`, { path, severity: 'warning', ruleId: 'invalid-url' });
    }
    if (email !== undefined) author.email = email;
    this.add(author, path);
  }

  private add(author: Author, path: KeyPath): void {
    if (this.authors.some((known) => known.id === author.id)) return;
    // Their page is `authors/<id>/`: an id too long for a folder is left out, with an error here.
    const problem = segmentProblem(`Author ${quote(author.name)}`, author.id);
    if (problem) this.ctx.report(`${problem}: shorten the name, or use a key of authors.yml`, { path, severity: 'error', ruleId: SEGMENT_RULE });
    else this.authors.push(author);
  }
}

/**
 * The post's authors from `authors` then `author` (FRONT_MATTER_KEYS.authors), in order and
 * without duplicates; the site's default author when the post names none.
 */
export function normalizeAuthors(data: Record<string, unknown>, ctx: NormalizeContext): Author[] {
  const reader = new AuthorReader(ctx, true);
  // Only the plural key, the first, splits on commas: `author: "Doe, Jane"` is one person.
  FRONT_MATTER_KEYS.authors.forEach((path, index) => reader.readValue(valueAt(data, path), path, index === 0));
  if (reader.authors.length > 0 || ctx.config.author === undefined) return reader.authors;
  // The default comes from site config, so an unregistered one is a name, not a typo.
  const fallback = new AuthorReader(ctx, false);
  fallback.readValue(ctx.config.author, [], false);
  return fallback.authors;
}
