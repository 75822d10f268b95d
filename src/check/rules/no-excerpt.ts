/** `no-excerpt` (off by default): a long post whose excerpt falls back to its first paragraph. */
import type { PostCheck } from '../context.ts';

/** Posts longer than this many words are long enough to want a chosen excerpt. */
export const LONG_POST_WORDS = 400;

/** Report a long post with neither a `<!-- more -->`/`<!-- truncate -->` marker nor a description. */
export function checkNoExcerpt({ post, facts, report }: PostCheck): void {
  // A standalone page is in no list or feed: it needs no excerpt.
  if (post.raw.kind === 'page' || !facts || facts.marker || post.description !== undefined || facts.words <= LONG_POST_WORDS) return;
  report(
    'no-excerpt',
    `Long post (${facts.words} words) with no <!-- more --> marker and no description: lists and feeds show only its first paragraph`,
    { line: 1, column: 1 },
  );
}
