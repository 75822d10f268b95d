/**
 * rehype plugin: body images that do not shift the layout and do not all load at once.
 * - local images (the link plugin names their file) get `width`/`height` read from the file, so the
 *   browser reserves their box before they arrive; an author's own width or height is left alone;
 * - every image but the first gets `loading="lazy"` and `decoding="async"`: the first is likely
 *   near the top of the page, where lazy loading would only delay it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { imageSize } from 'image-size';
import { walk } from '../shared/walk.ts';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import type { LinkDependency } from './data.ts';

/** Size and lazy-load the body's images. Runs after the link plugin, before the excerpt is cut. */
export default function rehypeImages() {
  return (tree: Root, file: VFile): void => {
    let first = true;
    walk<Element>(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const source = node.data?.sourceFile;
      if (source !== undefined && node.properties.width === undefined && node.properties.height === undefined) {
        const size = sizeOf(source, file.data.links?.deps, (reason) => addMessage(file, reason, { place: node.position?.start, ruleId: 'image-size', severity: 'warning' }));
        if (size) Object.assign(node.properties, size);
      }
      if (!first) {
        node.properties.loading ??= 'lazy';
        node.properties.decoding ??= 'async';
      }
      first = false;
    });
  };
}

/**
 * The size an image is shown at, recording the file's size and mtime in `deps`: a cached rendering
 * holds only while the file is unchanged.
 */
function sizeOf(source: string, deps: LinkDependency[] | undefined, report: (reason: string) => void): { width: number; height: number } | undefined {
  deps?.push({ image: source, stamp: imageStamp(source) });
  try {
    const size = imageSize(readFileSync(source));
    // EXIF orientations 5–8 turn the picture a quarter: browsers show it with width and height swapped.
    return (size.orientation ?? 1) >= 5 ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch (cause) {
    report(`Cannot read the size of ${path.basename(source)}: ${(cause as Error).message}`);
    return undefined;
  }
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
