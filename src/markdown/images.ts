/**
 * rehype plugin: body images that do not shift the layout, do not all load at once, and come in
 * sizes and formats fit for the screen.
 * - local images (the link plugin names their file) get `width`/`height` read from the file, so the
 *   browser reserves their box before they arrive; an author's own width, height or srcset is left alone;
 * - those sharp can resize (not SVG, GIF, or ones narrower than the smallest width) are wrapped in a
 *   `<picture>` whose AVIF and WebP `<source>`s list resized copies; the `<img>` keeps the original.
 *   Only the copies' names are decided here (media/image-plan.ts); the media stage encodes them
 *   after the markdown stage, from the jobs left in `file.data.images`;
 * - every image but the first gets `loading="lazy"` and `decoding="async"`: the first is likely
 *   near the top of the page, where lazy loading would only delay it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { imageSize } from 'image-size';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { planImage, type ImageJob, type ImagePlan } from '../media/image-plan.ts';
import { safeDecode } from '../shared/decode.ts';
import { walk } from '../shared/walk.ts';
import type { Point } from '../types.ts';
import { splitUrl } from '../shared/url.ts';

declare module 'vfile' {
  interface DataMap {
    /** The resized copies the page's `<picture>`s name, for the media stage to encode. */
    images: ImageJob[];
  }
}

/** Size, offer resized copies of, and lazy-load the body's images. Runs after the link plugin, before the excerpt is cut. */
export default function rehypeImages() {
  return (tree: Root, file: VFile): void => {
    let first = true;
    walk<Element>(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img') return;
      const source = node.data?.sourceFile;
      let plan: ImagePlan | undefined;
      if (source !== undefined && node.properties.width === undefined && node.properties.height === undefined) {
        const shown = localImage(source, String(node.properties.src ?? ''), file, node.position?.start);
        if (shown) Object.assign(node.properties, shown.size);
        plan = shown?.plan;
      }
      if (!first) {
        node.properties.loading ??= 'lazy';
        node.properties.decoding ??= 'async';
      }
      first = false;
      // An author's own srcset or <picture> says what to offer already.
      const own = node.properties.srcSet !== undefined || (parent as Element | undefined)?.tagName === 'picture';
      if (!plan || own || !parent || index === undefined) return;
      (file.data.images ??= []).push(plan.job);
      parent.children[index] = picture(node, plan) as Root['children'][number];
      return 'skip';
    });
  };
}

/** `<picture>` around `img`, with one `<source>` per format. */
function picture(img: Element, plan: ImagePlan): Element {
  const sources: ElementContent[] = plan.sources.map((source) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: source.type, srcSet: source.srcset, sizes: plan.sizes },
    children: [],
  }));
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, img], position: img.position };
}

/** What a page shows of a local image: the size to reserve, and the copies to offer when it can be resized. */
export interface LocalImage {
  size: { width: number; height: number };
  plan?: ImagePlan;
}

/**
 * The size of the local image `source` shown as `src`, and its plan of resized copies; problems
 * are warnings at `place`. Also for the hero image (render.ts). Undefined when its size can't be read.
 */
export function localImage(source: string, src: string, file: VFile, place: Point | undefined): LocalImage | undefined {
  const context = file.data.links;
  const deps = context?.deps;
  deps?.push({ image: source, stamp: imageStamp(source) });
  let bytes: Buffer;
  let read: ReturnType<typeof imageSize>;
  try {
    bytes = readFileSync(source);
    read = imageSize(bytes);
  } catch (cause) {
    addMessage(file, `Cannot read the size of ${path.basename(source)}: ${(cause as Error).message}`, { place, ruleId: 'image-size', severity: 'warning' });
    return undefined;
  }
  // EXIF orientations 5–8 turn the picture a quarter: browsers show it with width and height swapped.
  const size = (read.orientation ?? 1) >= 5 ? { width: read.height, height: read.width } : { width: read.width, height: read.height };
  const output = context && outputOf(source, src, file, context.basePath);
  if (output === undefined || !context) return { size };
  const plan = planImage({ source, bytes, type: read.type, ...size, output, src, basePath: context.basePath, place });
  return { size, plan };
}

/** Where the original lands in the output: beside the page (the link plugin's assets), or where static/ has it. */
function outputOf(source: string, src: string, file: VFile, basePath: string): string | undefined {
  const asset = file.data.assets?.get(source);
  if (asset !== undefined) return asset;
  const { pathname } = splitUrl(src);
  return pathname.startsWith(basePath) ? safeDecode(pathname.slice(basePath.length)) : undefined;
}

/** What an image's size is decided on, cheaply compared on a warm build: its byte length and mtime. */
export function imageStamp(source: string): string | null {
  try {
    const stats = statSync(source);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return null;
  }
}
