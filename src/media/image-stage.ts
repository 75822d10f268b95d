/**
 * The media stage for images: after the markdown stage, make every resized copy the posts' HTML
 * names (media/image-plan.ts) that the cache folder does not hold yet. Copies are files named by
 * their key (source bytes, width, format, encoder settings), so a warm build finds every one and
 * encodes nothing, and an image edited in place gets new keys, new names and new copies.
 * An image sharp cannot decode is a warning where the post names it, and its page shows the plain
 * `<img>` again; the failure is remembered beside the copies, so a warm build does not retry it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addMessage } from '../messages.ts';
import type { RenderedPost } from '../types.ts';
import { sharpEncoder, type ImageEncoder } from './image-encode.ts';
import type { ImageJob, ImageVariant } from './image-plan.ts';
import { unwrapPictures } from './image-unwrap.ts';

/** The rule of the warning for an image that cannot be encoded. */
export const IMAGE_ENCODE_RULE = 'image-encode';

export interface ImageStageOptions {
  /** Where copies are kept: the site's `.cache/images/`, or a folder of this run alone with `--no-cache`. */
  dir: string;
  /** sharp unless a test counts the calls. */
  encoder?: ImageEncoder;
  /** Encodes in flight at once; sharp runs each on its own thread. */
  parallel?: number;
}

/** What the stage did, for the build's summary, the bench and the tests. */
export interface ImageStats {
  /** Source images named by the posts. */
  sources: number;
  encoded: number;
  reused: number;
  failed: number;
}

/** The copies made: output path → file in the cache folder, for the output step to copy. */
export interface ImageOutput {
  files: Map<string, string>;
  stats: ImageStats;
  /** Remove the cache folder's files this run did not use (images since edited or gone); temporary files of another run stay. */
  prune(now: Date): void;
}

/** Temporary files younger than this may belong to a build still running (as in cache/store.ts). */
const STALE_TEMP_MS = 10 * 60_000;

/** One source image, with every post that shows it. */
interface Source {
  path: string;
  variants: Map<string, ImageVariant>;
  users: Array<{ post: RenderedPost; job: ImageJob }>;
}

/** Make the copies `posts` name, report the images that fail, and give the files to copy. */
export async function makeImages(posts: Iterable<RenderedPost>, options: ImageStageOptions): Promise<ImageOutput> {
  const sources = new Map<string, Source>();
  for (const post of posts) {
    // A dev session runs this again on the same posts: last run's warnings go first (a build has none, and copies no list).
    const { messages } = post.raw.file;
    if (messages.some((message) => message.ruleId === IMAGE_ENCODE_RULE)) post.raw.file.messages = messages.filter((message) => message.ruleId !== IMAGE_ENCODE_RULE);
    for (const job of post.images ?? []) {
      const source: Source = sources.get(job.source) ?? { path: job.source, variants: new Map(), users: [] };
      for (const variant of job.variants) source.variants.set(variant.key, variant);
      source.users.push({ post, job });
      sources.set(job.source, source);
    }
  }
  const stats: ImageStats = { sources: sources.size, encoded: 0, reused: 0, failed: 0 };
  const used = new Set<string>();
  for (const source of sources.values()) {
    const variants = [...source.variants.values()];
    for (const variant of variants) used.add(cacheFile(options.dir, variant));
    used.add(`${cacheFile(options.dir, variants[0]!)}.failed`);
  }
  const files = new Map<string, string>();
  const encode = options.encoder ?? sharpEncoder;
  await inParallel([...sources.values()], options.parallel ?? os.availableParallelism(), async (source) => {
    const failure = await makeSource(source, options.dir, encode, stats);
    if (failure === undefined) {
      for (const { job } of source.users) for (const variant of job.variants) files.set(variant.output, cacheFile(options.dir, variant));
      return;
    }
    stats.failed++;
    const warned = new Set<string>();
    for (const { post, job } of source.users) {
      // A post may come twice (as rendered and as shown with re-pointed links): one warning per place.
      const where = `${post.raw.file.path}:${job.place?.line}:${job.place?.column}`;
      showPlain(post, job, failure, !warned.has(where));
      warned.add(where);
    }
  });
  return { files, stats, prune: (now) => prune(options.dir, used, now) };
}

function prune(dir: string, used: ReadonlySet<string>, now: Date): void {
  const list = (folder: string) => readdirSync(folder, { withFileTypes: true });
  try {
    for (const shard of list(dir)) {
      if (!shard.isDirectory()) continue;
      for (const entry of list(path.join(dir, shard.name))) {
        const file = path.join(dir, shard.name, entry.name);
        if (used.has(file)) continue;
        if (entry.name.endsWith('.tmp') && now.getTime() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < STALE_TEMP_MS) continue;
        rmSync(file, { force: true });
      }
    }
  } catch {
    // The cache is an optimisation: left for the next build to tidy.
  }
}

/** The cache file of one copy: sharded by the key's first two characters, as the render cache is. */
function cacheFile(dir: string, variant: ImageVariant): string {
  return path.join(dir, variant.key.slice(0, 2), `${variant.key}.${variant.format}`);
}

/** Make the copies of one source not in the cache yet; the reason it failed, or undefined. */
async function makeSource(source: Source, dir: string, encode: ImageEncoder, stats: ImageStats): Promise<string | undefined> {
  const variants = [...source.variants.values()];
  // One marker for the source: every copy of it has the same bytes to decode.
  const marker = `${cacheFile(dir, variants[0]!)}.failed`;
  if (existsSync(marker)) return readFileSync(marker, 'utf8');
  const missing = variants.filter((variant) => !existsSync(cacheFile(dir, variant)));
  stats.reused += variants.length - missing.length;
  if (missing.length === 0) return undefined;
  let input: Buffer;
  try {
    input = await readFile(source.path);
  } catch (cause) {
    // Gone since the markdown stage read it (an edit in dev): not remembered, the next run reads it again.
    return (cause as Error).message;
  }
  for (const variant of missing) {
    let bytes: Buffer;
    try {
      bytes = await encode(input, variant.width, variant.format);
    } catch (cause) {
      const reason = (cause as Error).message.trim();
      writeAtomically(marker, reason);
      return reason;
    }
    writeAtomically(cacheFile(dir, variant), bytes);
    stats.encoded++;
  }
  return undefined;
}

/** Write to a temporary name and rename: a build killed mid-write leaves no half file under the real name. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** A post whose image could not be encoded: a warning where it names it, and the plain `<img>` again. */
function showPlain(post: RenderedPost, job: ImageJob, reason: string, warn: boolean): void {
  if (warn) addMessage(post.raw.file, `Cannot make resized copies of ${path.basename(job.source)} (${reason}); the original is shown as it is`, {
    place: job.place,
    ruleId: IMAGE_ENCODE_RULE,
    severity: 'warning',
  });
  if (post.hero && post.image === job.src && post.hero.sources.length > 0) post.hero = { ...post.hero, sources: [], sizes: '' };
  const html = unwrapPictures(post.html, job.src);
  if (html !== post.html) post.html = html;
  const excerpt = unwrapPictures(post.excerptHtml, job.src);
  if (excerpt !== post.excerptHtml) post.excerptHtml = excerpt;
}

/** Run `task` over `items`, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
