/** What a rule gets for one post, and how it reports. */
import type { VFile } from 'vfile';
import type { RenderedPost, Severity } from '../types.ts';
import type { CheckFacts } from '../markdown/facts/facts.ts';
import type { FixText, Place } from './file-message.ts';
import type { RuleId } from './rules.ts';

/**
 * Report a finding of rule `ruleId` at `place`; `fix` only when the repair is certain. `byDefault`
 * is the finding's severity when the config does not set the rule's (a milder kind of the rule's findings).
 */
export type Report = (ruleId: RuleId, reason: string, place: Place | undefined, fix?: FixText, byDefault?: Severity) => void;

/** One post under check. */
export interface PostCheck {
  post: RenderedPost;
  file: VFile;
  /** Undefined when the markdown stage did not run the collector (a cached rendering, a failed one). */
  facts?: CheckFacts;
  report: Report;
}
