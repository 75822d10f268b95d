/** What the markdown context carries for the template pass, beyond what links resolve against. */
import type { ShortcodeTemplates } from './shortcode-templates.ts';

/** Config values that `{{ site.title }}`, `{{ site.description }}` and `{{< param >}}` read. */
export interface DialectSite {
  title: string;
  description: string;
  language?: string;
  author?: string;
}

/** The site values a context without any gives: empty, as before there were any. */
export const NO_SITE: DialectSite = { title: '', description: '' };

/** Site-wide inputs of the template pass; both optional, so a context without them renders as before. */
export interface DialectContext {
  site?: DialectSite;
  /** `templates/shortcodes/<name>.liquid` by name: in the context, so worker threads have them. */
  shortcodes?: ShortcodeTemplates;
}
