/**
 * KaTeX's stylesheet and fonts, in the output only when some post or standalone page has math, and
 * linked only from the pages that show it (the layout's `page.math`, set by kinds/post.ts and kinds/page.ts). The stylesheet is KaTeX's own with its
 * fonts as WOFF2 alone: every browser that draws MathML-era CSS reads WOFF2, and the WOFF and TTF
 * copies would triple the fonts (1.2 MB against 0.3 MB) for none. The folder is named by KaTeX's
 * version, so a site that upgrades never serves old CSS from a cache; its fonts are relative
 * `url(fonts/…)`, so they load under any base path.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { routePath } from '../site/routes.ts';
import type { RenderedPost } from '../types.ts';
import type { Plan } from './plan.ts';

const require = createRequire(import.meta.url);
const PACKAGE = path.dirname(require.resolve('katex/package.json'));
const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
const DIST = path.join(PACKAGE, 'dist');

/** Site-relative path of a file of the KaTeX folder (`assets/katex-0.19.1/katex.min.css`). */
function katexPath(file: string): string {
  return routePath('katex', { version: VERSION, file });
}

/** Site-relative path of the stylesheet, for the pages' `<link>`. */
export const KATEX_STYLESHEET = katexPath('katex.min.css');

let trimmed: { css: string; fonts: string[] } | undefined;

/** The stylesheet with each `src` cut to its WOFF2, and the fonts it names (`fonts/KaTeX_Main-Regular.woff2`). */
function stylesheet(): { css: string; fonts: string[] } {
  if (trimmed) return trimmed;
  const css = readFileSync(path.join(DIST, 'katex.min.css'), 'utf8').replace(/(url\([^)]+\.woff2\) format\("woff2"\))(?:,url\([^)]+\) format\("[a-z]+"\))+/g, '$1');
  const fonts = [...new Set([...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!))];
  trimmed = { css, fonts };
  return trimmed;
}

/** Whether any of `posts` needs KaTeX's files. */
export function hasMath(posts: readonly RenderedPost[]): boolean {
  return posts.some((post) => post.math);
}

/** The stylesheet as a plan, when some post has math. */
export function katexPlans(posts: readonly RenderedPost[]): Plan[] {
  if (!hasMath(posts)) return [];
  // The package's version and the text alone decide the file.
  return [{ file: KATEX_STYLESHEET, key: `katex ${VERSION}`, posts: [], render: () => stylesheet().css }];
}

/** The fonts the stylesheet names, as assets to copy (output path → source), when some post has math. */
export function katexFonts(posts: readonly RenderedPost[]): Map<string, string> {
  if (!hasMath(posts)) return new Map();
  return new Map(stylesheet().fonts.map((font) => [katexPath(font), path.join(DIST, font)]));
}
