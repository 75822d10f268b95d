/**
 * The theme's own files as pages link them: the stylesheet, its scripts, a site's `custom.css` and
 * config `css`, the favicon. A build links fingerprinted copies (`style.3f9a0c1b2d.css`, a name
 * that changes with the bytes), so a host may cache them for ever and a deploy never serves a
 * stale stylesheet; the plain names are still copied for anything that links them. The dev server
 * links the plain names, which its live reload swaps in place when a stylesheet changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isFile } from '../shared/files.ts';
import { staticSource } from '../shared/static-files.ts';
import { isAbsoluteHttpUrl } from '../shared/url.ts';
import { routePath } from '../site/routes.ts';
import type { Site, SiteConfig, ThemeAssets } from '../types.ts';

export type { ThemeAssets } from '../types.ts';

/** The site's own stylesheet hook, loaded after the theme's. */
export const CUSTOM_CSS = 'custom.css';

/** The icon the theme ships in static/. */
export const DEFAULT_FAVICON = 'favicon.svg';

/**
 * The file the output gets for `name`: the last static folder that has it wins, as when copying,
 * and a link that leaves the site is no file here either (shared/static-files.ts).
 */
function sourceOf(staticDirs: readonly string[], name: string): string | undefined {
  return [...staticDirs].reverse().map((dir) => staticSource(dir, name)).find((source) => source !== undefined);
}

/** `style.css` → `style.<10 hex digits of its SHA-256>.css`. */
export function fingerprinted(name: string, contents: string): string {
  const hash = createHash('sha256').update(contents).digest('hex').slice(0, 10);
  const ext = path.posix.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/**
 * The theme's files for a site whose static folders are `staticDirs` (later ones win); with
 * `fingerprint`, each one found is linked under its fingerprinted name, and `files` holds the copies.
 */
export function themeAssets(staticDirs: readonly string[], config: SiteConfig, fingerprint: boolean): ThemeAssets {
  const files = new Map<string, string>();
  const link = (ref: string): string => {
    const name = ref.replace(/^\/+/, '');
    if (isAbsoluteHttpUrl(ref)) return ref;
    const source = fingerprint ? sourceOf(staticDirs, name) : undefined;
    if (source === undefined) return name;
    const contents = readFileSync(source, 'utf8');
    const hashed = fingerprinted(name, contents);
    files.set(hashed, contents);
    return hashed;
  };
  const custom = sourceOf(staticDirs, CUSTOM_CSS) === undefined ? [] : [CUSTOM_CSS];
  return {
    stylesheet: link(routePath('stylesheet')),
    script: link(routePath('themeScript')),
    searchScript: config.search === false ? routePath('searchScript') : link(routePath('searchScript')),
    stylesheets: [...custom, ...(config.css ?? [])].map(link),
    favicon: (config.favicon ?? DEFAULT_FAVICON).replace(/^\/+(?!\/)/, ''),
    files,
  };
}

/**
 * What a site's static folder does to the theme that its author may not expect: its own
 * `style.css` replaces the whole stylesheet (an override kept, as Hugo's static folder overrides a
 * theme's file); a few rules belong in `custom.css`, loaded after the theme.
 */
export function themeNotes(siteStatic: string, themeStatic: string): string[] {
  const own = path.join(siteStatic, routePath('stylesheet'));
  if (path.resolve(siteStatic) === path.resolve(themeStatic) || !isFile(own)) return [];
  return [`static/${routePath('stylesheet')} replaces the theme's whole stylesheet: to change a few rules or variables, put them in static/${CUSTOM_CSS}, which loads after the theme`];
}

/** A site's theme files: those its session worked out, else the plain names (a site made by hand, in tests). */
export function themeOf(site: Site): ThemeAssets {
  return site.theme ?? themeAssets([], site.config, false);
}

/** `site` with its theme files worked out from `staticDirs` (a build fingerprints them, the dev server does not). */
export function withTheme<T extends Site>(site: T, staticDirs: readonly string[], fingerprint: boolean): T {
  site.theme = themeAssets(staticDirs, site.config, fingerprint);
  return site;
}
