import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { isFuture, normalizeDates, parseDate } from '../../src/content/normalize/dates.ts';
import type { PostDate } from '../../src/types.ts';
import { makeContext, makeRaw } from './context.ts';

/** The PostDate of an instant written as `iso` (with its offset), shown as `day`. */
function instant(iso: string, day: string): PostDate {
  return { iso, epochMs: Date.parse(iso), day, dateOnly: false };
}

/** The PostDate of a calendar date at midnight `iso`. */
function calendar(iso: string): PostDate {
  return { iso, epochMs: Date.parse(iso), day: iso.slice(0, 10), dateOnly: true };
}

/** Parse a value, failing the test if it is not a date. */
function parsed(value: unknown, timeZone = 'UTC'): PostDate {
  const result = parseDate(value, timeZone);
  if (!('date' in result)) throw new Error(`expected a date, got: ${result.error}`);
  return result.date;
}

describe('parseDate', () => {
  describe('valid: ISO 8601 and YAML timestamps', () => {
    it.each([
      ['2025-02-03T10:00:00+02:00', instant('2025-02-03T10:00:00+02:00', '2025-02-03')],
      ['2026-02-23T10:00:00.000Z', instant('2026-02-23T10:00:00+00:00', '2026-02-23')],
      ['2020-02-26T20:10:38Z', instant('2020-02-26T20:10:38+00:00', '2020-02-26')],
      ['2025-02-03T10:00:00.250-03:30', instant('2025-02-03T10:00:00.25-03:30', '2025-02-03')],
      ['2025-02-03T10:00Z', instant('2025-02-03T10:00:00+00:00', '2025-02-03')],
      ['2025-02-03 10:00:00+02:00', instant('2025-02-03T10:00:00+02:00', '2025-02-03')],
      ['2025-02-03', calendar('2025-02-03T00:00:00+00:00')],
    ])('%j', (value, expected) => {
      expect(parseDate(value, 'UTC')).toEqual({ date: expected });
    });
  });

  describe('valid: every YAML 1.1 timestamp form (yaml.org/type/timestamp)', () => {
    it.each([
      ['2015-11-3 10:30:00', instant('2015-11-03T10:30:00+00:00', '2015-11-03')],
      ['2019-07-02 0:00:00', instant('2019-07-02T00:00:00+00:00', '2019-07-02')],
      ['2019-7-2T9:05:00Z', instant('2019-07-02T09:05:00+00:00', '2019-07-02')],
      ['2001-12-15 2:59:43.10', instant('2001-12-15T02:59:43.1+00:00', '2001-12-15')],
      ['2001-12-14t21:59:43.10-05:00', instant('2001-12-14T21:59:43.1-05:00', '2001-12-15')],
      ['2001-12-14\t21:59:43.10\t-5', instant('2001-12-14T21:59:43.1-05:00', '2001-12-15')],
      ['2001-12-14   21:59:43 Z', instant('2001-12-14T21:59:43+00:00', '2001-12-14')],
      ['2001-12-14 21:59:43. +01', instant('2001-12-14T21:59:43+01:00', '2001-12-14')],
      ['2001-12-14 21:59:43.1234567891234 +1:00', instant('2001-12-14T21:59:43.123456789+01:00', '2001-12-14')],
    ])('%j', (value, expected) => {
      expect(parseDate(value, 'UTC')).toEqual({ date: expected });
    });

    it('a YAML timestamp without a zone is placed in the site timezone', () => {
      expect(parsed('2015-11-3 10:30:00', 'Europe/Berlin')).toEqual(instant('2015-11-03T10:30:00+01:00', '2015-11-03'));
    });
  });

  describe('convertible: other accepted spellings', () => {
    it.each([
      ['  2025-02-03  ', calendar('2025-02-03T00:00:00+00:00')],
      ['2025-02-03t10:00:00z', instant('2025-02-03T10:00:00+00:00', '2025-02-03')],
      ['2001-12-14 21:59:43.10 -5', instant('2001-12-14T21:59:43.1-05:00', '2001-12-15')],
      ['2025-02-03T10:00:00+0530', instant('2025-02-03T10:00:00+05:30', '2025-02-03')],
      ['2025-02-03T10:00:00,5Z', instant('2025-02-03T10:00:00.5+00:00', '2025-02-03')],
      [new Date('2025-02-03T10:00:00Z'), instant('2025-02-03T10:00:00+00:00', '2025-02-03')],
    ])('%j', (value, expected) => {
      expect(parseDate(value, 'UTC')).toEqual({ date: expected });
    });

    it('TOML values keep how they were written (date-only, local, with offset)', () => {
      const toml = parseToml('a = 2025-02-03\nb = 2025-02-03T10:00:00\nc = 2025-02-03T10:00:00+02:00\nd = 2025-02-03 10:00:00Z');
      const zone = 'America/New_York';
      expect(parsed(toml['a'], zone)).toEqual(calendar('2025-02-03T00:00:00-05:00'));
      expect(parsed(toml['b'], zone)).toEqual(instant('2025-02-03T10:00:00-05:00', '2025-02-03'));
      expect(parsed(toml['c'], zone)).toEqual(instant('2025-02-03T10:00:00+02:00', '2025-02-03'));
      expect(parsed(toml['d'], zone)).toEqual(instant('2025-02-03T10:00:00+00:00', '2025-02-03'));
    });
  });

  describe('convertible: month names and RFC 2822, with an info message', () => {
    it.each([
      ['Jul 08 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "Jul 08 2022" as 2022-07-08 (month-name date)'],
      ['July 8, 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "July 8, 2022" as 2022-07-08 (month-name date)'],
      ['Sept. 3rd, 2021', calendar('2021-09-03T00:00:00+00:00'), 'Read "Sept. 3rd, 2021" as 2021-09-03 (month-name date)'],
      ['8 July 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "8 July 2022" as 2022-07-08 (month-name date)'],
      ['08 jul 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "08 jul 2022" as 2022-07-08 (month-name date)'],
      ['Friday, 8 July 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "Friday, 8 July 2022" as 2022-07-08 (month-name date)'],
      ['Fri, Jul 8 2022', calendar('2022-07-08T00:00:00+00:00'), 'Read "Fri, Jul 8 2022" as 2022-07-08 (month-name date)'],
      [
        'Fri, 08 Jul 2022 10:00:00 +0200',
        instant('2022-07-08T10:00:00+02:00', '2022-07-08'),
        'Read "Fri, 08 Jul 2022 10:00:00 +0200" as 2022-07-08T10:00:00+02:00 (RFC 2822 date-time)',
      ],
      ['8 Jul 2022 23:30 GMT', instant('2022-07-08T23:30:00+00:00', '2022-07-08'), 'Read "8 Jul 2022 23:30 GMT" as 2022-07-08T23:30:00+00:00 (RFC 2822 date-time)'],
      [
        'Fri, 08 Jul 2022 22:00:00 PDT',
        instant('2022-07-08T22:00:00-07:00', '2022-07-09'),
        'Read "Fri, 08 Jul 2022 22:00:00 PDT" as 2022-07-08T22:00:00-07:00 (RFC 2822 date-time)',
      ],
    ])('%j', (value, date, read) => {
      expect(parseDate(value, 'UTC')).toEqual({ date, read });
    });

    it('a month-name date is a calendar date, placed at midnight in the site timezone', () => {
      expect(parsed('Jul 08 2022', 'America/New_York')).toEqual(calendar('2022-07-08T00:00:00-04:00'));
    });
  });

  describe('time zones', () => {
    // A calendar date is the same day everywhere; only its midnight instant moves.
    it.each([
      ['UTC', '2025-02-03T00:00:00+00:00'],
      ['Pacific/Kiritimati', '2025-02-03T00:00:00+14:00'],
      ['Pacific/Pago_Pago', '2025-02-03T00:00:00-11:00'],
      ['America/New_York', '2025-02-03T00:00:00-05:00'],
      ['Asia/Kolkata', '2025-02-03T00:00:00+05:30'],
    ])('date-only 2025-02-03 in %s', (zone, iso) => {
      expect(parsed('2025-02-03', zone)).toEqual(calendar(iso));
    });

    // An instant keeps its written offset but shows as the site timezone's day.
    it.each([
      ['Pacific/Kiritimati', '2025-02-03'],
      ['Pacific/Pago_Pago', '2025-02-02'],
      ['America/New_York', '2025-02-03'],
    ])('instant 2025-02-03T10:00:00+02:00 shown in %s', (zone, day) => {
      expect(parsed('2025-02-03T10:00:00+02:00', zone)).toEqual(instant('2025-02-03T10:00:00+02:00', day));
    });

    it.each([
      ['America/New_York', '2025-02-03T10:00:00-05:00'],
      ['Pacific/Kiritimati', '2025-02-03T10:00:00+14:00'],
      ['UTC', '2025-02-03T10:00:00+00:00'],
    ])('local 2025-02-03T10:00:00 is placed in %s', (zone, iso) => {
      expect(parsed('2025-02-03T10:00:00', zone)).toEqual(instant(iso, '2025-02-03'));
    });

    it('a local time skipped by a DST change moves forward, like a wall clock', () => {
      expect(parsed('2025-03-09T02:30:00', 'America/New_York')).toEqual(instant('2025-03-09T03:30:00-04:00', '2025-03-09'));
    });
  });

  describe('invalid, with the exact message', () => {
    it.each([
      ['2025-13-45', 'Invalid date "2025-13-45": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2025-02-30', 'Invalid date "2025-02-30": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['yesterday', 'Invalid date "yesterday": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2025-1-5', 'Invalid date "2025-1-5": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2017-02-29', 'Invalid date "2017-02-29": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2024-13-01', 'Invalid date "2024-13-01": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2015-11-3', 'Invalid date "2015-11-3": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2015-11-31 10:30:00', 'Invalid date "2015-11-31 10:30:00": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2015-11-3 24:30:00', 'Invalid date "2015-11-3 24:30:00": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2015-11-3 10:30:00 +5:3', 'Invalid date "2015-11-3 10:30:00 +5:3": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2025-02-03T25:00:00Z', 'Invalid date "2025-02-03T25:00:00Z": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['2025-02-03T10:00:00+25:00', 'Invalid date "2025-02-03T10:00:00+25:00": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['03/02/2025', 'Invalid date "03/02/2025": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['03/04/2022', 'Invalid date "03/04/2022": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['04.03.2022', 'Invalid date "04.03.2022": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['Feb 29 2017', 'Invalid date "Feb 29 2017": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['31 April 2022', 'Invalid date "31 April 2022": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['Foo 8 2022', 'Invalid date "Foo 8 2022": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['July 2022', 'Invalid date "July 2022": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['last Friday', 'Invalid date "last Friday": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['Fri, 08 Jul 2022 25:00:00 +0200', 'Invalid date "Fri, 08 Jul 2022 25:00:00 +0200": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['Fri, 08 Jul 2022 10:00:00', 'Invalid date "Fri, 08 Jul 2022 10:00:00": expected YYYY-MM-DD or ISO 8601 date-time'],
      ['Thu, 08 Jul 2022 10:00:00 +0200', 'Invalid date "Thu, 08 Jul 2022 10:00:00 +0200": 2022-07-08 is a Friday, not a Thursday'],
      ['Monday, July 8, 2022', 'Invalid date "Monday, July 8, 2022": 2022-07-08 is a Friday, not a Monday'],
      ['Today, July 8, 2022', 'Invalid date "Today, July 8, 2022": "Today" is no weekday'],
      ['', 'Invalid date "": expected YYYY-MM-DD or ISO 8601 date-time'],
      [20250203, 'Invalid date 20250203: expected YYYY-MM-DD or ISO 8601 date-time'],
      [true, 'Invalid date true: expected YYYY-MM-DD or ISO 8601 date-time'],
      [new Date(Number.NaN), 'Invalid date "Invalid Date": expected YYYY-MM-DD or ISO 8601 date-time'],
      [parseToml('t = 10:00:00')['t'], 'Invalid date "10:00:00.000": expected YYYY-MM-DD or ISO 8601 date-time'],
    ])('%j', (value, error) => {
      expect(parseDate(value, 'UTC')).toEqual({ error });
    });
  });
});

describe('normalizeDates', () => {
  const GIT = new Date('2023-03-04T05:06:07Z');

  describe('valid: the published chain, in order', () => {
    it.each([
      ['date', { date: '2025-02-03', pubDate: '2024-01-01', published: '2023-01-01' }, {}, '2025-02-03'],
      ['pubDate', { pubDate: '2024-01-01', published: '2023-01-01' }, {}, '2024-01-01'],
      ['published', { published: '2023-01-01' }, {}, '2023-01-01'],
      ['file-name prefix', {}, { relPath: '2022-05-06-hello.md', gitDate: GIT }, '2022-05-06'],
      ['folder prefix of index.md', {}, { relPath: '2021/2021-07-08-trip/index.md' }, '2021-07-08'],
    ])('from %s', (_name, data, options, day) => {
      const ctx = makeContext();
      const dates = normalizeDates(makeRaw(data, options), data, ctx);
      expect(dates).toEqual({ published: calendar(`${day}T00:00:00+00:00`) });
      expect(ctx.messages).toEqual([]);
    });

    it('from the first git commit, in the site timezone, with a warning', () => {
      const ctx = makeContext({ config: { timezone: 'Europe/Berlin' } });
      expect(normalizeDates(makeRaw({}, { gitDate: GIT }), {}, ctx)).toEqual({ published: instant('2023-03-04T06:06:07+01:00', '2023-03-04') });
      expect(ctx.messages).toEqual([
        { reason: "No date in front matter; using the file's first git commit (2023-03-04)", severity: 'warning', ruleId: 'date-from-git' },
      ]);
    });

    it('from mtime, with a warning', () => {
      const ctx = makeContext();
      expect(normalizeDates(makeRaw({}), {}, ctx)).toEqual({ published: instant('2024-07-08T09:10:11+00:00', '2024-07-08') });
      expect(ctx.messages).toEqual([
        { reason: "No date in front matter; using the file's modification time", severity: 'warning', ruleId: 'date-from-mtime' },
      ]);
    });

    it.each([['updated'], ['lastmod'], ['modified']])('updated from %s', (key) => {
      const data = { date: '2025-02-03', [key]: '2025-02-04T08:00:00+01:00' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx).updated).toEqual(instant('2025-02-04T08:00:00+01:00', '2025-02-04'));
    });

    it('updated prefers updated → lastmod → modified', () => {
      const data = { date: '2025-02-03', modified: '2025-02-06', lastmod: '2025-02-05', updated: '2025-02-04' };
      expect(normalizeDates(makeRaw(data), data, makeContext()).updated?.day).toBe('2025-02-04');
    });
  });

  describe('convertible', () => {
    it('an empty date key (YAML null or "") is absent, not an error', () => {
      const data = { date: null, pubDate: '', published: '2023-01-01', updated: null };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx)).toEqual({ published: calendar('2023-01-01T00:00:00+00:00') });
      expect(ctx.messages).toEqual([]);
    });

    it('a month-name date is read with an info message at its key', () => {
      const data = { date: 'Jul 08 2022', updated: 'Fri, 08 Jul 2022 10:00:00 +0200' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx)).toEqual({
        published: calendar('2022-07-08T00:00:00+00:00'),
        updated: instant('2022-07-08T10:00:00+02:00', '2022-07-08'),
      });
      expect(ctx.messages).toEqual([
        { reason: 'Read "Jul 08 2022" as 2022-07-08 (month-name date)', path: ['date'], severity: 'info', ruleId: 'date-from-text' },
        {
          reason: 'Read "Fri, 08 Jul 2022 10:00:00 +0200" as 2022-07-08T10:00:00+02:00 (RFC 2822 date-time)',
          path: ['updated'],
          severity: 'info',
          ruleId: 'date-from-text',
        },
      ]);
    });

    it.each([
      ['path', { path: '2023/05/04/some-post' }],
      ['url', { url: '/2023/05/04/some-post/' }],
      ['permalink', { permalink: '/2023/05/04/x.html' }],
    ])("from a leading yyyy/mm/dd of the post's %s, with an info message naming it", (key, data) => {
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data, { gitDate: GIT }), data, ctx)).toEqual({ published: calendar('2023-05-04T00:00:00+00:00') });
      expect(ctx.messages).toEqual([
        { reason: `No date in front matter; using 2023-05-04 from ${key} "${Object.values(data)[0]}"`, path: [key], severity: 'info', ruleId: 'date-from-path' },
      ]);
    });

    it('a date in front matter or the file name wins over the path', () => {
      const ctx = makeContext();
      expect(normalizeDates(makeRaw({ path: '2023/05/04/x' }, { relPath: '2022-01-02-x.md' }), { path: '2023/05/04/x' }, ctx).published.day).toBe('2022-01-02');
      expect(ctx.messages).toEqual([]);
    });

    it('an impossible date in the path is only folder names', () => {
      const data = { path: '2023/13/45/x' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data, { gitDate: GIT }), data, ctx).published.day).toBe('2023-03-04');
      expect(ctx.messages.map((m) => m.ruleId)).toEqual(['date-from-git']);
    });

    it('an impossible file-name prefix is not a date', () => {
      const ctx = makeContext();
      expect(normalizeDates(makeRaw({}, { relPath: '2025-13-45-odd.md', gitDate: GIT }), {}, ctx).published.day).toBe('2023-03-04');
      expect(ctx.messages.map((m) => m.ruleId)).toEqual(['date-from-git']);
    });
  });

  describe('invalid, with the exact message, and the run goes on', () => {
    const message = (value: string, key: string) => ({
      reason: `Invalid date "${value}": expected YYYY-MM-DD or ISO 8601 date-time`,
      path: [key],
      severity: 'error',
      ruleId: 'invalid-date',
    });

    it('a bad date falls back down the chain', () => {
      const data = { date: '2025-13-45', pubDate: '2024-01-01' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx)).toEqual({ published: calendar('2024-01-01T00:00:00+00:00') });
      expect(ctx.messages).toEqual([message('2025-13-45', 'date')]);
    });

    it('every bad key is reported, even after a good one', () => {
      const data = { date: '2025-02-03', published: 'yesterday', lastmod: '2025-02-30', modified: '2025-02-05' };
      const ctx = makeContext();
      const dates = normalizeDates(makeRaw(data), data, ctx);
      expect(dates.published.day).toBe('2025-02-03');
      expect(dates.updated?.day).toBe('2025-02-05');
      expect(ctx.messages).toEqual([message('yesterday', 'published'), message('2025-02-30', 'lastmod')]);
    });

    it('with nothing else, a bad date still gets the mtime, without the "no date" warning', () => {
      const data = { date: 'yesterday' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx).published.iso).toBe('2024-07-08T09:10:11+00:00');
      expect(ctx.messages).toEqual([message('yesterday', 'date')]);
    });

    it('a bad updated is dropped', () => {
      const data = { date: '2025-02-03', updated: '2025-1-5' };
      const ctx = makeContext();
      expect(normalizeDates(makeRaw(data), data, ctx)).toEqual({ published: calendar('2025-02-03T00:00:00+00:00') });
      expect(ctx.messages).toEqual([message('2025-1-5', 'updated')]);
    });
  });
});

describe('isFuture', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  it.each([
    ['2025-06-01T12:00:01Z', true],
    ['2025-06-01T12:00:00Z', false],
    ['2025-06-01T11:59:59Z', false],
    ['2030-01-01', true],
  ])('%s is in the future: %s', (value, expected) => {
    expect(isFuture(parsed(value), now)).toBe(expected);
  });
});
