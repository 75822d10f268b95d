/**
 * A standalone page's output path: its place under `content/pages/` (`about.md` → `about/`,
 * `company/team.md` → `company/team/`, `company/index.md` → `company/`), as Hugo, Jekyll and
 * Astro place pages. `slug` replaces the file's own name; `permalink` (or `url`, `path`) the whole path.
 * The config's post permalink pattern never applies: a page has no date to put in its URL.
 */
import type { RawPost } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { postStem } from './file-name.ts';
import { foldersOf } from './pattern-path.ts';
import { explicitPath, readSlug } from './slug-path.ts';
import { postSlug } from './slug.ts';

/** The page's slug and site-relative path; `''` (the home page, which no page may take) for `content/pages/index.md`. */
export function normalizePagePath(raw: RawPost, data: Record<string, unknown>, ctx: NormalizeContext): { slug: string; path: string } {
  // Read (and reported) first, even when a permalink wins: a bad slug is worth fixing either way.
  const source = readSlug(raw, data, ctx);
  const explicit = explicitPath(data, ctx);
  if (explicit !== undefined) return { slug: source.slug, path: explicit };
  const folders = foldersOf(raw.relPath);
  // `index.md` at the top is the folder itself: the site root. With a `slug` it is named like any page.
  const rootIndex = folders.length === 0 && postStem(raw.relPath) === 'index' && source.written === undefined;
  const slug = source.written === undefined ? postSlug(postStem(raw.relPath)) : source.slug;
  const segments = rootIndex ? folders : [...folders, slug];
  return { slug, path: segments.length === 0 ? '' : `${segments.join('/')}/` };
}
