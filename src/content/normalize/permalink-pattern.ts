/**
 * The config's `permalink` pattern (`/:year/:month/:day/:slug/`): Jekyll's placeholders and
 * built-in styles, and Hugo's tokens where they mean the same. Checked when the config loads
 * (an unknown token stops the run); filled for each post by permalink-fill.ts. Imports nothing:
 * the config loads before the pipeline, and a build with nothing to do stops there.
 */

/** Every token: Jekyll's names first, then Hugo's (see permalink-fill.ts for their values). */
export const PATTERN_TOKENS = [
  'year', 'short_year', 'month', 'i_month', 'day', 'i_day', 'y_day', 'hour', 'minute', 'second',
  'slug', 'title', 'categories', 'output_ext',
  'section', 'filename', 'contentbasename', 'slugorfilename', 'slugorcontentbasename',
] as const;

/** One token's name. */
export type PatternToken = (typeof PATTERN_TOKENS)[number];

/** Jekyll's built-in styles, which its `_config.yml` may name instead of a pattern. */
const STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** A token: a colon and the longest run of letters and `_` after it (`:title:output_ext` is two). */
export const TOKEN = /:([a-z_]+)/g;

/** What a misspelt token looks like too (`:Year`): found when the config loads, never left as a folder name. */
const ANY_TOKEN = /:([a-z_]+)/gi;

/** The pattern a config value stands for (a Jekyll style's, or itself), or why it can't be one. */
export function parsePattern(value: string): { pattern: string } | { problem: string } {
  const pattern = STYLES[value.trim()] ?? value.trim();
  if (pattern === '') return { problem: 'it is empty' };
  const unknown = [...pattern.matchAll(ANY_TOKEN)].map((match) => match[1]!).filter((name) => !(PATTERN_TOKENS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    return { problem: `unknown token${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `:${name}`).join(', ')} (known: ${PATTERN_TOKENS.map((name) => `:${name}`).join(' ')})` };
  }
  if (![...pattern.matchAll(TOKEN)].length) return { problem: 'it has no token, so every post would have the same URL' };
  return { pattern };
}
