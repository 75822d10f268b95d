/**
 * A post's or a standalone page's `image` as templates show it: the hero at the top of its own page
 * (templates/_hero.liquid) and the thumbnail in lists (templates/_post-summary.liquid), both from the
 * size and resized copies the markdown stage planned for it (markdown/render.ts `heroOf`).
 */
import type { RenderedPost } from '../types.ts';
import type { HeroView } from './view-types.ts';

/**
 * The thumbnail's shown width (static/style.css `.post-thumb`): 160 px beside the summary, the whole
 * column under 30rem. Without it a browser takes the copies as full-column images and fetches a
 * wider one than the 160 px slot needs.
 */
export const THUMBNAIL_SIZES = '(max-width: 30rem) calc(100vw - 2rem), 160px';

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
