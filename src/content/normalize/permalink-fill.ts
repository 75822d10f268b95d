/** The config's `permalink` pattern filled in for one post (the tokens are listed in permalink-pattern.ts). */
import { Temporal } from 'temporal-polyfill';
import type { PostDate } from '../../types.ts';
import { TOKEN, type PatternToken } from './permalink-pattern.ts';

/** What a post gives the tokens. */
export interface PatternValues {
  published: PostDate;
  timeZone: string;
  /** The post's slug: `slug` from front matter, else the file name (Jekyll's `:slug`). */
  slug: string;
  /** `slug` from front matter as written, else the undated file name (Jekyll's `:title` before slugging). */
  titleSource: string;
  /** The file name (a page bundle's folder name), date prefix kept, slugified: Hugo's content base name. */
  fileName: string;
  /** `slug` from front matter, slugified, when there is one (Hugo's `:slugorfilename`). */
  explicitSlug?: string;
  /** Jekyll's categories: lower case, each once, in order. */
  categories: readonly string[];
  /** Folders to put in front of the post's name (`2019`), for posts whose file names collide (see Post.folderPath). */
  folders?: string;
}

/** A name token's value, with the folders in front when asked for. */
function named(values: PatternValues, name: string): string {
  return values.folders ? `${values.folders}/${name}` : name;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A calendar day of the post (its `day`, in the site's timezone). */
function dayOf(values: PatternValues): Temporal.PlainDate {
  return Temporal.PlainDate.from(values.published.day);
}

/** The wall-clock time of the post in the site's timezone; midnight for a date without a time. */
function timeOf(values: PatternValues): Temporal.PlainTime {
  if (values.published.dateOnly) return new Temporal.PlainTime();
  return Temporal.Instant.fromEpochMilliseconds(values.published.epochMs).toZonedDateTimeISO(values.timeZone).toPlainTime();
}

/**
 * Jekyll's `pretty` slug with case kept, as its `:title` is made: every run of characters other
 * than letters, marks, digits and `._~!$&'()+,;=@` becomes one `-`, and none leads or trails.
 */
export function jekyllTitle(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every token, with how a post fills it. Jekyll's names first, then Hugo's. */
const TOKENS: Readonly<Record<PatternToken, (values: PatternValues) => string>> = {
  year: (v) => String(dayOf(v).year),
  short_year: (v) => two(dayOf(v).year % 100),
  month: (v) => two(dayOf(v).month),
  i_month: (v) => String(dayOf(v).month),
  day: (v) => two(dayOf(v).day),
  i_day: (v) => String(dayOf(v).day),
  y_day: (v) => String(dayOf(v).dayOfYear).padStart(3, '0'),
  hour: (v) => two(timeOf(v).hour),
  minute: (v) => two(timeOf(v).minute),
  second: (v) => two(timeOf(v).second),
  slug: (v) => named(v, v.slug),
  title: (v) => named(v, jekyllTitle(v.titleSource) || v.slug),
  // Jekyll drops the empty segment a post without categories leaves (`/:categories/x/` → `/x/`).
  categories: (v) => v.categories.join('/'),
  output_ext: () => '.html',
  // Hugo: every post lives in content/posts/, the section `posts`.
  section: () => 'posts',
  filename: (v) => named(v, v.fileName),
  contentbasename: (v) => named(v, v.fileName),
  slugorfilename: (v) => named(v, v.explicitSlug ?? v.fileName),
  slugorcontentbasename: (v) => named(v, v.explicitSlug ?? v.fileName),
};

/** The pattern filled in for one post; the result is a written path, to be checked like a front matter `permalink`. */
export function fillPermalink(pattern: string, values: PatternValues): string {
  return pattern.replace(TOKEN, (_, name: string) => TOKENS[name as PatternToken](values));
}
