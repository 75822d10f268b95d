/**
 * Pagefind through its Node API: index HTML pages, get the index files back in memory.
 * Its service process starts with the first open index and stops when the last one closes; its
 * failures become one `SearchIndexError` with a message a user can act on.
 */
import * as pagefind from 'pagefind';
import { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { fileSystemMessage } from '../output/fs-errors.ts';

/** A page to index: its output file (for messages), its URL with the base path, and its HTML. */
export interface IndexPage {
  file: string;
  url: string;
  html: string;
}

/** One file of the index, relative to the index folder. */
export type IndexFile = pagefind.IndexFile;

/** Builds running at once in one process share Pagefind's service: the last one out stops it. */
let running = 0;

/** One answer from Pagefind's process may take this long (4,000 posts take seconds, not minutes). */
const ANSWER_MS = 120_000;

/** One Pagefind index being filled. Pages are numbered as they arrive: the same pages in the same order make the same index. */
export interface PagefindIndexer {
  /** Add pages, in this order. */
  add(pages: readonly IndexPage[]): Promise<void>;
  /** The index's files; the index takes no more pages. */
  files(): Promise<IndexFile[]>;
  /** Let the index and (when no other build uses it) the service go. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Start an index; its problems become one `SearchIndexError` naming them.
 * Pagefind's service process is unref'd and reports its own death only through `console.error`:
 * a timer keeps this process alive while an index is open (else a binary that dies would let
 * Node exit silently with code 0), and what is said on `console.error` meanwhile is held, to
 * become part of the message, or said as it would have been once the index closes.
 */
export async function openPagefind(language: string): Promise<PagefindIndexer> {
  running++;
  const alive = setInterval(() => undefined, 60_000);
  const said: unknown[][] = [];
  hear(said);
  let index: pagefind.PagefindIndex | undefined;
  let closed = false;
  const close = async (failed = false) => {
    if (closed) return;
    closed = true;
    if (index) await answer(index.deleteIndex()).catch(() => undefined);
    if (--running === 0) await pagefind.close();
    // Said through the console as it was, not through another open index that would hear it again.
    const say = consoleError ?? console.error;
    stopHearing(said);
    clearInterval(alive);
    // A failure's message holds what Pagefind said; anything else said meanwhile is said now.
    if (!failed) for (const args of said) say(...args);
  };
  const failing = async (error: unknown): Promise<never> => {
    // Reading a staged page back can fail like any write (a full disk): that is not Pagefind's problem.
    if (error instanceof SearchIndexError || fileSystemMessage(error)) {
      await close(error instanceof SearchIndexError);
      throw error;
    }
    // "Pagefind backend closed" says less than why it closed, which the service only logged.
    const why = said.map((args) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ').replace(/^Service stopped\s*/, ''));
    await close(true);
    const reason = why.length > 0 ? why.join('; ') : ((error as Error)?.message ?? String(error));
    throw new SearchIndexError(`Pagefind failed: ${reason}`, { cause: error });
  };
  try {
    const created = await answer(pagefind.createIndex({ forceLanguage: language.split('-')[0] }));
    failOn(created.errors, 'could not start');
    index = created.index!;
  } catch (error) {
    return failing(error);
  }
  const problems: string[] = [];
  return {
    async add(pages) {
      try {
        const results = await answer(Promise.all(pages.map((page) => index!.addHTMLFile({ url: page.url, content: page.html }))));
        results.forEach((result, i) => problems.push(...result.errors.map((error) => `${pages[i]!.file}: ${error}`)));
      } catch (error) {
        return failing(error);
      }
    },
    async files() {
      try {
        failOn(problems, 'could not index');
        const written = await answer(index!.getFiles());
        failOn(written.errors, 'could not write the index');
        return written.files;
      } catch (error) {
        return failing(error);
      }
    },
    close: () => close(),
  };
}

/** The lists of every open index, each hearing what is said on `console.error` while it is open. */
const listeners = new Set<unknown[][]>();
let consoleError: typeof console.error | undefined;

function hear(said: unknown[][]): void {
  if (listeners.size === 0) {
    consoleError = console.error;
    console.error = (...args: unknown[]) => {
      for (const listener of listeners) listener.push(args);
    };
  }
  listeners.add(said);
}

function stopHearing(said: unknown[][]): void {
  listeners.delete(said);
  if (listeners.size === 0 && consoleError) {
    console.error = consoleError;
    consoleError = undefined;
  }
}

/** `promise`, or a failure once Pagefind has been silent for too long. */
async function answer<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_MS / 1000} s`)), ANSWER_MS);
  });
  try {
    return await Promise.race([promise, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** A search index that could not be made: the build fails with this message and `dist/` is left alone. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new SearchIndexError(`Pagefind ${what}: ${errors.join('; ')}`);
}

/** The message a failed index leaves: the build fails (exit 1) and the previous output stays. */
export function searchFailure(error: unknown): VFile {
  const file = new VFile({ path: 'pagefind' });
  const reason = error instanceof SearchIndexError ? error.message : `Search index failed: ${(error as Error)?.message ?? String(error)}`;
  addMessage(file, `${reason} (the previous output is unchanged; \`search: false\` in the site config builds without search)`, {
    ruleId: 'search-index',
    severity: 'error',
  });
  return file;
}
