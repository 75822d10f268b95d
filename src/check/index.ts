/**
 * The check stage: content checks that need the whole site (every page path, every post's heading
 * ids), run after the markdown stage on the site model. Messages go on the posts' VFiles, like
 * every other stage's, so the build, `npm run check` and the dev overlay all show them.
 */
import type { VFile } from 'vfile';
import type { RenderedPost, Site } from '../types.ts';
import type { PostCheck, Report } from './context.ts';
import { clearCheckMessages, fileCheckMessage, isCheckMessage } from './file-message.ts';
import { isRuleId, severityOf, type RuleId } from './rules.ts';
import { checkBrokenAnchors } from './rules/broken-anchor.ts';
import { checkBrokenLinks } from './rules/broken-link.ts';
import { checkEmptyUrls } from './rules/empty-url.ts';
import { summarizeForeignLinks } from './rules/foreign-links.ts';
import { checkForeignAnchors } from './rules/foreign-anchor.ts';
import { checkImageAlt } from './rules/image-alt.ts';
import { checkInvisibleChars } from './rules/invisible-chars.ts';
import { checkMojibake } from './rules/mojibake.ts';
import { checkNoExcerpt } from './rules/no-excerpt.ts';
import { checkSimilarTags } from './rules/similar-tags.ts';
import { checkThemeRefs } from './rules/theme-refs.ts';
import { indexSite, type SiteIndex } from './site-index.ts';

export { indexSite, type SiteIndex } from './site-index.ts';
export { resolveForeignAnchors, shownAs } from './anchors/resolve.ts';

export { RULES, type RuleId, type RuleSetting } from './rules.ts';
export { fixOf, type Fix } from './file-message.ts';

/** What the checks need besides the site model. */
export interface CheckOptions {
  /** Every file of the run: the config's `rules` also set the severity of what earlier stages filed (`missing-asset`, ...). */
  files: readonly VFile[];
  /** Every output file and static folder links may point to (from {@link indexSite}, with the planned files). */
  index: SiteIndex;
  /**
   * Check only these posts, and no site-wide rule: a dev edit that moved no URL, heading id or
   * tag cannot change what the other posts' checks find (their links and anchors still resolve alike).
   */
  only?: ReadonlySet<RenderedPost>;
  /**
   * Where lines about the whole site go (`142 links to /docs/… (not part of this blog)`): the site's
   * config file, which the caller reports with the others. None: no such lines.
   */
  summary?: VFile;
}

/** The per-post rules, in the order their messages read best. */
const POST_RULES: ReadonlyArray<[RuleId, (check: PostCheck, index: SiteIndex) => void]> = [
  ['broken-link', checkBrokenLinks],
  ['broken-anchor', checkBrokenAnchors],
  ['foreign-anchor', checkForeignAnchors],
  ['image-alt', checkImageAlt],
  ['empty-url', checkEmptyUrls],
  ['mojibake', checkMojibake],
  ['invisible-chars', checkInvisibleChars],
  ['no-excerpt', checkNoExcerpt],
];

/**
 * Run every enabled rule on the site's posts, filing messages on their files. Calling it again
 * (a dev rebuild) replaces the messages of the previous call, so it is safe to run after every change.
 */
export function runChecks(site: Site, options: CheckOptions): void {
  const settings = site.config.rules;
  // Standalone pages are checked as posts are: their links, anchors, images and text.
  const everyPost = [...site.posts, ...(site.pages ?? [])];
  const posts = options.only ? everyPost.filter((post) => options.only!.has(post)) : everyPost;
  const postFiles = posts.map((post) => post.raw.file);
  const files = new Set([...(options.only ? [] : options.files), ...postFiles]);
  clearCheckMessages([...files, ...(options.summary ? [options.summary] : [])]);
  const { index } = options;
  const checks = new Map<RenderedPost, PostCheck>();
  for (const post of posts) {
    const file = post.raw.file;
    const report: Report = (ruleId, reason, place, fix, byDefault) => {
      const severity = severityOf(ruleId, settings, byDefault);
      if (severity !== undefined) fileCheckMessage(file, reason, ruleId, severity, place, fix);
    };
    checks.set(post, { post, file, facts: file.data.check, report });
  }
  for (const check of checks.values()) {
    for (const [ruleId, rule] of POST_RULES) if (severityOf(ruleId, settings) !== undefined) rule(check, index);
  }
  if (!options.only && severityOf('similar-tags', settings) !== undefined) checkSimilarTags(site, (post) => checks.get(post));
  // From every post, also those a dev rebuild did not check again: their findings still hold.
  if (options.summary && severityOf('broken-link', settings) !== undefined) summarizeForeignLinks(everyPost, options.summary);
  // The config's css, favicon, image and nav: a static file added or removed in dev changes what they find, so every run.
  if (options.summary) checkThemeRefs(site, index, options.summary);
  applySettings(files, settings);
  // Each stage appended its own messages; in position order they read as the file does (JSON lines too).
  for (const file of postFiles) file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Messages filed before this stage under a rule of the table (`missing-asset` from the link plugin,
 * `unknown-author` from the normaliser, ...) take the severity the config gives that rule, or go when it is off.
 * Only rules the config names: unnamed ones keep the severity their stage chose.
 */
function applySettings(files: Iterable<VFile>, settings: Site['config']['rules']): void {
  if (!settings) return;
  for (const file of files) {
    file.messages = file.messages.filter((message) => {
      const ruleId = message.ruleId;
      if (isCheckMessage(message) || !ruleId || !isRuleId(ruleId) || settings[ruleId] === undefined) return true;
      const severity = severityOf(ruleId, settings);
      if (severity === undefined) return false;
      message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
      return true;
    });
  }
}
