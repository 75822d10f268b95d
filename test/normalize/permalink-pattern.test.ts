import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config.ts';
import { parsePattern } from '../../src/content/normalize/permalink-pattern.ts';

describe('the config permalink pattern', () => {
  describe('valid', () => {
    it.each([
      ['/:year/:month/:day/:slug/', '/:year/:month/:day/:slug/'],
      ['/:categories/:year/:i_month/:i_day/:title:output_ext', '/:categories/:year/:i_month/:i_day/:title:output_ext'],
      ['/:section/:slugorfilename/', '/:section/:slugorfilename/'],
      // Jekyll's built-in styles stand for their patterns.
      ['pretty', '/:categories/:year/:month/:day/:title/'],
      ['date', '/:categories/:year/:month/:day/:title:output_ext'],
      ['ordinal', '/:categories/:year/:y_day/:title:output_ext'],
      ['none', '/:categories/:title:output_ext'],
    ])('%j', (written, pattern) => {
      expect(parsePattern(written)).toEqual({ pattern });
      expect(validateConfig({ permalink: written }, 'test').permalink).toBe(pattern);
    });

    it('is absent by default: posts keep posts/<slug>/', () => {
      expect(validateConfig({}, 'test').permalink).toBeUndefined();
    });
  });

  describe('invalid: a configuration error (exit 2), with the exact message', () => {
    const known = ':year :short_year :month :i_month :day :i_day :y_day :hour :minute :second :slug :title :categories :output_ext :section :filename :contentbasename :slugorfilename :slugorcontentbasename';
    it.each([
      ['/:year/:monthname/:slug/', `unknown token :monthname (known: ${known})`],
      ['/:Year/:sections/:slug/', `unknown tokens :Year, :sections (known: ${known})`],
      ['/blog/posts/', 'it has no token, so every post would have the same URL'],
      ['  ', 'it is empty'],
    ])('%j', (written, problem) => {
      expect(() => validateConfig({ permalink: written }, 'test')).toThrow(
        new ConfigError(`test: "permalink" ${JSON.stringify(written)} is not a URL pattern such as "/:year/:month/:day/:slug/": ${problem}`),
      );
    });

    it('a non-string', () => {
      expect(() => validateConfig({ permalink: 3 }, 'test')).toThrow(
        new ConfigError('test: "permalink" 3 is not a URL pattern such as "/:year/:month/:day/:slug/": it must be a string'),
      );
    });
  });
});
