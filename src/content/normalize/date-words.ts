/** Dates written with English month names: `Jul 08 2022`, `8 July 2022`, RFC 2822. */
import { Temporal } from 'temporal-polyfill';

/** What a worded date says, and the name of the form it was read in (for the info message). */
export type WordedDate =
  | { written: Temporal.PlainDate | Temporal.ZonedDateTime; form: string }
  /** The weekday written contradicts the date: which one was meant cannot be known. */
  | { mismatch: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Full name or three-letter abbreviation (and `Sept`) → 1–12, else 0. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTHS.findIndex((month) => month === lower || (lower.length === 3 && month.startsWith(lower)));
  return index + 1;
}

/** Full name or three-letter abbreviation → 1 (Monday) to 7, else 0. */
function weekdayNumber(name: string): number {
  const lower = name.toLowerCase();
  return WEEKDAYS.findIndex((day) => day === lower || (lower.length === 3 && day.startsWith(lower))) + 1;
}

const WEEKDAY = String.raw`(?:([a-z]+),?\s+)?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH = String.raw`([a-z]+)\.?`;

/** `Jul 08 2022`, `July 8, 2022`, `Fri, Jul 8th, 2022`. */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+${DAY},?\s+(\d{4})$`, 'i');
/** `8 July 2022`, `08 Jul. 2022`, `Friday, 8 July 2022`. */
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}${DAY}\s+${MONTH},?\s+(\d{4})$`, 'i');
/** RFC 2822 (mail, RSS): `Fri, 08 Jul 2022 10:00:00 +0200`; the zone is required there. */
const RFC_2822 = /^(?:([a-z]{3}),\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|UT|GMT|[ECMP][SD]T)$/i;

/** RFC 2822's obsolete zone names, the ones still seen in feeds. */
const ZONES: Record<string, string> = {
  UT: '+00:00', GMT: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

/** `+0200` or `GMT` → `+02:00`. */
function rfcOffset(zone: string): string {
  const upper = zone.toUpperCase();
  return ZONES[upper] ?? `${upper.slice(0, 3)}:${upper.slice(3)}`;
}

/** The calendar date, or undefined when a name is no month; throws (RangeError) for 30 February. */
function calendarDate(year: string, monthName: string, day: string): Temporal.PlainDate | undefined {
  const month = monthNumber(monthName);
  if (month === 0) return undefined;
  return Temporal.PlainDate.from({ year: Number(year), month, day: Number(day) }, { overflow: 'reject' });
}

/** A mismatch when `weekday` is written and is not the date's; undefined when it fits or is absent. */
function checkWeekday(weekday: string | undefined, date: Temporal.PlainDate): string | undefined {
  if (weekday === undefined) return undefined;
  const written = weekdayNumber(weekday);
  if (written === date.dayOfWeek) return undefined;
  const actual = WEEKDAYS[date.dayOfWeek - 1] ?? '';
  const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
  if (written === 0) return `"${weekday}" is no weekday`;
  return `${date.toString()} is a ${capital(actual)}, not a ${capital(WEEKDAYS[written - 1] ?? '')}`;
}

/**
 * Read a date written with a month name. Undefined for any other shape; throws (RangeError)
 * for impossible fields (`Feb 30 2022`, hour 25, offset +2500). Numeric forms such as
 * `03/04/2022` are never read: day-first or month-first cannot be told apart.
 */
export function readWordedDate(text: string): WordedDate | undefined {
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const [, weekday, day = '', month = '', year = '', hour = '', minute = '', second = '00', zone = ''] = rfc;
    const date = calendarDate(year, month, day);
    if (!date) return undefined;
    const mismatch = checkWeekday(weekday, date);
    if (mismatch) return { mismatch };
    const offset = rfcOffset(zone);
    const written = Temporal.Instant.from(`${date.toString()}T${hour}:${minute}:${second}${offset}`).toZonedDateTimeISO(offset);
    return { written, form: 'RFC 2822 date-time' };
  }
  const monthFirst = MONTH_FIRST.exec(text);
  const dayFirst = monthFirst ? undefined : DAY_FIRST.exec(text);
  let parts: [string | undefined, string, string, string] | undefined;
  if (monthFirst) parts = [monthFirst[1], monthFirst[4] ?? '', monthFirst[2] ?? '', monthFirst[3] ?? ''];
  else if (dayFirst) parts = [dayFirst[1], dayFirst[4] ?? '', dayFirst[3] ?? '', dayFirst[2] ?? ''];
  if (!parts) return undefined;
  const [weekday, year, month, day] = parts;
  const date = calendarDate(year, month, day);
  if (!date) return undefined;
  const mismatch = checkWeekday(weekday, date);
  return mismatch ? { mismatch } : { written: date, form: 'month-name date' };
}
