/**
 * Responsive images, built in-process from test/sites/images: an 820 px photo beside its post
 * (two widths, AVIF and WebP), a 520 px hero, an SVG, a GIF and a 64 px icon left alone, and a
 * truncated JPEG that image-size reads but sharp cannot decode. What a reader's browser gets
 * (the <picture> and the files its srcsets name), what a warm build costs (no encode at all),
 * and what an edited image costs (its own copies only).
 */
import { readdir, readFile, stat, writeFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { PROJECT } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const PAGE = 'posts/holiday/index.html';
const SIZES = 'sizes="(min-width: 757px) 725px, calc(100vw - 2rem)"';
let root: string;

async function buildOnce(out: string, cache = true): Promise<BuildResult> {
  const config = { ...(await loadConfig(root, {}, PROJECT)), search: false as const };
  const result = await build({ root, out, cwd: root, drafts: false, future: false, strict: false, dryRun: false, now: NOW, cache, threads: 1 }, config);
  expect(result.exitCode, JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))).toBe(0);
  return result;
}

/** The build's warnings about content (the fixture lives under /blog/, so the site-wide robots.txt note is left aside). */
const warnings = (result: BuildResult) =>
  result.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'robots-under-base-path').map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`));

/** Every file under `.cache/images/` with its inode and mtime: a re-encode would write a new file. */
async function cacheFiles(): Promise<Map<string, string>> {
  const dir = path.join(root, '.cache/images');
  const files = new Map<string, string>();
  for (const shard of await readdir(dir)) {
    for (const name of await readdir(path.join(dir, shard))) {
      const stats = await stat(path.join(dir, shard, name));
      files.set(name, `${stats.ino}:${stats.mtimeMs}`);
    }
  }
  return files;
}

/** The URLs of one srcset with their widths. */
function candidates(srcset: string): Array<[string, number]> {
  return srcset.split(', ').map((candidate) => {
    const [url, width] = candidate.split(' ');
    return [url!, Number(width!.replace('w', ''))];
  });
}

let cold: BuildResult;
let html = '';
let out = '';

beforeAll(async () => {
  root = await copySite('images');
  out = path.join(root, 'dist');
  cold = await buildOnce(out);
  html = await readFile(path.join(out, PAGE), 'utf8');
}, 60_000);

describe('a body image sharp can resize', () => {
  it('is a <picture> with AVIF and WebP sources at 480 and 800 px, and the original <img> sized', () => {
    const picture = /<picture>(.*?)<\/picture>/s.exec(html.slice(html.indexOf('post-body')))?.[1] ?? '';
    const sources = [...picture.matchAll(/<source type="([^"]+)" srcset="([^"]+)" ([^>]+)>/g)];
    expect(sources.map((source) => source[1])).toEqual(['image/avif', 'image/webp']);
    for (const [, type, srcset, rest] of sources) {
      const extension = type!.split('/')[1];
      expect(candidates(srcset!)).toEqual([480, 800].map((width) => [expect.stringMatching(new RegExp(`^/blog/posts/holiday/beach-${width}\\.[0-9a-f]{10}\\.${extension}$`)), width]));
      expect(rest).toBe(SIZES);
    }
    expect(picture).toContain('<img src="/blog/posts/holiday/beach.jpg" alt="The beach at noon" width="820" height="546">');
  });

  it('has every copy its srcsets name in the output, at that width and in that format, and the original beside them', async () => {
    const urls = [...html.matchAll(/srcset="([^"]+)"/g)].flatMap((match) => candidates(match[1]!));
    expect(urls).toHaveLength(4 + 2);
    for (const [url, width] of urls) {
      const bytes = await readFile(path.join(out, url.replace('/blog/', '')));
      const metadata = await sharp(bytes).metadata();
      expect([metadata.width, metadata.format === 'heif' ? 'avif' : metadata.format]).toEqual([width, path.extname(url).slice(1)]);
    }
    expect(imageSize(await readFile(path.join(out, 'posts/holiday/beach.jpg')))).toMatchObject({ width: 820, height: 546 });
    expect(html).toContain('<a href="/blog/posts/holiday/beach.jpg">link to the full-size photo</a>');
  });
});

describe('images left as they are', () => {
  it('keeps SVG, GIF and images narrower than 480 px as a plain <img>, sized', () => {
    expect(html).toContain(
      '<img src="/blog/posts/holiday/diagram.svg" alt="A drawing" width="120" height="60" loading="lazy" decoding="async"> <img src="/blog/posts/holiday/loop.gif" alt="An animation" width="600" height="300" loading="lazy" decoding="async"> <img src="/blog/posts/holiday/icon.png" alt="An icon" width="64" height="64" loading="lazy" decoding="async">',
    );
    expect(html.match(/<picture>/g)).toHaveLength(2);
  });

  it('shows images that cannot be read as the plain <img>, each with a warning at its reference, all in one run', () => {
    expect(html).toContain('<p><img src="/blog/posts/holiday/truncated.jpg" alt="Cut short" width="820" height="546" loading="lazy" decoding="async"></p>');
    expect(html).toContain('<p><img src="/blog/posts/holiday/garbage.png" alt="Not an image at all" loading="lazy" decoding="async"></p>');
    expect(warnings(cold)).toEqual([
      // Not an image at all: found by the markdown stage reading its size.
      'content/posts/holiday/index.md:18:1 image-size Cannot read the size of garbage.png: unsupported file type: undefined',
      // Its header reads (so its size is known), its data does not decode: found by sharp in the media stage.
      'content/posts/holiday/index.md:16:1 image-encode Cannot make resized copies of truncated.jpg (VipsJpeg: premature end of JPEG image); the original is shown as it is',
    ]);
  });
});

describe('the hero image', () => {
  it('has its width and height, and AVIF and WebP sources at 480 px', () => {
    const hero = /<figure class="post-hero">(.*?)<\/figure>/s.exec(html)?.[1] ?? '';
    expect(hero).toContain('<img src="/blog/posts/holiday/hero.jpg" alt="Dunes at dusk" width="520" height="325" decoding="async" fetchpriority="high">');
    const srcsets = [...hero.matchAll(/<source type="image\/(avif|webp)" srcset="([^"]+)" sizes/g)];
    expect(srcsets.map(([, format, srcset]) => candidates(srcset!).map(([url, width]) => `${width} ${path.extname(url).slice(1)}`))).toEqual([
      ['480 avif'],
      ['480 webp'],
    ]);
    expect(srcsets.map(([, format]) => format)).toEqual(['avif', 'webp']);
  });
});

describe('the cache of copies', () => {
  it('makes every copy on a cold build, and none on a warm one: the cache files stay as they were', async () => {
    expect(cold.stats?.images).toEqual({ sources: 3, encoded: 6, reused: 0, failed: 1 });
    const before = await cacheFiles();
    const warm = await buildOnce(path.join(root, 'warm'));
    expect(warm.stats?.images).toEqual({ sources: 3, encoded: 0, reused: 6, failed: 1 });
    expect(await cacheFiles()).toEqual(before);
    expect(await readFile(path.join(root, 'warm', PAGE), 'utf8')).toBe(html);
    // The broken image is not tried again, and still reported.
    expect(warnings(warm)).toEqual(warnings(cold));
  });

  it('makes new copies of an edited image only, under new names, and the page names them', async () => {
    const beach = path.join(root, 'content/posts/holiday/beach.jpg');
    await writeFile(beach, await sharp(await readFile(beach)).flop().jpeg({ quality: 70 }).toBuffer());
    // A clear mtime change, so a coarse file-system clock cannot hide the edit from the render cache.
    await utimes(beach, new Date(), new Date(Date.now() + 5000));
    const edited = await buildOnce(out);
    expect(edited.stats?.images).toEqual({ sources: 3, encoded: 4, reused: 2, failed: 1 });
    expect(edited.stats?.markdown).toEqual({ cached: 0, rendered: 1 });
    const page = await readFile(path.join(out, PAGE), 'utf8');
    const names = (text: string) => [...text.matchAll(/beach-\d+\.[0-9a-f]+\.\w+/g)].map((match) => match[0]);
    expect(names(page)).toHaveLength(4);
    expect(names(page).filter((name) => names(html).includes(name))).toEqual([]);
    const files = await readdir(path.join(out, 'posts/holiday'));
    expect(files.filter((file) => file.startsWith('beach-')).sort()).toEqual([...names(page)].sort());
    // The old copies leave the cache folder: 4 new copies of the photo, 2 of the hero, the broken image's record.
    const cached = [...(await cacheFiles()).keys()];
    expect(cached).toHaveLength(7);
    expect(names(html).filter((name) => cached.some((file) => file.startsWith(name.split('.')[1]!)))).toEqual([]);
  });

  it('with --no-cache, encodes into a folder of its own and leaves .cache/images/ alone', async () => {
    const before = await cacheFiles();
    const uncached = await buildOnce(path.join(root, 'uncached'), false);
    expect(uncached.stats?.images).toEqual({ sources: 3, encoded: 6, reused: 0, failed: 1 });
    expect(await cacheFiles()).toEqual(before);
    const page = await readFile(path.join(root, 'uncached', PAGE), 'utf8');
    for (const [url] of [...page.matchAll(/srcset="([^"]+)"/g)].flatMap((match) => candidates(match[1]!))) {
      expect((await stat(path.join(root, 'uncached', url.replace('/blog/', '')))).size).toBeGreaterThan(0);
    }
  }, 30_000);
});

describe('the dev session', () => {
  it('serves the copies, and new ones once the image is edited', async () => {
    const config = { ...(await loadConfig(root, {}, PROJECT)), search: false as const };
    const session = new SiteSession(root, config, () => NOW, root);
    await session.start();
    const served = () => [...session.assets].filter(([output]) => /beach-\d+/.test(output));
    const first = served();
    expect(first).toHaveLength(4);
    for (const [output, file] of first) {
      expect(session.output.get(PAGE)).toContain(`/blog/${output} `);
      expect((await stat(file)).isFile()).toBe(true);
    }
    const beach = path.join(root, 'content/posts/holiday/beach.jpg');
    await writeFile(beach, await sharp(await readFile(beach)).flip().jpeg({ quality: 70 }).toBuffer());
    const result = await session.assetsChanged([beach]);
    expect(result.changed).toContain(PAGE);
    // The broken image is reported once, not once more per rebuild.
    const encodeWarnings = session.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'image-encode'));
    expect(encodeWarnings).toHaveLength(1);
    const second = served();
    expect(second).toHaveLength(4);
    expect(second.filter(([output]) => first.some(([old]) => old === output))).toEqual([]);
    for (const [output, file] of second) {
      expect(session.output.get(PAGE)).toContain(`/blog/${output} `);
      expect((await stat(file)).isFile()).toBe(true);
    }
  }, 30_000);
});
