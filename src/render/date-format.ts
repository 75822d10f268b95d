/** Reader-facing date formatting: a calendar day shown as written, never shifted by a time zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached long-date formatter; an unusable language tag falls back to `en`. */
function longFormatter(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      formatter = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    formatters.set(language, formatter);
  }
  return formatter;
}

/**
 * Format a `YYYY-MM-DD` calendar day as a long date (`en-GB`: `3 February 2025`).
 * The day is placed at UTC midnight and formatted in UTC, so it is the same day in every zone.
 * Anything that is not a calendar day is returned unchanged.
 */
export function formatLongDate(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const utc = new Date(0);
  // setUTCFullYear keeps years below 100 literal (Date.UTC would map 25 to 1925).
  utc.setUTCFullYear(Number(year), Number(month) - 1, Number(date));
  return longFormatter(language).format(utc);
}
