/** Read posts, pages and registries from `content/`: the only stage that reads content from disk. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { addMessage, fileFor } from '../messages.ts';
import type { AuthorEntry, RawPost, TagEntry } from '../types.ts';
import { plainFences } from './fences.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { parseRemembered, type FrontMatterMemo } from './frontmatter-memo.ts';
import { parseAuthors, parseTags } from './registries.ts';
import { isPostFile, isPostSource } from '../shared/post-files.ts';

/** `authors.yml` and `tags.yml`, by id. */
export interface Registries {
  authors: Map<string, AuthorEntry>;
  tags: Map<string, TagEntry>;
}

/** Everything read from `content/`. */
export interface Content extends Registries {
  /** Posts and pages (`kind: 'page'`) whose bytes and front matter could be read. */
  posts: RawPost[];
  /** Every file read, including the ones that failed, for reporting. */
  files: VFile[];
}

/**
 * Read `<root>/content/`: posts under `posts/`, standalone pages under `pages/`, plus `authors.yml`
 * and `tags.yml` if present; messages name files relative to `cwd`.
 */
export async function readContent(root: string, cwd: string, memo?: FrontMatterMemo): Promise<Content> {
  const contentDir = path.join(root, 'content');
  const posts = await readFolder(root, path.join(contentDir, 'posts'), cwd, memo);
  // Pages need no date: no git history is asked for them, and their dates never fall back with a warning.
  const pages = await readFolder(root, path.join(contentDir, PAGES_FOLDER), cwd, memo, 'page');
  const registries = await readRegistries(contentDir, cwd);
  return { posts: [...posts.posts, ...pages.posts], ...registries.registries, files: [...posts.files, ...pages.files, ...registries.files] };
}

/** The folder under `content/` that standalone pages are read from. */
export const PAGES_FOLDER = 'pages';

/** Read every post (or, with `kind`, every page) file below `dir`, in sorted order. */
async function readFolder(root: string, dir: string, cwd: string, memo: FrontMatterMemo | undefined, kind?: 'page'): Promise<{ posts: RawPost[]; files: VFile[] }> {
  const files: VFile[] = [];
  const links = await symlinksIn(root, dir);
  const relPaths = [...(await listPosts(dir)), ...links.inside].sort();
  for (const { relPath, target } of links.outside) {
    const file = fileFor(path.join(dir, relPath), '', cwd);
    addMessage(file, `Symbolic link to ${target}, outside content/: not followed`, { place: { line: 1, column: 1 }, ruleId: 'symlink-outside', severity: 'warning' });
    files.push(file);
  }
  const gitDates = kind === 'page' ? new Map<string, Date>() : await firstCommitDates(dir);

  const posts: RawPost[] = [];
  // Reading is I/O bound: many files at once, but not all (100,000 posts would run out of file
  // descriptors: EMFILE). Results keep the order of the sorted listing.
  const results = await mapLimited(relPaths, READ_PARALLEL, (relPath) => readPost(dir, relPath, gitDates, cwd, memo, kind));
  for (const result of results) {
    files.push(result.file);
    if (result.post) posts.push(result.post);
  }
  return { posts, files };
}

/** Files read at once: far below any system's descriptor limit, enough to keep the disk busy. */
const READ_PARALLEL = 64;

/** `items.map(task)` with at most `limit` tasks running, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Read and parse `authors.yml` and `tags.yml` (both optional) from `contentDir`. */
export async function readRegistries(contentDir: string, cwd: string): Promise<{ registries: Registries; files: VFile[] }> {
  const authorsFile = await readRegistry(path.join(contentDir, 'authors.yml'), cwd);
  const tagsFile = await readRegistry(path.join(contentDir, 'tags.yml'), cwd);
  return {
    registries: {
      authors: authorsFile ? parseAuthors(authorsFile) : new Map(),
      tags: tagsFile ? parseTags(tagsFile) : new Map(),
    },
    files: [authorsFile, tagsFile].filter((file): file is VFile => file !== undefined),
  };
}

/** Post files below `postsDir`, as sorted `/`-separated relative paths. */
export async function listPosts(postsDir: string): Promise<string[]> {
  if (!existsSync(postsDir)) return [];
  const entries = await readdir(postsDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isPostSource(entry.name))
    .map((entry) => path.relative(postsDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Symbolic links below `postsDir` (the listing above skips them). A link to a post inside
 * content/ is read like the file it points to; a link that leaves content/ is not followed, so a
 * shared content folder cannot publish `~/.ssh/id_rsa` as a post. Linked folders are never
 * descended into: inside the site their posts are listed where they really are.
 */
export async function symlinksIn(root: string, postsDir: string): Promise<{ inside: string[]; outside: Array<{ relPath: string; target: string }> }> {
  const found = { inside: [] as string[], outside: [] as Array<{ relPath: string; target: string }> };
  if (!existsSync(postsDir)) return found;
  // Inside content/, not merely inside the site: a link to `../../.env` must not become a post.
  const realContent = await realpath(path.join(root, 'content'));
  const entries = await readdir(postsDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((candidate) => candidate.isSymbolicLink())) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relPath = path.relative(postsDir, absolute).split(path.sep).join('/');
    const target = await realpath(absolute).catch(() => undefined);
    // A dangling link is nothing to read; the post it named is simply not there.
    if (target === undefined) continue;
    const inside = target.startsWith(realContent + path.sep);
    if (!inside) found.outside.push({ relPath, target });
    else if (isPostSource(entry.name) && isPostFile(target) && (await stat(target)).isFile()) found.inside.push(relPath);
  }
  return found;
}

/**
 * Largest post file read, in bytes. Markdown is super-linear enough that a post near this size
 * would not render within its budget anyway (1 MB of ordinary prose took 5–10 s here, 5 MB about a
 * minute and 1.4 GB), and a 50 MB post ran the whole build out of memory before any budget could
 * stop it. Hugo and Jekyll set no limit; a post this big is a mistake (a pasted log, a data dump).
 */
export const MAX_POST_BYTES = 10 * 1024 * 1024;

/** Read one post (a page with `kind`): decode strictly as UTF-8, split and parse its front matter. `post` is missing when that failed. */
export async function readPost(postsDir: string, relPath: string, gitDates: ReadonlyMap<string, Date>, cwd: string, memo?: FrontMatterMemo, kind?: 'page'): Promise<{ file: VFile; post?: RawPost }> {
  const absolute = path.join(postsDir, relPath);
  // Measured before it is read: a post too large is never held in memory at all.
  const stats = await stat(absolute);
  if (stats.size > MAX_POST_BYTES) return { file: tooLarge(absolute, stats.size, cwd) };
  return postFromBytes(absolute, relPath, await readFile(absolute), stats.mtime, gitDates, cwd, memo, kind);
}

/**
 * The same, synchronously: the dev server reads one edited post this way, so a rebuild runs to
 * its end without giving the event loop to the file watcher's re-scan of the folder.
 */
export function readPostSync(postsDir: string, relPath: string, gitDates: ReadonlyMap<string, Date>, cwd: string, kind?: 'page'): { file: VFile; post?: RawPost } {
  const absolute = path.join(postsDir, relPath);
  const stats = statSync(absolute);
  if (stats.size > MAX_POST_BYTES) return { file: tooLarge(absolute, stats.size, cwd) };
  return postFromBytes(absolute, relPath, readFileSync(absolute), stats.mtime, gitDates, cwd, undefined, kind);
}

/** The file of a post over MAX_POST_BYTES, empty, with its error. */
function tooLarge(absolute: string, size: number, cwd: string): VFile {
  const file = fileFor(absolute, '', cwd);
  file.data.absolutePath = absolute;
  const bytes = (count: number) => `${count.toLocaleString('en-US')} bytes`;
  addMessage(file, `Post too large: ${bytes(size)}, over the ${MAX_POST_BYTES / 1024 / 1024} MB (${bytes(MAX_POST_BYTES)}) a post may have; not read`, {
    place: { line: 1, column: 1 },
    ruleId: 'post-too-large',
    severity: 'error',
  });
  return file;
}

function postFromBytes(absolute: string, relPath: string, bytes: Uint8Array, mtime: Date, gitDates: ReadonlyMap<string, Date>, cwd: string, memo?: FrontMatterMemo, kind?: 'page'): { file: VFile; post?: RawPost } {
  const { file, valid } = utf8File(absolute, bytes, cwd);
  if (!valid) return { file };
  const result = memo ? parseRemembered(String(file.value), memo) : parseFrontMatter(String(file.value));
  for (const { fence, line, role } of plainFences(String(file.value)).notes) {
    addMessage(file, `Front matter ${role} with "${fence}" instead of "---": read as front matter`, { place: { line, column: 1 }, ruleId: 'frontmatter-fence', severity: 'warning' });
  }
  if (!result.ok) {
    for (const problem of result.problems) addMessage(file, problem.reason, { place: problem.place, ruleId: problem.ruleId, severity: 'error' });
    return { file };
  }
  const post: RawPost = { file, relPath, frontMatter: result.frontMatter, mtime, gitDate: gitDates.get(absolute) };
  if (kind) post.kind = kind;
  return { file, post };
}

/** Strict UTF-8 decoding without the BOM; on failure, the offset of the first bad byte's character. */
function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt?: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    return { text, invalidAt: Math.max(0, text.indexOf('\uFFFD')) };
  }
}

/** A VFile of decoded text; text that is not UTF-8 gets a positioned error and is left empty. */
function utf8File(absolute: string, bytes: Uint8Array, cwd: string): { file: VFile; valid: boolean } {
  const decoded = decodeUtf8(bytes);
  const valid = decoded.invalidAt === undefined;
  const file = fileFor(absolute, valid ? decoded.text : '', cwd);
  file.data.absolutePath = absolute;
  if (!valid) {
    addMessage(file, 'File is not valid UTF-8: save it as UTF-8', {
      place: location(decoded.text).toPoint(decoded.invalidAt!),
      ruleId: 'invalid-encoding',
      severity: 'error',
    });
  }
  return { file, valid };
}

async function readRegistry(absolute: string, cwd: string): Promise<VFile | undefined> {
  if (!existsSync(absolute)) return undefined;
  return utf8File(absolute, await readFile(absolute), cwd).file;
}

const run = promisify(execFile);

/**
 * First commit date of every file below `dir`, from one `git log` call
 * (one process for the whole site, not one per post). Empty outside a git checkout.
 */
export async function firstCommitDates(dir: string): Promise<Map<string, Date>> {
  const dates = new Map<string, Date>();
  if (!existsSync(dir)) return dates;
  try {
    const top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
    // quotePath off: otherwise git prints non-ASCII names as "\346\227..." and they would never match.
    const { stdout } = await run('git', ['-c', 'core.quotePath=false', 'log', '--diff-filter=A', '--format=%x00%cI', '--name-only', '--', '.'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    // Newest commit first: later (older) entries overwrite, leaving the first commit that added each file.
    for (const chunk of stdout.split('\0').filter(Boolean)) {
      const [dateLine, ...names] = chunk.split('\n').filter(Boolean);
      if (!dateLine) continue;
      const date = new Date(dateLine);
      for (const name of names) dates.set(path.join(top, name), date);
    }
  } catch {
    // Not a git checkout, or git is missing: the date falls back to the file's mtime.
  }
  return dates;
}
