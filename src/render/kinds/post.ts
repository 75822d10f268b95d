/** Each post's page, at the post's own path, with its neighbours and related posts. */
import type { RenderedPost } from '../../types.ts';
import type { PageContext } from '../page-context.ts';
import { outputFileOf } from '../../site/routes.ts';
import { postsKey } from '../plan.ts';
import { KATEX_STYLESHEET } from '../katex.ts';

/** Plan one page per post. */
export function planPosts({ site, views, add, page, wants }: PageContext): void {
  for (const [index, current] of site.posts.entries()) {
    // Before its related posts are worked out: the one costly part of planning a post's page.
    if (!wants(outputFileOf(current.path))) continue;
    // Neighbours' and related posts' titles and links show on the page, so they are part of what it depends on.
    const neighbours = [site.posts[index + 1], site.posts[index - 1]].filter((p): p is RenderedPost => p !== undefined);
    const related = views.related(current);
    add({
      template: 'post',
      path: current.path,
      key: `${site.posts[index + 1]?.path ?? ''}\n${site.posts[index - 1]?.path ?? ''}\n${postsKey(related)}`,
      posts: [current, ...neighbours, ...related],
      view: () => {
        const post = views.post(index);
        return {
          page: page(current.path, post.title, {
            description: post.summary,
            canonical: post.canonical,
            type: 'article',
            image: post.image,
            imageAlt: post.hero?.alt || null,
            lang: post.lang,
            alternates: post.lang.toLowerCase() === site.config.language.toLowerCase() ? [] : [{ hreflang: post.lang, href: post.url }],
            section: 'post',
            publishedTime: post.published.iso,
            modifiedTime: post.updated?.iso ?? null,
            twitterSite: post.twitterUsername ? `@${post.twitterUsername.replace(/^@/, '')}` : null,
            noindex: post.draft,
            // Only pages with math load KaTeX's stylesheet (and, through it, its fonts).
            math: current.math ? { stylesheet: site.routes.href(KATEX_STYLESHEET) } : null,
          }),
          post,
        };
      },
    });
  }
}
