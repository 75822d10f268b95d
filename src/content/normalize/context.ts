/** What every normaliser may consult, and how it reports problems. */
import type { AuthorEntry, KeyPath, SiteConfig, TagEntry, Severity } from '../../types.ts';

/** Options of one message about a front matter field. */
export interface FieldMessage {
  /** The key path the message is about; the reporter turns it into file:line:column. */
  path?: KeyPath;
  severity: Severity;
  /** Stable rule id, kebab-case (`invalid-date`, `unknown-author`, ...). */
  ruleId: string;
}

/** Everything a normaliser needs besides the front matter itself. */
export interface NormalizeContext {
  config: SiteConfig;
  /** authors.yml entries by id. */
  authors: ReadonlyMap<string, AuthorEntry>;
  /** tags.yml entries by id. */
  tags: ReadonlyMap<string, TagEntry>;
  /** "Now", to decide which posts are in the future. */
  now: Date;
  /** Report a problem; never throw for bad input. */
  report(reason: string, options: FieldMessage): void;
}
