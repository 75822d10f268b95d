/**
 * Pagefind through its Node API: index HTML pages, get the index files back in memory.
 * Its service process is started per build and stopped after it; its failures become one
 * `SearchIndexError` with a message a user can act on.
 */
import * as pagefind from 'pagefind';
import { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { fileSystemMessage } from './fs-errors.ts';

/** A page to index: its output file (for messages), its URL with the base path, and how to read its HTML. */
export interface IndexPage {
  file: string;
  url: string;
  /** Read when its batch is sent: 100,000 pages' HTML would not fit in memory at once. */
  html(): Promise<string>;
}

/** One file of the index, relative to the index folder. */
export type IndexFile = pagefind.IndexFile;

/** Builds running at once in one process share Pagefind's service: the last one out stops it. */
let running = 0;

/** One answer from Pagefind's process may take this long (4,000 posts take seconds, not minutes). */
const ANSWER_MS = 120_000;

/**
 * Run Pagefind over `pages`; its problems become one Error naming them.
 * Pagefind's service process is unref'd and reports its own death only through `console.error`:
 * a timer keeps this process alive while it works (else a binary that dies would let Node exit
 * silently with code 0), and what it says on `console.error` becomes part of the message.
 */
export async function runPagefind(pages: readonly IndexPage[], language: string): Promise<pagefind.IndexFile[]> {
  running++;
  const alive = setInterval(() => undefined, 60_000);
  const said: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    said.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
  };
  let index: pagefind.PagefindIndex | undefined;
  try {
    const created = await answer(pagefind.createIndex({ forceLanguage: language.split('-')[0] }));
    failOn(created.errors, 'could not start');
    index = created.index!;
    const problems: string[] = [];
    // In batches: each file is one message to Pagefind's process, base64-encoded in memory.
    for (let start = 0; start < pages.length; start += 100) {
      const batch = pages.slice(start, start + 100);
      // Read first, then hand over in order: Pagefind numbers pages as they arrive, and the index must not depend on which read finished first.
      const contents = await Promise.all(batch.map((page) => page.html()));
      const results = await answer(Promise.all(batch.map((page, i) => index!.addHTMLFile({ url: page.url, content: contents[i]! }))));
      results.forEach((result, i) => problems.push(...result.errors.map((error) => `${batch[i]!.file}: ${error}`)));
    }
    failOn(problems, 'could not index');
    const written = await answer(index.getFiles());
    failOn(written.errors, 'could not write the index');
    return written.files;
  } catch (error) {
    // Reading a staged page back can fail like any write (a full disk): that is not Pagefind's problem.
    if (error instanceof SearchIndexError || fileSystemMessage(error)) throw error;
    // "Pagefind backend closed" says less than why it closed, which the service only logged.
    const why = said.map((line) => line.replace(/^Service stopped\s*/, ''));
    const reason = why.length > 0 ? why.join('; ') : ((error as Error)?.message ?? String(error));
    throw new SearchIndexError(`Pagefind failed: ${reason}`, { cause: error });
  } finally {
    if (index) await answer(index.deleteIndex()).catch(() => undefined);
    if (--running === 0) await pagefind.close();
    console.error = consoleError;
    clearInterval(alive);
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
