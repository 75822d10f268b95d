/** `image-alt`: an image with empty or no alt text, which screen readers announce as a bare file name or not at all. */
import { shown } from '../../messages.ts';
import type { PostCheck } from '../context.ts';

/** Report every body image whose alt text is missing or blank. */
export function checkImageAlt({ facts, report }: PostCheck): void {
  for (const image of facts?.images ?? []) {
    if (image.alt !== undefined && image.alt.trim() !== '') continue;
    report('image-alt', `Image ${image.src ? shown(image.src) : '(no src)'} has no alt text: describe what it shows for readers who cannot see it`, image.place);
  }
}
