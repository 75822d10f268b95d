/**
 * The media stage on its own, with the encoder counted: what it encodes, what it finds in the
 * cache folder, and that an image sharp cannot decode is tried once, then remembered.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { sharpEncoder, type ImageEncoder } from '../../src/media/image-encode.ts';
import { planImage } from '../../src/media/image-plan.ts';
import { makeImages } from '../../src/media/image-stage.ts';
import type { RenderedPost } from '../../src/types.ts';
import { PROJECT, tempDir } from '../helpers/cli.ts';

const HOLIDAY = path.join(PROJECT, 'test/sites/images/content/posts/holiday');

/** A post showing `names` (files of the images fixture) as its page would after the markdown stage. */
async function postShowing(...names: string[]): Promise<RenderedPost> {
  const images = [];
  let html = '';
  for (const [index, name] of names.entries()) {
    const source = path.join(HOLIDAY, name);
    const plan = planImage({ source, bytes: await readFile(source), type: 'jpg', width: 820, height: 546, output: `posts/holiday/${name}`, src: `/posts/holiday/${name}`, basePath: '/', place: { line: index + 3, column: 1 } });
    images.push(plan!.job);
    html += `<p><picture><source type="image/webp" srcset="x 480w"><img src="/posts/holiday/${name}" alt=""></picture></p>\n`;
  }
  return { raw: { file: new VFile({ path: 'content/posts/holiday/index.md' }) }, html, excerptHtml: html, images } as unknown as RenderedPost;
}

describe('the media stage', () => {
  it('encodes what the cache lacks, once, and remembers an image it cannot decode', async () => {
    const dir = path.join(await tempDir('blog-images-'), 'images');
    await mkdir(dir);
    const calls: string[] = [];
    const counted: ImageEncoder = (input, width, format) => {
      calls.push(`${width} ${format}`);
      return sharpEncoder(input, width, format);
    };
    const first = await postShowing('beach.jpg', 'truncated.jpg');
    const made = await makeImages([first], { dir, encoder: counted });
    // Four copies of the photo; the truncated one fails at its first copy and is not tried further.
    // (Sources are encoded side by side: the order of calls across them varies.)
    expect(calls.sort()).toEqual(['480 avif', '480 avif', '480 webp', '800 avif', '800 webp']);
    expect(made.stats).toEqual({ sources: 2, encoded: 4, reused: 0, failed: 1 });
    expect([...made.files.keys()].map((output) => output.replace(/\.[0-9a-f]{10}\./, '.'))).toEqual([
      'posts/holiday/beach-480.avif',
      'posts/holiday/beach-800.avif',
      'posts/holiday/beach-480.webp',
      'posts/holiday/beach-800.webp',
    ]);
    expect(first.html).toBe('<p><picture><source type="image/webp" srcset="x 480w"><img src="/posts/holiday/beach.jpg" alt=""></picture></p>\n<p><img src="/posts/holiday/truncated.jpg" alt=""></p>\n');
    expect(first.raw.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['4:1 image-encode']);

    calls.length = 0;
    const again = await postShowing('beach.jpg', 'truncated.jpg');
    expect((await makeImages([again], { dir, encoder: counted })).stats).toEqual({ sources: 2, encoded: 0, reused: 4, failed: 1 });
    expect(calls).toEqual([]);
    expect(again.raw.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['4:1 image-encode']);
  }, 20_000);
});
