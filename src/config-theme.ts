/**
 * The theme's config keys (`nav`, `css`, `favicon`, `image`, `strings`), validated with every
 * problem collected, as config.ts does for the others: one run names them all, and exits 2.
 */
import { isStringKey, STRING_KEYS, type StringKey } from './render/strings/index.ts';
import { hasScheme, isAbsoluteHttpUrl, isExternalLink } from './shared/url.ts';

declare module './types.ts' {
  interface SiteConfig {
    /** Links in the header menu after the built-in ones: absolute URLs, or root-relative ones that get the base path. */
    nav?: ReadonlyArray<{ readonly label: string; readonly url: string }>;
    /** Stylesheets loaded after the theme (and after `static/custom.css`): paths in `static/`, or absolute URLs. */
    css?: readonly string[];
    /** The site's icon: a path in `static/` or an absolute URL; the theme's `favicon.svg` when absent. */
    favicon?: string;
    /** The default social image (`og:image`) of pages without their own: a path in `static/` or an absolute URL. */
    image?: string;
    /** UI strings of the theme that differ from the language's table (`{ readMore: 'Weiterlesen' }`). */
    strings?: Readonly<Partial<Record<StringKey, string>>>;
  }
}

/** The theme keys, for config.ts's list of known keys. */
export const THEME_KEYS = ['nav', 'css', 'favicon', 'image', 'strings'] as const;

type ThemeConfig = {
  nav?: Array<{ label: string; url: string }>;
  css?: string[];
  favicon?: string;
  image?: string;
  strings?: Partial<Record<StringKey, string>>;
};

/** A URL of the same site (`/about/`) or of another (`https://…`, `mailto:`): not a relative path, which would change meaning from page to page. */
function isNavUrl(url: string): boolean {
  return (url.startsWith('/') && !url.startsWith('//')) || isExternalLink(url);
}

/**
 * A file in `static/` (`extra.css`, `/img/card.png`) or an absolute http(s) URL. Any other scheme
 * (`javascript:`, `data:`) is neither: pages would link it as it stands.
 */
function isAssetRef(ref: string): boolean {
  if (isAbsoluteHttpUrl(ref)) return true;
  return ref.trim() !== '' && !hasScheme(ref) && !ref.startsWith('//') && !/[?#\s\\]/.test(ref) && !ref.split('/').some((segment) => segment === '..' || segment === '.');
}

/** Check the theme keys of `user`, pushing every problem onto `problems`; the valid ones are returned. */
export function validateThemeConfig(user: Record<string, unknown>, problems: string[]): ThemeConfig {
  const config: ThemeConfig = {};
  if (user.nav !== undefined) {
    if (!Array.isArray(user.nav)) problems.push(`"nav" must be a list of { label, url } links, got ${JSON.stringify(user.nav)}`);
    else config.nav = validateNav(user.nav as unknown[], problems);
  }
  if (user.css !== undefined) {
    const list = typeof user.css === 'string' ? [user.css] : user.css;
    if (!Array.isArray(list)) problems.push(`"css" must be a list of stylesheets (["extra.css"]), got ${JSON.stringify(user.css)}`);
    else {
      config.css = [];
      for (const [index, ref] of (list as unknown[]).entries()) {
        if (typeof ref === 'string' && isAssetRef(ref)) config.css.push(ref);
        else problems.push(`"css[${index}]" must be a path in static/ ("extra.css") or an http(s) URL, got ${JSON.stringify(ref)}`);
      }
    }
  }
  for (const key of ['favicon', 'image'] as const) {
    const ref = user[key];
    if (ref === undefined) continue;
    if (typeof ref === 'string' && isAssetRef(ref)) config[key] = ref;
    else problems.push(`"${key}" must be a path in static/ ("/${key === 'image' ? 'card.png' : 'icon.svg'}") or an http(s) URL, got ${JSON.stringify(ref)}`);
  }
  if (user.strings !== undefined) config.strings = validateStrings(user.strings, problems);
  return config;
}

function validateNav(entries: unknown[], problems: string[]): Array<{ label: string; url: string }> {
  const nav: Array<{ label: string; url: string }> = [];
  for (const [index, entry] of entries.entries()) {
    const where = `"nav[${index}]"`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} must be an object { label, url }, got ${JSON.stringify(entry)}`);
      continue;
    }
    const { label, url, ...rest } = entry as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(rest)) problems.push(`${where} has unknown key "${key}" (known: label, url)`);
    if (typeof label !== 'string' || label.trim() === '') problems.push(`${where}.label must be a non-empty string, got ${JSON.stringify(label)}`);
    if (typeof url !== 'string' || !isNavUrl(url)) problems.push(`${where}.url must be a root-relative path ("/about/"), an http(s) URL or a mailto: address, got ${JSON.stringify(url)}`);
    if (problems.length === before) nav.push({ label: (label as string).trim(), url: url as string });
  }
  return nav;
}

function validateStrings(input: unknown, problems: string[]): Partial<Record<StringKey, string>> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(`"strings" must be an object of UI string names to text ({ readMore: "Weiterlesen" }), got ${JSON.stringify(input)}`);
    return undefined;
  }
  const strings: Partial<Record<StringKey, string>> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isStringKey(key)) problems.push(`unknown UI string "${key}" in "strings" (known: ${STRING_KEYS.join(', ')})`);
    else if (typeof value !== 'string') problems.push(`"strings.${key}" must be a string, got ${JSON.stringify(value)}`);
    else strings[key] = value;
  }
  return strings;
}
