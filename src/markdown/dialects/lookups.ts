/**
 * Whether what a post's template syntax looked up still holds, and which texts an edit elsewhere
 * concerns: the main thread's side of the template pass (index.ts), kept apart from it because
 * the pass loads markdown parsers (embeds, figures) that only the rendering thread needs.
 */
import type { LinkContext } from '../data.ts';
import { escapeRegExp } from '../../shared/regexp.ts';
import { NO_SITE, type DialectContext } from './context.ts';
import { resolvePostRef } from './post-refs.ts';
import { siteAnswer } from './scope.ts';
import { templateAnswer } from './shortcode-templates.ts';

/**
 * Whether a recorded lookup of the pass still gives its answer: the site values, a shortcode
 * template (and those it includes), or the post a reference names.
 */
export function lookupHolds(dep: { lookup: string; answer: string | null }, context: Pick<LinkContext, 'contentDir' | 'postPaths'> & DialectContext): boolean {
  const { lookup, answer } = dep;
  if (lookup === 'site') return siteAnswer(context.site ?? NO_SITE) === answer;
  if (lookup.startsWith('shortcode:')) return templateAnswer(context.shortcodes, lookup.slice('shortcode:'.length)) === answer;
  if (lookup.startsWith('post:')) return (resolvePostRef(JSON.parse(lookup.slice('post:'.length)), context) ?? null) === answer;
  return false;
}

/** Whether a text names other posts through template syntax: dev resolves such posts again when a post's URL moves. */
export function namesPosts(text: string): boolean {
  return /{%-?\s*(?:post_url|link)\b|{{[<%]\s*(?:rel)?ref\b/.test(text);
}

/** The shortcode names whose rendering differs between two sets of templates (a template, or one it includes, changed, came or went). */
export function changedShortcodes(before: DialectContext['shortcodes'], after: DialectContext['shortcodes']): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names].filter((name) => templateAnswer(before, name) !== templateAnswer(after, name));
}

/** Whether a text calls one of `names`, as a Hugo shortcode or a Liquid tag. */
export function callsShortcode(text: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const alternatives = names.map((name) => escapeRegExp(name)).join('|');
  return new RegExp(`(?:{{[<%]\\s*/?|{%-?\\s*)(?:${alternatives})(?![\\w/-])`).test(text);
}
