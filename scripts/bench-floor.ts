/**
 * The floor for `npm run bench`: the bare unified chain (remark-parse + remark-gfm +
 * remark-rehype + rehype-stringify, default options) over the generated posts, on this thread,
 * with no templates and no I/O in the timed part. Every build figure is reported as a ratio to
 * it, so results compare across machines.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Above this many posts the floor is timed on an evenly spread sample of this size and scaled. */
export const FLOOR_SAMPLE = 10_000;

/** The floor for a whole site; `ms` is scaled to all `posts` when only `measured` were timed. */
export interface FloorResult {
  posts: number;
  measured: number;
  measuredMs: number;
  ms: number;
  perPostMs: number;
  scaled: boolean;
  htmlChars: number;
}

/** Which post numbers to time: all of them, or every (posts / FLOOR_SAMPLE)-th, the same every run. */
function sample(posts: number): number[] {
  const count = Math.min(posts, FLOOR_SAMPLE);
  return Array.from({ length: count }, (_, i) => Math.floor((i * posts) / count));
}

/** Time the bare chain over the posts of the generated site at `root` (files `content/posts/post-N.md`). */
export async function benchFloor(root: string, posts: number): Promise<FloorResult> {
  const numbers = sample(posts);
  // Read every file before the clock starts: the floor is processing only.
  const texts: string[] = [];
  for (const n of numbers) texts.push(await readFile(path.join(root, 'content/posts', `post-${n}.md`), 'utf8'));

  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();
  let htmlChars = 0;
  const started = performance.now();
  for (const text of texts) htmlChars += String(processor.processSync(text)).length;
  const measuredMs = performance.now() - started;

  const ms = (measuredMs * posts) / numbers.length;
  return { posts, measured: numbers.length, measuredMs, ms, perPostMs: ms / posts, scaled: numbers.length < posts, htmlChars };
}
