/**
 * Front matter normalisation of a standalone page (`content/pages/`): the post's normalisers where
 * a page has the field (title, description, image, draft, lang, canonical, dates, aliases), none where it
 * has not. A page is not dated, authored or tagged: it shows in no feed or list, so a missing date
 * is no problem to report, and authors and tags are left to templates in `data`.
 */
import type { Post, PostDate, RawPost } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { normalizeAliases } from './aliases.ts';
import { isFuture, normalizeDates } from './dates.ts';
import { explicitDescription } from './description.ts';
import { normalizeOtherKeys } from './other-keys.ts';
import { normalizePagePath } from './page-path.ts';
import { humanizeFileName, normalizeTitle } from './title.ts';
import { FRONT_MATTER_KEYS } from '../keys.ts';
import { valueAt } from './fields.ts';

/** What a post's date falls back to, said of posts only: a page without a date is complete. */
const FALLBACK_NOTES = new Set(['date-from-git', 'date-from-mtime', 'date-from-path']);

/** The `published` of a page without a date: shown nowhere, the same on every machine. */
const UNDATED: PostDate = Object.freeze({ iso: '1970-01-01T00:00:00+00:00', epochMs: 0, day: '1970-01-01', dateOnly: true });

/** Normalise one page's front matter; like `normalizePost`, it never throws and reports every problem. */
export function normalizePage(raw: RawPost, ctx: NormalizeContext): Post {
  const data = raw.frontMatter.data;
  const title = normalizeTitle(data, ctx);
  // A written date is read and checked as a post's is (and `updated` with it).
  const quiet: NormalizeContext = { ...ctx, report: (reason, options) => (FALLBACK_NOTES.has(options.ruleId) ? undefined : ctx.report(reason, options)) };
  const dates = normalizeDates(raw, data, quiet);
  const { updated } = dates;
  const dated = FRONT_MATTER_KEYS.published.some((key) => {
    const value = valueAt(data, key);
    // Jekyll's `published: false` is a flag, and `date:` left empty is no date.
    return value !== undefined && value !== null && value !== '' && typeof value !== 'boolean';
  });
  // Without one the type still wants a value, which nothing shows (`undated` says so): a fixed one,
  // not the file's mtime, so a fresh clone or a save changes nothing a page's key is made of.
  const published = dated ? dates.published : UNDATED;
  const { slug, path } = normalizePagePath(raw, data, ctx);
  // Old URLs redirect to a page as to a post (a Jekyll site's `/about.html`).
  const aliases = normalizeAliases(raw, data, path, ctx);
  const page: Post = {
    raw,
    fileTitle: humanizeFileName(raw.relPath),
    slug,
    path,
    published,
    authors: [],
    tags: [],
    ...normalizeOtherKeys(data, ctx),
    // Only a written date can schedule a page.
    future: dated && isFuture(published, ctx.now),
    data,
  };
  if (!dated) page.undated = true;
  if (aliases.length > 0) page.aliases = aliases;
  if (title !== undefined) page.title = title;
  if (updated !== undefined) page.updated = updated;
  const description = explicitDescription(data, ctx);
  if (description !== undefined) page.description = description;
  return page;
}
