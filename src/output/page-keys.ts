/**
 * Keys of output files: equal keys mean equal bytes, so a build can keep last build's file
 * without rendering it. A page's key is its plan's shape key, the content of every post it
 * shows, and everything site-wide that templates read: config, tags, authors, templates, this tool.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { digest, digestAll } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Plan } from '../render/plan.ts';
import { filesUnder } from './files.ts';
import type { RenderedPost, Site } from '../types.ts';

/** What every page of the site depends on besides its own plan. */
export function siteDigest(site: Site, templateDirs: readonly string[]): string {
  const withoutPosts = <T extends { posts: unknown }>({ posts: _, ...rest }: T) => rest;
  return digest(
    generatorVersion(),
    JSON.stringify([site.config, site.routes.basePath, site.author, site.tags.map(withoutPosts), site.authors.map(withoutPosts)]),
    // The footer's year, and feeds' `updated` on a site without posts.
    site.posts.length === 0 ? site.now.toISOString() : String(site.now.getUTCFullYear()),
    ...templateDirs.flatMap((dir) => filesUnder(dir).flatMap((name) => [name, readFileSync(path.join(dir, name), 'utf8')])),
  );
}

const postDigests = new WeakMap<RenderedPost, string>();

/** Everything about a post a page can show: its normalised fields and what its markdown gave. */
function postDigest(post: RenderedPost): string {
  let known = postDigests.get(post);
  if (known === undefined) {
    const { raw, html: _html, excerptHtml: _excerpt, assets: _assets, ...shown } = post;
    known = digest(post.digest, raw.file.path, JSON.stringify(shown));
    postDigests.set(post, known);
  }
  return known;
}

const listDigests = new WeakMap<readonly RenderedPost[], string>();

/**
 * One digest for a whole list (`site.posts`, a tag's posts), made once: every page of a
 * paginated list is keyed on the same list, and digesting it per page was quadratic
 * (10,000 home pages × 100,000 posts on the bench's biggest site).
 */
function listDigest(list: readonly RenderedPost[]): string {
  let known = listDigests.get(list);
  if (known === undefined) {
    known = digestAll(list.map(postDigest));
    listDigests.set(list, known);
  }
  return known;
}

/** The key of one plan's output file. */
export function pageKey(site: string, plan: Plan): string {
  return digestAll([site, plan.file, plan.key, ...plan.posts.map(postDigest), 'lists', plan.lists ? listDigest(plan.lists) : '']);
}
