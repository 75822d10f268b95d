/** Every HTML page of the site, from the site model through the Liquid templates (pure: model in, files out). */
import type { Site } from '../types.ts';
import type { OutputFile } from './output-file.ts';
import { createEngine } from './liquid.ts';
import { pageContext, type PageContext } from './page-context.ts';
import type { Plan } from './plan.ts';
import { planArchive } from './kinds/archive.ts';
import { planAuthors } from './kinds/authors.ts';
import { planHome } from './kinds/home.ts';
import { planNotFound } from './kinds/not-found.ts';
import { planStandalonePages } from './kinds/page.ts';
import { planPosts } from './kinds/post.ts';
import { planRedirects } from './kinds/redirects.ts';
import { planSearch } from './kinds/search.ts';
import { planTags } from './kinds/tags.ts';

/** The rendered pages, and the site-relative path of every page for the sitemap (not 404). */
export interface RenderedPages {
  files: OutputFile[];
  pagePaths: string[];
}

/**
 * The page kinds, one file each in kinds/, in the order their pages are written (Pagefind numbers
 * pages in that order). A new kind goes here and in the route table (site/routes.ts).
 */
const KINDS: ReadonlyArray<(context: PageContext) => void> = [planHome, planPosts, planStandalonePages, planTags, planAuthors, planArchive, planSearch, planNotFound, planRedirects];

/**
 * Render the home and its pages, every post, the tag, author and archive pages and 404.html.
 * `templateDirs` are searched in order: a site's own `templates/` first, then the defaults.
 */
export async function renderPages(site: Site, templateDirs: string[]): Promise<RenderedPages> {
  const engine = createEngine(templateDirs);
  const plans = planPages(site);
  const files: OutputFile[] = [];
  for (const plan of plans) files.push({ path: plan.file, contents: await plan.render(engine) });
  return { files, pagePaths: plans.flatMap((plan) => (plan.sitemapPath === undefined ? [] : [plan.sitemapPath])) };
}

/** Plans for every HTML page; views are built only when a plan is rendered. */
export function planPages(site: Site, wants?: (file: string) => boolean): Plan[] {
  const plans: Plan[] = [];
  const context = pageContext(site, plans, wants);
  for (const kind of KINDS) kind(context);
  return plans;
}
