/** Load and validate `site.config.ts` / `site.config.json`, and apply defaults. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importConfig } from './config-module.ts';
import { GENERATORS, type SiteConfig } from './types.ts';
import { normalizeBaseUrl } from './site/routes.ts';
import { isRuleId, RULES, type RuleSetting } from './check/rules.ts';
import { CONFIG_FILES } from './shared/site-dirs.ts';
import { parsePattern } from './content/normalize/permalink-pattern.ts';
import { THEME_KEYS, validateThemeConfig } from './config-theme.ts';

// The `rules` key belongs to the check stage (src/check/); it is merged into SiteConfig here, where it is validated.
declare module './types.ts' {
  interface SiteConfig {
    /** Severity per content check (`{ 'image-alt': 'error', 'no-excerpt': 'on' }`); rules not named keep their default. */
    rules?: Readonly<Record<string, RuleSetting>>;
    /** The Pagefind index, the `/search/` page and the search box; on unless `false`. */
    search?: boolean;
    /** Run rehype-sanitize over post bodies, for sites that publish untrusted authors; off unless `true`. */
    sanitize?: boolean;
    /** Root-relative path prefixes (`/docs/`) that other parts of the same host serve: links there are not the blog's to check. */
    externalPaths?: readonly string[];
  }
}

/** What a user may write in a site config: every key optional. */
export type UserConfig = Partial<SiteConfig>;

/** A configuration problem: the run stops with exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULTS: SiteConfig = {
  title: 'My Blog',
  description: '',
  url: 'http://localhost:3000/',
  language: 'en',
  timezone: 'UTC',
  postsPerPage: 10,
};

/** Find, load and validate the site config of `root`; `overrides` come from command-line flags; messages name the file relative to `cwd`. */
export async function loadConfig(root: string, overrides: UserConfig, cwd: string): Promise<SiteConfig> {
  const file = CONFIG_FILES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  const user = file ? await readUserConfig(file) : {};
  return validateConfig({ ...user, ...overrides }, file ? path.relative(cwd, file) : 'defaults');
}

async function readUserConfig(file: string): Promise<UserConfig> {
  try {
    if (file.endsWith('.json')) return JSON.parse(await readFile(file, 'utf8')) as UserConfig;
    return ((await importConfig(file, path.dirname(file))) as UserConfig | undefined) ?? {};
  } catch (cause) {
    throw new ConfigError(`${file}: could not be loaded: ${(cause as Error).message}`, { cause });
  }
}

/** Check every key's type and value, collecting all problems before failing. */
export function validateConfig(input: unknown, source: string): SiteConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError(`${source}: the config must be an object`);
  }
  const user = input as Record<string, unknown>;
  const problems: string[] = [];
  const config: SiteConfig = { ...DEFAULTS };
  const known = new Set([...Object.keys(DEFAULTS), 'author', 'renderTimeout', 'rules', 'search', 'sanitize', 'externalPaths', 'permalink', 'migratedFrom', ...THEME_KEYS]);
  for (const key of Object.keys(user)) {
    if (!known.has(key)) problems.push(`unknown key "${key}"`);
  }
  for (const key of ['title', 'description', 'language', 'timezone', 'author'] as const) {
    const value = user[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') problems.push(`"${key}" must be a string`);
    else config[key] = value;
  }
  if (user.url !== undefined) {
    const url = typeof user.url === 'string' && URL.canParse(user.url) ? new URL(user.url) : undefined;
    if (!url || !/^https?:$/.test(url.protocol)) problems.push(`"url" must be an absolute http(s) URL, got ${JSON.stringify(user.url)}`);
    else config.url = normalizeBaseUrl(url.href);
  }
  if (user.postsPerPage !== undefined) {
    const n = user.postsPerPage;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) problems.push(`"postsPerPage" must be a whole number ≥ 1`);
    else config.postsPerPage = n;
  }
  if (user.renderTimeout !== undefined) {
    const seconds = user.renderTimeout;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) problems.push(`"renderTimeout" must be a number of seconds above 0, got ${JSON.stringify(seconds)}`);
    else config.renderTimeout = seconds;
  }
  if (user.search !== undefined) {
    if (typeof user.search !== 'boolean') problems.push(`"search" must be true or false, got ${JSON.stringify(user.search)}`);
    else config.search = user.search;
  }
  if (user.sanitize !== undefined) {
    if (typeof user.sanitize !== 'boolean') problems.push(`"sanitize" must be true or false, got ${JSON.stringify(user.sanitize)}`);
    else config.sanitize = user.sanitize;
  }
  if (user.permalink !== undefined) {
    const pattern = typeof user.permalink === 'string' ? parsePattern(user.permalink) : { problem: 'it must be a string' };
    // Stored as the pattern a Jekyll style (`pretty`) stands for: posts are filled from it.
    if ('pattern' in pattern) config.permalink = pattern.pattern;
    else problems.push(`"permalink" ${JSON.stringify(user.permalink)} is not a URL pattern such as "/:year/:month/:day/:slug/": ${pattern.problem}`);
  }
  if (user.migratedFrom !== undefined) {
    const from = GENERATORS.find((name) => name === user.migratedFrom);
    if (from === undefined) problems.push(`"migratedFrom" must be one of ${GENERATORS.map((name) => `"${name}"`).join(', ')}, got ${JSON.stringify(user.migratedFrom)}`);
    else config.migratedFrom = from;
  }
  if (user.rules !== undefined) {
    const rules = validateRules(user.rules, problems);
    if (rules) config.rules = rules;
  }
  if (user.externalPaths !== undefined) {
    const paths = validateExternalPaths(user.externalPaths, problems);
    if (paths) config.externalPaths = paths;
  }
  Object.assign(config, validateThemeConfig(user, problems));
  if (!isTimeZone(config.timezone)) problems.push(`"timezone" ${JSON.stringify(config.timezone)} is not an IANA time zone`);
  if (problems.length > 0) throw new ConfigError(`${source}: ${problems.join('; ')}`);
  return config;
}

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off', 'on'];

/** `rules: { 'image-alt': 'error' }`: known rule ids only (a typo would silently do nothing), known settings only. */
function validateRules(input: unknown, problems: string[]): Record<string, RuleSetting> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push('"rules" must be an object of rule ids to "error", "warning", "info", "on" or "off"');
    return undefined;
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(input)) {
    if (!isRuleId(id)) problems.push(`unknown rule "${id}" in "rules" (known: ${Object.keys(RULES).join(', ')})`);
    else if (!SETTINGS.includes(setting as RuleSetting)) problems.push(`rule "${id}" must be one of ${SETTINGS.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(setting)}`);
    else rules[id] = setting as RuleSetting;
  }
  return rules;
}

/**
 * `externalPaths: ['/docs/', '/api/']`: root-relative paths of the same host, each a whole folder.
 * `/` alone would hand the blog's own links to someone else; `//x` is another host; `?`, `#` and
 * `..` do not belong in a folder path.
 */
function validateExternalPaths(input: unknown, problems: string[]): string[] | undefined {
  if (!Array.isArray(input)) {
    problems.push(`"externalPaths" must be a list of paths starting with / (["/docs/"]), got ${JSON.stringify(input)}`);
    return undefined;
  }
  const paths: string[] = [];
  for (const entry of input as unknown[]) {
    const valid = typeof entry === 'string' && entry.startsWith('/') && !entry.startsWith('//') && !/[?#\s]/.test(entry) && !entry.split('/').some((segment) => segment === '.' || segment === '..');
    if (!valid) problems.push(`"externalPaths" entries must be paths starting with / ("/docs/"), got ${JSON.stringify(entry)}`);
    else if (entry === '/') problems.push(`"externalPaths" may not hold "/": it would cover every link of the blog`);
    else paths.push(entry);
  }
  return paths;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
