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

/**
 * Every rule a site config may configure. `missing-asset`, `unknown-author`, `control-chars`, `unknown-shortcode` and
 * `unknown-variable` are filed by earlier stages (links, authors, the template pass of markdown/dialects/).
 */
export const RULES = {
  'broken-link': { severity: 'error', finds: 'a link to a post, tag, author, page or static file the site does not produce (a warning where the blog has no URLs, and in the config nav)' },
  'broken-anchor': { severity: 'error', finds: 'a #fragment naming no id on the target post (or this one)' },
  'foreign-anchor': { severity: 'info', finds: "a #fragment in another generator's heading ids (Zola, Hugo, Jekyll), pointed at ours; fixable" },
  'missing-asset': { severity: 'warning', finds: 'a local image, video, audio, script, stylesheet or icon that does not exist, in a post or the config (css, favicon, image)' },
  'image-alt': { severity: 'warning', finds: 'an image with empty or no alt text' },
  mojibake: { severity: 'warning', finds: 'UTF-8 text decoded as Windows-1252 (ðŸ˜› for 😛); fixable' },
  'invisible-chars': { severity: 'warning', finds: 'stray variation selectors, zero-width or bidi control characters, NUL; fixable' },
  'control-chars': { severity: 'warning', finds: 'a control character (\\x00, \\x1b) in a front matter title, description, tag or author: removed' },
  'unknown-author': { severity: 'warning', finds: 'an author key that is not in authors.yml and not a full name' },
  'similar-tags': { severity: 'warning', finds: 'two tags that are probably one (kubernets ~ kubernetes)' },
  'empty-url': { severity: 'warning', finds: 'an href/src that is empty, // alone, or javascript:' },
  'unknown-shortcode': { severity: 'warning', finds: 'a Hugo shortcode or Liquid/Nunjucks tag with no built-in meaning and no templates/shortcodes/<name>.liquid' },
  'unknown-variable': { severity: 'warning', finds: 'a {{ variable }} or {{< param >}} a post cannot know (site.repository, a filter we lack)' },
  'heading-id': { severity: 'warning', finds: 'an explicit heading id ({#id}) that is empty, malformed or used twice in a post' },
  'unknown-component': { severity: 'warning', finds: 'a JSX component with no HTML equivalent (<MyChart />): left out, its content kept' },
  'mdx-expression': { severity: 'warning', finds: 'an MDX {expression} or attribute that needs JavaScript to show: left out' },
  'mdx-syntax': { severity: 'warning', finds: 'an .mdx post that is not valid MDX, and is read as Markdown' },
  'no-excerpt': { severity: 'info', off: true, finds: 'a long post without a truncate marker or a description' },
  'unknown-callout': { severity: 'warning', finds: 'a :::name admonition or > [!NAME] alert of a type the theme does not style; its content is kept' },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the table. */
export type RuleId = keyof typeof RULES;

/** Whether `id` names a rule of the table. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/**
 * The severity a rule reports with under `settings`, or undefined when it is off. `byDefault` stands
 * for the rule's own severity, for findings milder than its usual ones (a link to a draft, to a path
 * the blog does not own): a setting still applies to them, as to every message of the rule.
 */
export function severityOf(id: RuleId, settings: Readonly<Record<string, RuleSetting>> | undefined, byDefault?: Severity): Severity | undefined {
  const rule: RuleInfo = RULES[id];
  const setting = settings?.[id];
  if (setting === 'off' || (setting === undefined && rule.off)) return undefined;
  return setting === undefined || setting === 'on' ? (byDefault ?? rule.severity) : setting;
}
