/**
 * The content checks of `npm run check` (and of every build and dev rebuild): one id per rule,
 * with the severity it has unless the site config's `rules` says otherwise.
 */
import type { Severity } from '../types.ts';

/** What a site config may set a rule to: a severity, `off`, or `on` (its default severity). */
export type RuleSetting = Severity | 'off' | 'on';

/** One rule of the table. */
export interface RuleInfo {
  severity: Severity;
  /** Off unless the config turns it on. */
  off?: boolean;
  /** What it finds, for documentation and `--help`-style listings. */
  finds: string;
}

/** Every rule a site config may configure. `missing-asset` and `unknown-author` are filed by earlier stages (links, authors). */
export const RULES = {
  'broken-link': { severity: 'error', finds: 'a link to a post, tag, author, page or static file the site does not produce' },
  'broken-anchor': { severity: 'error', finds: 'a #fragment naming no id on the target post (or this one)' },
  'missing-asset': { severity: 'warning', finds: 'a local image, video or file that does not exist' },
  'image-alt': { severity: 'warning', finds: 'an image with empty or no alt text' },
  mojibake: { severity: 'warning', finds: 'UTF-8 text decoded as Windows-1252 (ðŸ˜› for 😛); fixable' },
  'invisible-chars': { severity: 'warning', finds: 'stray variation selectors, zero-width or bidi control characters, NUL; fixable' },
  'unknown-author': { severity: 'warning', finds: 'an author key that is not in authors.yml and not a full name' },
  'similar-tags': { severity: 'warning', finds: 'two tags that are probably one (kubernets ~ kubernetes)' },
  'empty-url': { severity: 'warning', finds: 'an href/src that is empty, // alone, or javascript:' },
  'heading-id': { severity: 'warning', finds: 'an explicit heading id ({#id}) that is empty, malformed or used twice in a post' },
  'unknown-component': { severity: 'warning', finds: 'a JSX component with no HTML equivalent (<MyChart />): left out, its content kept' },
  'mdx-expression': { severity: 'warning', finds: 'an MDX {expression} or attribute that needs JavaScript to show: left out' },
  'mdx-syntax': { severity: 'warning', finds: 'an .mdx post that is not valid MDX, and is read as Markdown' },
  'no-excerpt': { severity: 'info', off: true, finds: 'a long post without a truncate marker or a description' },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the table. */
export type RuleId = keyof typeof RULES;

/** Whether `id` names a rule of the table. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** The severity a rule reports with under `settings`, or undefined when it is off. */
export function severityOf(id: RuleId, settings: Readonly<Record<string, RuleSetting>> | undefined): Severity | undefined {
  const rule: RuleInfo = RULES[id];
  const setting = settings?.[id];
  if (setting === 'off' || (setting === undefined && rule.off)) return undefined;
  return setting === undefined || setting === 'on' ? rule.severity : setting;
}
