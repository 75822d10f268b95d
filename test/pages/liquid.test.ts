import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/render/liquid.ts';
import { formatLongDate } from '../../src/render/date-format.ts';

const engine = createEngine([]);

describe('createEngine', () => {
  it('escapes output by default and lets `raw` through', async () => {
    const html = '<b>"x" & y</b>';
    expect(await engine.parseAndRender('{{ v }}', { v: html })).toBe('&lt;b&gt;&#34;x&#34; &amp; y&lt;/b&gt;');
    expect(await engine.parseAndRender('{{ v | raw }}', { v: html })).toBe(html);
  });

  it('rejects unknown filters instead of ignoring them', async () => {
    await expect(engine.parseAndRender('{{ v | no_such_filter }}', { v: 1 })).rejects.toThrow(/no_such_filter/);
  });

  it('formats a calendar day in the given, the page or the site language', async () => {
    expect(await engine.parseAndRender("{{ '2025-02-03' | date_long: 'en-GB' }}")).toBe('3 February 2025');
    expect(await engine.parseAndRender("{{ '2025-02-03' | date_long }}", { site: { language: 'de' } })).toBe('3. Februar 2025');
    expect(await engine.parseAndRender("{{ '2025-02-03' | date_long }}", { page: { lang: 'fr' }, site: { language: 'de' } })).toBe(
      '3 février 2025',
    );
  });

  it('serialises JSON-LD that cannot close its script element', async () => {
    const out = await engine.parseAndRender('{{ v | json_ld | raw }}', { v: { name: '</script><b>' } });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><b>' });
  });
});

describe('formatLongDate', () => {
  it('never shifts the day, at either end of the year', () => {
    expect(formatLongDate('2024-12-31', 'en-GB')).toBe('31 December 2024');
    expect(formatLongDate('2025-01-01', 'en-GB')).toBe('1 January 2025');
    expect(formatLongDate('0099-03-01', 'en-GB')).toBe('1 March 99');
  });

  it('falls back to English for an unusable language tag', () => {
    expect(formatLongDate('2025-02-03', 'not a language!')).toBe('February 3, 2025');
  });
});
