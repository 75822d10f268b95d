/**
 * A standalone page's output path: its place under `content/pages/` (`about.md` → `about/`,
 * `company/team.md` → `company/team/`, `company/index.md` → `company/`), as Hugo, Jekyll and
 * Astro place pages. `slug` replaces the file's own name; `permalink` (or `url`, `path`) the whole path.
 * The config's post permalink pattern never applies: a page has no date to put in its URL.
 */
import type { RawPost } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { postStem, undatedStem } from './file-name.ts';
import { foldersOf } from './pattern-path.ts';
import { explicitPath, readSlug } from './slug-path.ts';
import { fittedSegment } from './segment-length.ts';
import { postSlug } from './slug.ts';

/** The page's slug and site-relative path; `''` (the home page, which no page may take) for `content/pages/index.md`. */
export function normalizePagePath(raw: RawPost, data: Record<string, unknown>, ctx: NormalizeContext): { slug: string; path: string } {
  // Read (and reported) first, even when a permalink wins: a bad slug is worth fixing either way.
  const source = readSlug(raw, data, ctx);
  const explicit = explicitPath(data, ctx);
  if (explicit !== undefined) return { slug: source.slug, path: explicit };
  // A page's folders are part of its URL (for a post they are only its fallback: see patternPaths).
  const folders = foldersOf(raw.relPath).map((folder) => fittedSegment(folder, 'A folder name', ctx));
  // `index.md` at the top is the folder itself: the site root. With a `slug` it is named like any page.
  const rootIndex = folders.length === 0 && postStem(raw.relPath) === 'index' && source.written === undefined;
  // readSlug measured the name without a date prefix: the same name unless there is one.
  const stem = postStem(raw.relPath);
  const slug = source.written !== undefined ? source.slug : stem === undatedStem(raw.relPath) ? source.slug : fittedSegment(postSlug(stem), 'The file name', ctx);
  const segments = rootIndex ? folders : [...folders, slug];
  return { slug, path: segments.length === 0 ? '' : `${segments.join('/')}/` };
}
