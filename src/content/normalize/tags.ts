/** Post tags from `tags`, `categories` and `category`, resolved against tags.yml. */
import type { KeyPath, TagEntry, TagRef } from '../../types.ts';
import { FRONT_MATTER_KEYS, TAG_OBJECT_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { withoutControls } from './control-chars.ts';
import { isRecord, quote, valueAt } from './fields.ts';
import { segmentProblem, SEGMENT_RULE } from './segment-length.ts';
import { slugify, tagKey } from './slug.ts';

/** Tags Eleventy blogs use as collections, not topics: eleventy-base-blog's `filterTagList` hides them. */
const ELEVENTY_COLLECTIONS = new Set(['all', 'nav', 'post', 'posts']);

/** tagKey of every tags.yml id and alias → tagKey of the id, so aliases land on their tag. */
function aliasIndex(entries: ReadonlyMap<string, TagEntry>): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of entries.values()) index.set(tagKey(entry.id), tagKey(entry.id));
  // Ids first, so an alias can never take over another tag's id.
  for (const entry of entries.values()) {
    for (const alias of entry.aliases) {
      const key = tagKey(alias);
      if (!index.has(key)) index.set(key, tagKey(entry.id));
    }
  }
  return index;
}

/** The text of one list item: strings and numbers as written; CMS objects by label, name, value. */
function itemText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (!isRecord(value)) return undefined;
  for (const key of TAG_OBJECT_KEYS) {
    const field = value[key];
    if (typeof field === 'string' && field.trim() !== '') return field;
    if (typeof field === 'number' && Number.isFinite(field)) return String(field);
  }
  return undefined;
}

/**
 * The post's tags in the order written, one per key (`Open Source` and `open-source`
 * are one tag); `key` is the tags.yml id when the spelling matches an id or an alias.
 */
export function normalizeTags(data: Record<string, unknown>, ctx: NormalizeContext): TagRef[] {
  const index = aliasIndex(ctx.tags);
  const tags: TagRef[] = [];

  const add = (text: string, path: KeyPath): void => {
    const spelling = withoutControls(text, path, 'tag', ctx).normalize('NFC').trim();
    if (spelling === '') return;
    const own = tagKey(spelling);
    if (own === '') {
      ctx.report(`Invalid tag ${quote(spelling)}: a tag needs a letter or a digit`, { path, severity: 'warning', ruleId: 'invalid-tag' });
      return;
    }
    const key = index.get(own) ?? own;
    if (tags.some((tag) => tag.key === key)) return;
    // Its page is `tags/<slug>/` (site/model.ts): a name too long for a folder is left out, with an error here.
    const problem = segmentProblem(`Tag ${quote(spelling)}`, slugify(key));
    if (problem) ctx.report(`${problem}: shorten the tag`, { path, severity: 'error', ruleId: SEGMENT_RULE });
    else tags.push({ key, spelling });
  };

  const addItem = (value: unknown, path: KeyPath): void => {
    if (value === undefined || value === null) return;
    const text = itemText(value);
    if (text === undefined) {
      ctx.report(`Invalid tag ${quote(value)}: expected text, or an object with a label`, { path, severity: 'warning', ruleId: 'invalid-tag' });
    } else add(text, path);
  };

  const from = ctx.config.migratedFrom;
  for (const path of FRONT_MATTER_KEYS.tags) {
    const value = valueAt(data, path);
    if (Array.isArray(value)) value.forEach((item, i) => addItem(item, [...path, i]));
    // A single string may be a comma-separated list (`tags: a, b`), as in WordPress exports; Jekyll
    // splits one on spaces (`tags: ruby testing` is two tags), which elsewhere would split `open source`.
    else if (typeof value === 'string') for (const part of value.split(from === 'jekyll' && !value.includes(',') ? /\s+/ : ',')) add(part, path);
    else addItem(value, path);
  }
  // Eleventy's tags are also its collections: the starter blogs file every post under `posts` and never show it.
  return from === 'eleventy' ? tags.filter((tag) => !ELEVENTY_COLLECTIONS.has(tag.key)) : tags;
}
