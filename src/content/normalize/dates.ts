/** Post dates: published and updated, from front matter, the file name, git or mtime. */
import { Temporal } from 'temporal-polyfill';
import type { KeyPath, PostDate, RawPost } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import type { NormalizeContext } from './context.ts';
import { quote, valueAt } from './fields.ts';
import { readWordedDate, type WordedDate } from './date-words.ts';
import { fileDatePrefix } from './file-name.ts';
import { pathDate } from './path-date.ts';

/**
 * The outcome of reading one date value: a date, or the sentence that says why not.
 * `read` says how a date in a form other than ISO 8601 or YAML was understood.
 */
export type DateResult = { date: PostDate; read?: string } | { error: string };

/**
 * The accepted shapes, checked before Temporal sees them because Temporal also takes
 * forms no blogger means (`20250203T10`, `2025-02-03[Europe/Paris]`). Groups: year, month,
 * day, hour, minute, second, fraction, offset. Besides ISO 8601 this is every YAML 1.1
 * timestamp (yaml.org/type/timestamp): one-digit month, day and hour once a time follows,
 * `T` or spaces/tabs before the time, any fraction, and spaces before the zone.
 */
const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d*|,\d+)?)?[ \t]*([Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** Zero-pad a one-digit field (`3` → `03`). */
function two(field: string): string {
  return field.padStart(2, '0');
}

/** `+5`, `+0530`, `+05:30`, `Z` → `+05:00`, `+05:30`, `+05:30`, `+00:00`. */
function normalizeOffset(offset: string): string {
  if (offset === 'Z' || offset === 'z') return '+00:00';
  const [, sign = '+', hours = '', minutes = '00'] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset) ?? [];
  return `${sign}${hours.padStart(2, '0')}:${minutes}`;
}

/** A calendar date: shown as written everywhere, placed at midnight in the site timezone. */
function fromPlainDate(date: Temporal.PlainDate, timeZone: string): PostDate {
  // startOfDay semantics: in a zone where midnight is skipped, the day starts at the first valid time.
  const zoned = date.toZonedDateTime({ timeZone });
  return { iso: zoned.toString({ timeZoneName: 'never' }), epochMs: zoned.epochMilliseconds, day: date.toString(), dateOnly: true };
}

/** An instant as written (`zoned` carries its own offset), shown as a day in the site timezone. */
function fromZoned(zoned: Temporal.ZonedDateTime, timeZone: string): PostDate {
  return {
    iso: zoned.toString({ timeZoneName: 'never' }),
    epochMs: zoned.epochMilliseconds,
    day: zoned.withTimeZone(timeZone).toPlainDate().toString(),
    dateOnly: false,
  };
}

/** What a string says: a calendar date, a wall-clock time, or an instant with its own offset. */
type Written = Temporal.PlainDate | Temporal.PlainDateTime | Temporal.ZonedDateTime;

/** Read one string; undefined for a wrong shape, throws (RangeError) for `2025-02-30` and the like. */
function readText(text: string): Written | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour, minute = '', second = '00', fraction = '', offset] = match;
  const date = `${year}-${two(month)}-${two(day)}`;
  if (hour === undefined) {
    // YAML 1.1 and ISO 8601 both want two-digit fields in a date without a time (`2025-1-5` is neither).
    return month.length === 2 && day.length === 2 ? Temporal.PlainDate.from(date) : undefined;
  }
  // Temporal keeps nanoseconds: nine digits at most; a bare `.` (YAML allows it) is no fraction.
  const digits = fraction.slice(1, 10);
  const local = `${date}T${two(hour)}:${minute}:${second}${digits ? `.${digits}` : ''}`;
  if (offset === undefined) return Temporal.PlainDateTime.from(local);
  const numeric = normalizeOffset(offset);
  return Temporal.Instant.from(local + numeric).toZonedDateTimeISO(numeric);
}

/** Place what was written in the site's timezone. */
function toPostDate(written: Written, timeZone: string): PostDate {
  if (written instanceof Temporal.PlainDate) return fromPlainDate(written, timeZone);
  // A wall-clock time with no offset means that time in the site's timezone.
  if (written instanceof Temporal.PlainDateTime) return fromZoned(written.toZonedDateTime(timeZone, { disambiguation: 'compatible' }), timeZone);
  return fromZoned(written, timeZone);
}

/**
 * Read a date from front matter. Strings in the accepted shapes; `Date` objects (TOML's
 * TomlDate keeps how it was written, so a date-only TOML value stays a calendar date).
 */
export function parseDate(value: unknown, timeZone: string): DateResult {
  let text: string | undefined;
  if (typeof value === 'string') text = value.trim();
  else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    // TomlDate.toISOString() gives the value as authored (`2025-02-03`, local or with its offset);
    // any other Date is a bare instant, best shown in the site's timezone.
    if (!('isLocal' in value)) return { date: instantInZone(value, timeZone) };
    text = value.toISOString();
  }
  let written: Written | undefined;
  let worded: WordedDate | undefined;
  try {
    written = text === undefined ? undefined : readText(text);
    if (!written && text !== undefined) worded = readWordedDate(text);
  } catch {
    // Out-of-range fields (month 13, 30 February): same message as any other bad shape.
  }
  if (worded && 'mismatch' in worded) return { error: `Invalid date ${quote(value)}: ${worded.mismatch}` };
  // Outside the try: a bad site timezone is a configuration error, not this post's.
  if (written) return { date: toPostDate(written, timeZone) };
  if (worded) {
    const date = toPostDate(worded.written, timeZone);
    const as = date.dateOnly ? date.day : date.iso;
    return { date, read: `Read ${quote(value)} as ${as} (${worded.form})` };
  }
  return { error: `Invalid date ${quote(value)}: expected YYYY-MM-DD or ISO 8601 date-time` };
}

/** A JS Date (git, mtime) as a PostDate in the site's timezone. */
function instantInZone(value: Date, timeZone: string): PostDate {
  return fromZoned(Temporal.Instant.fromEpochMilliseconds(value.getTime()).toZonedDateTimeISO(timeZone), timeZone);
}

/** Read the first usable date among `paths`, reporting every present but invalid one. */
function firstDate(data: Record<string, unknown>, paths: readonly KeyPath[], ctx: NormalizeContext): { date?: PostDate; failed: boolean } {
  let date: PostDate | undefined;
  let failed = false;
  for (const path of paths) {
    const value = valueAt(data, path);
    // An empty key (`date:`) is absent, not wrong.
    if (value === undefined || value === null || value === '') continue;
    // Jekyll's `published: false` (or `true`) says whether to publish, not when: see `publishedFlag`.
    if (typeof value === 'boolean' && FRONT_MATTER_KEYS.publishedFlag.some((flag) => flag.join('.') === path.join('.'))) continue;
    const result = parseDate(value, ctx.config.timezone);
    if ('error' in result) {
      ctx.report(result.error, { path, severity: 'error', ruleId: 'invalid-date' });
      failed = true;
    } else {
      // Worth a word: the post shows this date, so the author can check it was read as meant.
      if (result.read) ctx.report(result.read, { path, severity: 'info', ruleId: 'date-from-text' });
      date ??= result.date;
    }
  }
  return { date, failed };
}

/**
 * The post's dates. Published: `date` → `pubDate` → `published` → a `YYYY-MM-DD-` file-name
 * prefix → a leading `yyyy/mm/dd/` of the post's own path → the first git commit → mtime (with a warning). Invalid values are reported and
 * skipped, so the post still gets a date and the run can report every other problem too.
 */
export function normalizeDates(
  raw: RawPost,
  data: Record<string, unknown>,
  ctx: NormalizeContext,
): { published: PostDate; updated?: PostDate } {
  const timeZone = ctx.config.timezone;
  const front = firstDate(data, FRONT_MATTER_KEYS.published, ctx);
  let published = front.date;
  if (!published) {
    const prefix = fileDatePrefix(raw.relPath);
    // An impossible prefix (`2025-13-45-x.md`) is just part of the name, not a date.
    const fromName = prefix === undefined ? undefined : parseDate(prefix, timeZone);
    if (fromName && 'date' in fromName) published = fromName.date;
  }
  if (!published) {
    const fromPath = pathDate(data);
    // An impossible one (`2025/13/45/`) is just folder names.
    const parsed = fromPath && parseDate(fromPath.day, timeZone);
    if (fromPath && parsed && 'date' in parsed) {
      published = parsed.date;
      // Worth a word: a folder name became the post's date.
      if (!front.failed) {
        ctx.report(`No date in front matter; using ${parsed.date.day} from ${fromPath.path.join('.')} ${quote(fromPath.written)}`, { path: fromPath.path, severity: 'info', ruleId: 'date-from-path' });
      }
    }
  }
  if (!published && raw.gitDate) {
    published = instantInZone(raw.gitDate, timeZone);
    // A history-derived date changes when the file is moved or squashed: worth a nudge.
    if (!front.failed) {
      ctx.report(`No date in front matter; using the file's first git commit (${published.day})`, { severity: 'warning', ruleId: 'date-from-git' });
    }
  }
  if (!published) {
    // When a date was written but is invalid, that error already says what to fix.
    if (!front.failed) {
      ctx.report("No date in front matter; using the file's modification time", { severity: 'warning', ruleId: 'date-from-mtime' });
    }
    published = instantInZone(raw.mtime, timeZone);
  }
  const updated = firstDate(data, FRONT_MATTER_KEYS.updated, ctx).date;
  return updated ? { published, updated } : { published };
}

/** Whether the post is dated after `now` (hidden unless `--future`). */
export function isFuture(date: PostDate, now: Date): boolean {
  return date.epochMs > now.getTime();
}
