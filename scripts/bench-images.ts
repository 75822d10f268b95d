/**
 * The cold cost of responsive images: one 2,400 × 1,600 photo-like JPEG through the media stage
 * with an empty cache folder (every copy encoded: AVIF and WebP at 480/800/1200/1450 px), as ms per
 * source image and per copy, the median of a few rounds; and, for the record of why AVIF is made at
 * effort 2, WebP's time against AVIF's at effort 2 and at sharp's default effort 4.
 *
 *   node --import tsx scripts/bench-images.ts [--rounds N]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { VFile } from 'vfile';
import { sharpEncoder } from '../src/media/image-encode.ts';
import { planImage } from '../src/media/image-plan.ts';
import { makeImages } from '../src/media/image-stage.ts';
import type { RenderedPost } from '../src/types.ts';
import { photoJpeg } from '../test/media/images-photo.ts';
import { formatMs, type Row } from './bench-table.ts';

export interface ImageBench {
  /** Median ms for all the copies of one source image, and per copy. */
  perImage: number;
  perVariant: number;
  variants: number;
  /** Median ms to encode the four widths in one format, for the AVIF decision. */
  webp: number;
  avif: number;
  avifDefault: number;
  bytes: { source: number };
  row: Row;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Run `rounds` cold rounds; `log` gets progress lines. */
export async function benchImages(rounds: number, log: (line: string) => void = () => undefined): Promise<ImageBench> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'blog-bench-images-'));
  try {
    log('Images: generating a 2,400 px photo-like JPEG …');
    const source = path.join(dir, 'photo.jpg');
    const bytes = await photoJpeg(2400, 1600);
    await writeFile(source, bytes);
    const plan = planImage({ source, bytes, type: 'jpg', width: 2400, height: 1600, output: 'posts/x/photo.jpg', src: '/posts/x/photo.jpg', basePath: '/' })!;
    const widths = [...new Set(plan.job.variants.map((variant) => variant.width))];
    const stage: number[] = [];
    const formats = { webp: [] as number[], avif: [] as number[], avifDefault: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      log(`Images: round ${round + 1} of ${rounds} …`);
      const post = { raw: { file: new VFile() }, html: '', excerptHtml: '', images: [plan.job] } as unknown as RenderedPost;
      const cache = path.join(dir, `cache-${round}`);
      const started = performance.now();
      const made = await makeImages([post], { dir: cache });
      stage.push(performance.now() - started);
      if (made.stats.encoded !== plan.job.variants.length) throw new Error(`expected ${plan.job.variants.length} encodes, got ${JSON.stringify(made.stats)}`);
      const timed = async (encode: (width: number) => Promise<unknown>) => {
        const start = performance.now();
        for (const width of widths) await encode(width);
        return performance.now() - start;
      };
      formats.webp.push(await timed((width) => sharpEncoder(bytes, width, 'webp')));
      formats.avif.push(await timed((width) => sharpEncoder(bytes, width, 'avif')));
      formats.avifDefault.push(await timed((width) => sharp(bytes).rotate().resize({ width }).avif({ quality: 50 }).toBuffer()));
    }
    const perImage = median(stage);
    const variants = plan.job.variants.length;
    const [webp, avif, avifDefault] = [median(formats.webp), median(formats.avif), median(formats.avifDefault)];
    return {
      perImage,
      perVariant: perImage / variants,
      variants,
      webp,
      avif,
      avifDefault,
      bytes: { source: bytes.length },
      row: {
        scenario: 'images: cold cost per 2,400 px photo',
        ours: `${formatMs(perImage)} (${formatMs(perImage / variants)} per copy)`,
        peer: '—',
        target: 'reported',
        note: `${variants} copies (AVIF and WebP at ${widths.join('/')} px) of a ${Math.round(bytes.length / 1024)} KiB JPEG, median of ${rounds} cold rounds; ${widths.length} widths: WebP ${formatMs(webp)}, AVIF effort 2 ${formatMs(avif)} (${(avif / webp).toFixed(2)}×), AVIF effort 4 ${formatMs(avifDefault)} (${(avifDefault / webp).toFixed(2)}×)`,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const result = await benchImages(Number(values.rounds), (line) => process.stderr.write(line + '\n'));
  const { row, ...figures } = result;
  process.stdout.write(`${row.scenario}: ${row.ours}\n${row.note}\n${JSON.stringify(figures)}\n`);
}
