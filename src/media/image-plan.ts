/**
 * Which resized copies of a local image a page offers, and where they go: decided from the image's
 * bytes and size alone, so the markdown workers can write the `<picture>` without encoding anything.
 * The media stage (image-stage.ts) encodes the copies the plans name, after the markdown stage.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { hrefUnder } from '../site/routes.ts';
import type { ImageFormat, ImageJob, ImageVariant, PictureSource, Point } from '../types.ts';

export type { HeroImage, ImageFormat, ImageJob, ImageVariant, PictureSource } from '../types.ts';

/**
 * The theme's content column in CSS px: `main { max-width: 70ch; padding-inline: 1rem }` at 17 px
 * (static/style.css), measured in Chromium at 725 px wide once the viewport reaches 757 px.
 */
export const COLUMN_PX = 725;
const COLUMN_FROM_VIEWPORT_PX = 757;

/** What the browser is told about the shown width: the column, or the viewport less the padding on narrow screens. */
export const SIZES = `(min-width: ${COLUMN_FROM_VIEWPORT_PX}px) ${COLUMN_PX}px, calc(100vw - 2rem)`;

/** Widths offered, up to the column at 2× (high-density screens); never wider than the original. */
const LADDER = [480, 800, 1200];
const MAX_WIDTH = COLUMN_PX * 2;

/**
 * Encoder settings, part of every variant's key: changing one makes new files. AVIF at effort 2
 * costs 1.1–1.5× WebP's time on a 2,400 px photo (effort 4, sharp's default, cost 8×; see
 * scripts/bench-images.ts), under the 2× the issue allows, and makes files about half WebP's size.
 */
export const FORMATS = [
  { format: 'avif', type: 'image/avif', options: { quality: 50, effort: 2 } },
  { format: 'webp', type: 'image/webp', options: { quality: 80, effort: 4 } },
] as const satisfies ReadonlyArray<{ format: ImageFormat; type: string; options: object }>;

/** Source types sharp resizes well; SVG (already scalable) and GIF (usually animated) stay as written. */
const RESIZABLE = new Set(['jpg', 'png', 'webp', 'avif', 'tiff']);

/** What a page shows for one image: its sources, and the job that makes their files. */
export interface ImagePlan {
  sources: PictureSource[];
  sizes: string;
  job: ImageJob;
}

/** What is known of an image before planning it. */
export interface ImageFacts {
  source: string;
  bytes: Uint8Array;
  /** image-size's type name (`jpg`, `png`, `svg`…). */
  type: string | undefined;
  /** The size it shows at (EXIF rotation applied). */
  width: number;
  height: number;
  /** Site-relative output path of the original, which stays the `<img src>`. */
  output: string;
  src: string;
  basePath: string;
  place?: Point;
}

/** The widths to make for an image `width` px wide: empty when it is narrower than the smallest. */
export function widthsFor(width: number): number[] {
  const top = Math.min(width, MAX_WIDTH);
  const widths = LADDER.filter((step) => step <= top);
  // The largest copy reaches the cap (or the original) unless the ladder already comes within 10 %.
  const largest = widths.at(-1);
  if (largest !== undefined && top > largest * 1.1) widths.push(top);
  return widths;
}

/** The plan for one image, or undefined when it is one to leave as it is (not resizable, or too small). */
export function planImage(facts: ImageFacts): ImagePlan | undefined {
  if (facts.type === undefined || !RESIZABLE.has(facts.type)) return undefined;
  const widths = widthsFor(facts.width);
  if (widths.length === 0) return undefined;
  const content = createHash('sha256').update(facts.bytes).digest('hex');
  const { dir, name } = path.posix.parse(facts.output);
  const variants: ImageVariant[] = [];
  const sources = FORMATS.map(({ format, type, options }) => {
    const candidates = widths.map((width) => {
      const key = createHash('sha256').update(`${content}\0${width}\0${format}\0${JSON.stringify(options)}`).digest('hex');
      const output = path.posix.join(dir, `${name}-${width}.${key.slice(0, 10)}.${format}`);
      variants.push({ width, format, output, key });
      return `${hrefUnder(facts.basePath, output)} ${width}w`;
    });
    return { type, srcset: candidates.join(', ') };
  });
  return { sources, sizes: SIZES, job: { source: facts.source, src: facts.src, place: facts.place, variants } };
}
