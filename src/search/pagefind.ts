/**
 * Pagefind through its Node API: index HTML pages, get the index files back in memory.
 * A build opens one `PagefindService`, which starts Pagefind's process with the build's first open
 * index and stops it when the last one closes (a big site's indexes open one after the other, so
 * each gets a fresh process); its failures become one `SearchIndexError` a user can act on.
 */
import * as pagefind from 'pagefind';
import { fileSystemMessage } from '../shared/fs-errors.ts';
import { SearchIndexError } from './failure.ts';
import { launchWatched, type PagefindProcess } from './pagefind-process.ts';

/** A page to index: its output file (for messages), its URL with the base path, and its HTML. */
export interface IndexPage {
  file: string;
  url: string;
  html: string;
}

/** One file of the index, relative to the index folder. */
export type IndexFile = pagefind.IndexFile;

/** One answer from Pagefind's process may take this long (4,000 posts take seconds, not minutes). */
const ANSWER_MS = 120_000;

/** One Pagefind index being filled. Pages are numbered as they arrive: the same pages in the same order make the same index. */
export interface PagefindIndexer {
  /** Add pages, in this order. */
  add(pages: readonly IndexPage[]): Promise<void>;
  /** The index's files; the index takes no more pages. */
  files(): Promise<IndexFile[]>;
  /** Let the index and (when it was the build's last open one) Pagefind's process go. Safe to call more than once. */
  close(): Promise<void>;
}

/** Pagefind as one build uses it: the indexes it has open, and the process behind them. */
export interface PagefindService {
  /** Start an index; its problems become one `SearchIndexError` naming them. */
  openIndex(language: string): Promise<PagefindIndexer>;
}

/**
 * Pagefind for one build. Pagefind's Node API keeps a single process for the whole Node process,
 * in its own module: two builds indexing at the same moment in one Node process would stop each
 * other's (the CLI runs one build per process).
 * That process is unref'd and reports its own death only through `console.error`: a timer keeps
 * Node alive while an index is open (else a binary that dies would let Node exit silently with
 * code 0), and the process is watched (see pagefind-process.ts) so its failure has a reason.
 */
export function openPagefindService(): PagefindService {
  let open = 0;
  let alive: NodeJS.Timeout | undefined;
  let watched: PagefindProcess | undefined;

  /** `promise` (a call just made into Pagefind), or a failure once Pagefind has been silent for too long. */
  const answer = async <T>(promise: Promise<T>): Promise<T> => {
    watched?.check();
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_MS / 1000} s`)), ANSWER_MS);
    });
    try {
      return await Promise.race([promise, silence]);
    } finally {
      clearTimeout(timer);
    }
  };

  /** One index less; with none left, Pagefind's process goes, and what it said is said now unless a failure's message holds it. */
  const release = async (failed: boolean) => {
    if (--open > 0) return;
    clearInterval(alive);
    const said = watched?.said ?? [];
    // Before closing, which ends the process on purpose.
    watched?.stop();
    watched = undefined;
    await pagefind.close();
    if (!failed) for (const args of said) console.error(...args);
  };

  return {
    async openIndex(language) {
      if (open++ === 0) alive = setInterval(() => undefined, 60_000);
      let index: pagefind.PagefindIndex | undefined;
      let closed = false;
      const close = async (failed = false) => {
        if (closed) return;
        closed = true;
        if (index) await answer(index.deleteIndex()).catch(() => undefined);
        await release(failed);
      };
      const failing = async (error: unknown): Promise<never> => {
        // Reading a staged page back can fail like any write (a full disk): that is not Pagefind's problem.
        if (error instanceof SearchIndexError || fileSystemMessage(error)) {
          await close(error instanceof SearchIndexError);
          throw error;
        }
        // "Pagefind backend closed" says less than why it closed, which Pagefind only said on the console.
        const why = (watched?.said ?? []).map((args) =>
          args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ').replace(/^Service stopped\s*/, ''),
        );
        await close(true);
        const reason = why.length > 0 ? why.join('; ') : ((error as Error)?.message ?? String(error));
        throw new SearchIndexError(`Pagefind failed: ${reason}`, { cause: error });
      };
      try {
        const launched = launchWatched(() => pagefind.createIndex({ forceLanguage: language.split('-')[0] }));
        if (launched.process) {
          watched?.stop();
          watched = launched.process;
        }
        const created = await answer(launched.result);
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
    },
  };
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new SearchIndexError(`Pagefind ${what}: ${errors.join('; ')}`);
}
