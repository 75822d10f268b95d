/** The date a post's explicit path starts with (Zola's `path = "2023/05/04/x"`, Jekyll's `/2014/01/01/x.html`). */
import type { KeyPath } from '../../types.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import { firstPresent } from './fields.ts';

/** A path beginning with a year, month and day folder. */
const LEADING_DATE = /^\/?(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/;

/** `YYYY-MM-DD` from the leading `yyyy/mm/dd/` of the post's `permalink`, `url` or `path`, with the key it came from. */
export function pathDate(data: Record<string, unknown>): { day: string; written: string; path: KeyPath } | undefined {
  const found = firstPresent(data, FRONT_MATTER_KEYS.permalink);
  if (typeof found?.value !== 'string') return undefined;
  const match = LEADING_DATE.exec(found.value.trim());
  return match ? { day: `${match[1]}-${match[2]}-${match[3]}`, written: found.value, path: found.path } : undefined;
}
