/**
 * The anchor step, between the markdown stage and the site model: a link whose fragment is
 * another generator's id for exactly one heading of the page it leads to (`#what-s-next`, Zola's
 * id for "What's next?") is pointed at our id (`#whats-next`) in the post's body and excerpt.
 *
 * Why here: a post's body is cached per post (markdown/stage.ts), but where its links lead depends
 * on OTHER posts' headings, which the post's cache key does not cover. So the cached body stays
 * as the author wrote it, and this step runs on every build and dev rebuild, after the cache, from
 * the facts the markdown stage recorded (every post's ids and other generators' ids for its
 * headings). A rewritten post is a new object with a new `digest`: page keys (session/page-keys.ts)
 * see the change like any other, and the same inputs always give the same object, so an
 * unchanged post keeps its memoised keys across dev rebuilds.
 */
import { digest } from '../../cache/store.ts';
import type { UrlFact } from '../../markdown/facts/facts.ts';
import type { RenderedPost } from '../../types.ts';
import { linkTargets } from '../rules/link-targets.ts';
import { indexPosts, type SiteIndex } from '../site-index.ts';
import { guessAnchor, unresolvedFragment } from './match.ts';
import { rewriteHrefs, type HrefRewrite } from './rewrite-html.ts';
import { safeDecode } from '../../shared/decode.ts';

/** Each post (by the object the markdown stage gave) → what the step last made of it. */
const shown = new WeakMap<RenderedPost, { key: string; post: RenderedPost }>();

/** `posts` as pages show them: the same objects, but for those with links to another generator's heading ids. */
export function resolveForeignAnchors(posts: readonly RenderedPost[], basePath: string): RenderedPost[] {
  const index = indexPosts(posts, basePath);
  return posts.map((post) => showWith(post, rewritesOf(post, index)));
}

/** What the last `resolveForeignAnchors` made of `post` (itself when it changed nothing). */
export function shownAs(post: RenderedPost): RenderedPost {
  return shown.get(post)?.post ?? post;
}

/** The links of `post` to be pointed at our ids. */
function rewritesOf(post: RenderedPost, index: SiteIndex): HrefRewrite[] {
  const facts = post.raw.file.data.check;
  if (!facts) return [];
  // Only URLs with a fragment that this page cannot answer itself: tables of contents are many links, all fine.
  const worthResolving = (fact: UrlFact) => {
    const hash = fact.url.indexOf('#');
    return hash > 0 || (hash === 0 && !facts.ids.has(safeDecode(fact.url.slice(1))));
  };
  const rewrites: HrefRewrite[] = [];
  for (const { fact, href, target } of linkTargets(facts, post.path, index, worthResolving)) {
    const fragment = unresolvedFragment(target);
    const guess = fragment === undefined ? undefined : guessAnchor(fragment, target.kind === 'found' ? target.foreign : undefined);
    if (guess?.kind !== 'one') continue;
    const to = href.slice(0, href.indexOf('#') + 1) + guess.heading.id;
    rewrites.push({ tagName: fact.tagName, attribute: fact.attribute, from: href, to });
  }
  return rewrites;
}

/** The post with `rewrites` applied: a new object only when they changed since last time. */
function showWith(post: RenderedPost, rewrites: readonly HrefRewrite[]): RenderedPost {
  if (rewrites.length === 0) {
    shown.delete(post);
    return post;
  }
  const key = JSON.stringify(rewrites);
  const known = shown.get(post);
  if (known?.key === key) return known.post;
  // Spread reads `html` through its getter when the body waits in a file (markdown/bodies.ts): only these few posts hold theirs.
  const next: RenderedPost = {
    ...post,
    html: rewriteHrefs(post.html, rewrites),
    excerptHtml: rewriteHrefs(post.excerptHtml, rewrites),
    digest: digest(post.digest, key),
  };
  shown.set(post, { key, post: next });
  return next;
}
