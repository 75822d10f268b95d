/**
 * A post's or a standalone page's `image` as the hero at the top of its own page
 * (templates/_hero.liquid), from the size and resized copies the markdown stage planned for it
 * (markdown/render.ts `heroOf`).
 */
import type { RenderedPost } from '../types.ts';
import type { HeroView } from './view-types.ts';

/**
 * The hero of `post`, or null without `image`. Without alt text it is decorative (`alt=""`): the
 * title right beside it already says what it is about. A local image also gets its size (no layout
 * shift) and resized copies (media/image-plan.ts); a remote one neither.
 */
export function heroView(post: RenderedPost): HeroView | null {
  if (!post.image) return null;
  const hero = post.hero;
  return { src: post.image, alt: post.imageAlt ?? '', width: hero?.width ?? null, height: hero?.height ?? null, sources: hero?.sources ?? [], sizes: hero?.sizes ?? '' };
}
