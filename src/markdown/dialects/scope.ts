/** What Liquid in a post body and a site's shortcode templates may read of the post and the site. */
import { digest } from '../../cache/store.ts';
import type { ExpandEnv } from './expand.ts';

/** Jekyll's `site` (the base URL empty, so links stay root-relative and links.ts adds our base path) and `page`. */
export function scopeOf(env: ExpandEnv): { site: Record<string, unknown>; page: Record<string, unknown> } {
  return {
    site: { ...env.site, baseurl: '', url: '' },
    page: { ...env.frontMatter(), url: `/${env.pagePath}` },
  };
}

/** The site values as a cached result's lookup answer: a result that read them holds while they stay. */
export function siteAnswer(site: ExpandEnv['site']): string {
  return digest(JSON.stringify(site));
}
