/** What lists show about a body without holding it: its reading time, and whether the excerpt is all of it. */
import { asciiLower, forwardFinder } from '../shared/forward-finder.ts';

/** Elements whose content is not read: code for the browser, not words for the reader. */
const SKIPPED = ['script', 'style'];

/**
 * Reading time at ~220 words a minute, at least one: the words of `html` outside its tags and its
 * `<script>`/`<style>` elements. One pass, each character looked at a bounded number of times: the
 * regexes this replaces (`/<(script|style)[\s\S]*?<\/\1>/`, `/<[^>]*>/`) scanned to the end of the
 * body from every `<script` or `<` that had no end, and an attribute value (`title="<<<…"`, where
 * `<` stays raw) made that quadratic: a 1 MB body took minutes.
 */
export function readingMinutes(html: string): number {
  const lower = asciiLower(html);
  // Each end tag looked for once, not once per opener (forward-finder.ts).
  const find = forwardFinder(lower);
  let words = 0;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    words += countWords(html.slice(at, open === -1 ? html.length : open));
    if (open === -1) break;
    const name = SKIPPED.find((candidate) => lower.startsWith(candidate, open + 1));
    const end = name === undefined ? -1 : find(`</${name}>`, open + 1 + name.length);
    if (name !== undefined && end !== -1) {
      at = end + name.length + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) {
      // No tag ends after here: the rest is text, `<` and all (as the regexes left it).
      words += countWords(html.slice(open));
      break;
    }
    at = close + 1;
  }
  return Math.max(1, Math.round(words / 220));
}

/** The words of a stretch of text: runs of non-space characters. */
function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) count++;
  return count;
}

/** The excerpt is shorter than the post, so a "read more" link makes sense. */
export function hasMore(excerptHtml: string, html: string): boolean {
  return excerptHtml.trim() !== html.trim();
}
