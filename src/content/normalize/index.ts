/** Front matter normalisation: one RawPost in, one canonical Post out, every problem reported. */
import type { Post, RawPost } from '../../types.ts';
import type { NormalizeContext } from './context.ts';
import { normalizeAliases } from './aliases.ts';
import { normalizeAuthors } from './authors.ts';
import { isFuture, normalizeDates } from './dates.ts';
import { explicitDescription } from './description.ts';
import { normalizeOtherKeys } from './other-keys.ts';
import { normalizePage } from './page.ts';
import { normalizePath } from './slug-path.ts';
import { normalizeTags } from './tags.ts';
import { humanizeFileName, normalizeTitle } from './title.ts';

/** Re-exported so callers build the context from the same module they normalise with. */
export type { NormalizeContext } from './context.ts';

/**
 * Normalise one post's front matter (a page's: see page.ts). Never throws for bad input: each normaliser reports
 * through `ctx.report` and falls back to a usable value, so one run lists every problem.
 */
export function normalizePost(raw: RawPost, ctx: NormalizeContext): Post {
  if (raw.kind === 'page') return normalizePage(raw, ctx);
  const data = raw.frontMatter.data;
  const title = normalizeTitle(data, ctx);
  const { published, updated } = normalizeDates(raw, data, ctx);
  const { slug, path, folderPath } = normalizePath(raw, data, ctx, published);
  const aliases = normalizeAliases(raw, data, path, ctx);
  const post: Post = {
    raw,
    fileTitle: humanizeFileName(raw.relPath),
    slug,
    path,
    published,
    authors: normalizeAuthors(data, ctx),
    tags: normalizeTags(data, ctx),
    ...normalizeOtherKeys(data, ctx),
    future: isFuture(published, ctx.now),
    data,
  };
  // Optional keys are left out rather than set to undefined, so snapshots and JSON stay clean.
  if (title !== undefined) post.title = title;
  if (folderPath !== undefined) post.folderPath = folderPath;
  if (aliases.length > 0) post.aliases = aliases;
  if (updated !== undefined) post.updated = updated;
  const description = explicitDescription(data, ctx);
  if (description !== undefined) post.description = description;
  return post;
}
