/** Encoding one resized copy of an image with sharp: the expensive part of the media stage. */
import { FORMATS, type ImageFormat } from './image-plan.ts';

/** Make one copy of the image in `input`, `width` px wide, in `format`; rejects when the image cannot be decoded. */
export type ImageEncoder = (input: Buffer, width: number, format: ImageFormat) => Promise<Buffer>;

/** sharp with the settings of image-plan.ts (they are in every variant's key). */
export const sharpEncoder: ImageEncoder = async (input, width, format) => {
  // Loaded on the first copy, not with the pipeline: its native library costs ~130 ms of a start,
  // which a build with no image to encode (the nothing-to-do one among them) need not pay.
  const { default: sharp } = await import('sharp');
  const { options } = FORMATS.find((entry) => entry.format === format)!;
  // `rotate()` applies the EXIF orientation, so widths are the widths shown (as images.ts reads them);
  // `failOn: 'error'` rejects a truncated file rather than encoding a half-grey picture.
  const pipeline = sharp(input, { failOn: 'error' }).rotate().resize({ width, withoutEnlargement: true });
  return (format === 'avif' ? pipeline.avif(options) : pipeline.webp(options)).toBuffer();
};
