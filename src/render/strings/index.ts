/**
 * The theme's UI strings per language (`site.t` and `t` in templates), chosen by config `language`
 * (`de-CH` → `de`; a language without a table → English) and overridden one by one by config `strings`.
 * Placeholders such as `{n}` are filled in templates with Liquid's `replace` filter.
 */
import { de } from './de.ts';
import { en, type StringKey, type Strings } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { pt } from './pt.ts';
import { zh } from './zh.ts';

export type { StringKey, Strings } from './en.ts';

/** Every table, by primary language subtag. */
export const STRING_TABLES: Readonly<Record<string, Strings>> = { en, de, fr, es, pt, ja, zh };

/** The keys a config `strings` override may name. */
export const STRING_KEYS = Object.keys(en) as StringKey[];

/** Whether `key` names a UI string. */
export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/**
 * The table for a language tag. `zh` is Simplified Chinese: a tag in Traditional script
 * (`zh-Hant`, or `zh-TW`/`zh-HK`/`zh-MO` without a script) gets English rather than characters its readers do not write.
 */
function tableFor(language: string): Strings {
  const [primary = 'en', ...rest] = language.toLowerCase().split(/[-_]/);
  if (primary === 'zh' && !rest.includes('hans') && (rest.includes('hant') || rest.some((tag) => ['tw', 'hk', 'mo'].includes(tag)))) return en;
  return STRING_TABLES[primary] ?? en;
}

/**
 * A site's own text for `key`, given the spacing and placeholder the templates expect of it:
 * `by: 'von'` (written before bylines took `{names}`) reads `von {names}`, `and: 'sowie'` ` sowie `
 * where the table's `and` is spaced.
 */
function fitted(text: string, own: string): string {
  let fit = own.includes('{names}') && !text.includes('{names}') ? `${text.trimEnd()} {names}` : text;
  if (/^\s/.test(own) && !/^\s/.test(fit)) fit = ` ${fit}`;
  if (/\s$/.test(own) && !/\s$/.test(fit)) fit = `${fit} `;
  return fit;
}

/** The table for a BCP 47 language tag, with the site's own overrides on top. */
export function stringsFor(language: string, overrides: Readonly<Partial<Strings>> = {}): Strings {
  const table = tableFor(language);
  const own = Object.entries(overrides).map(([key, text]) => [key, fitted(text, table[key as StringKey])]);
  return { ...table, ...Object.fromEntries(own) };
}

/** A UI string with its `{placeholders}` filled. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
