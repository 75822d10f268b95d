/**
 * Which posts a dev rebuild renders again although their own text did not change: what a post's
 * markdown looked up elsewhere (other posts' URLs, site shortcode templates) may have moved since
 * the last rebuild. The markdown cache records the same lookups for builds (markdown/data.ts).
 */
import { callsShortcode, changedShortcodes, namesPosts } from '../markdown/dialects/lookups.ts';
import type { MarkdownContext } from '../markdown/job.ts';
import { MENTIONS_POST_FILE } from '../shared/post-files.ts';

/** What changed since the last rebuild, and which post texts that concerns. */
export interface Lookups {
  /** Some post's URL appeared, moved or vanished. */
  urlsMoved: boolean;
  /** Names of shortcode templates edited, added or removed. */
  shortcodes: string[];
  /** Whether a post with this text looked up something that changed: then it renders again, resolving afresh. */
  stale(text: string): boolean;
}

/** The lookups of the last rebuild, compared with each new one's. */
export class LookupHistory {
  private postPaths: ReadonlyMap<string, string> = new Map();
  private shortcodes: MarkdownContext['shortcodes'];

  /** The post URLs of the last rebuild: an edit that moves none resolves links against them. */
  get lastPostPaths(): ReadonlyMap<string, string> {
    return this.postPaths;
  }

  /** Remember `context` as the last rebuild's, without comparing (the first render renders everything). */
  reset(context: MarkdownContext): void {
    this.postPaths = context.postPaths;
    this.shortcodes = context.shortcodes;
  }

  /** Compare `context` with the last rebuild's, then remember it. */
  advance(context: MarkdownContext): Lookups {
    const urlsMoved = moved(this.postPaths, context.postPaths);
    const shortcodes = changedShortcodes(this.shortcodes, context.shortcodes);
    this.reset(context);
    return {
      urlsMoved,
      shortcodes,
      // Posts linking to .md files, or naming posts through post_url/ref, resolve their links again.
      stale: (text) => (urlsMoved && (MENTIONS_POST_FILE.test(text) || namesPosts(text))) || callsShortcode(text, shortcodes),
    };
  }
}

/** Whether any post's URL appeared, moved or vanished between two maps of source → URL. */
function moved(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): boolean {
  if (after.size !== before.size) return true;
  for (const [source, url] of after) if (before.get(source) !== url) return true;
  return false;
}
