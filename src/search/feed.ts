/**
 * Pages flow into Pagefind while the build is still rendering: Pagefind is a process of its own,
 * so on a 2-core machine it indexes on the core the templates leave idle, instead of starting
 * once every page is written (that was ~5 s of a 4,000-post build spent one after the other).
 * Pages go in the order they were given, so the same pages make the same index; every
 * `pagesPerIndex` pages close one index and open the next (see pages-per-index.ts).
 * Nothing waits for Pagefind but `end`: the queue holds file names, and pages' HTML is read
 * when they are sent (unless the caller had it at hand while the queue was short).
 */
import type { IndexFile, IndexPage, PagefindIndexer, PagefindService } from './pagefind.ts';

/** A page for the index; `html` resolves to undefined for a page that turns out not to be indexed. */
export interface FeedPage {
  file: string;
  url: string;
  html(): Promise<string | undefined>;
}

/** Pages on their way to Pagefind, in one index after another. */
export interface IndexFeed {
  /** Queue a page. */
  push(page: FeedPage): void;
  /** Pages queued and not yet sent. */
  readonly queued: number;
  /** The last pages in: close the last index. Resolves to the number of indexes; throws what failed. */
  end(): Promise<number>;
  /** Stop, sending nothing more, and let Pagefind go. */
  abort(): Promise<void>;
}

/** What a feed indexes with, how many pages go in one index, and where finished indexes go. */
export interface FeedOptions {
  /** The build's Pagefind, which opens the indexes. */
  pagefind: PagefindService;
  language: string;
  pagesPerIndex: number;
  /** Each finished index, numbered from 0, with its files. */
  indexed(number: number, files: IndexFile[]): Promise<void>;
  /**
   * Asked before a full index is finished while more pages may come: false drops the work. A feed
   * started on speculation waits here until it is known to be wanted, so no index file reaches
   * the output before then.
   */
  wanted(): Promise<boolean>;
}

/** Pages sent to Pagefind in one go: each is one message to its process, base64-encoded in memory. */
const BATCH = 100;

/** Start a feed: nothing reaches Pagefind until the first page is pushed. */
export function feedIndex(options: FeedOptions): IndexFeed {
  const queue: FeedPage[] = [];
  let pumping: Promise<void> | undefined;
  let failure: unknown;
  let stopped = false;
  let indexer: PagefindIndexer | undefined;
  let inIndex = 0;
  let finished = 0;
  /** Settles `wanted` for a pump waiting there when the feed is aborted. */
  let abortWait: () => void = () => undefined;
  const aborting = new Promise<boolean>((resolve) => (abortWait = () => resolve(false)));

  const finishIndex = async () => {
    const current = indexer ?? (await options.pagefind.openIndex(options.language));
    indexer = current;
    const files = await current.files();
    await current.close();
    indexer = undefined;
    inIndex = 0;
    await options.indexed(finished++, files);
  };

  const send = async (pages: IndexPage[]) => {
    while (pages.length > 0 && !stopped) {
      const part = pages.splice(0, options.pagesPerIndex - inIndex);
      indexer ??= await options.pagefind.openIndex(options.language);
      await indexer.add(part);
      inIndex += part.length;
      if (inIndex < options.pagesPerIndex) continue;
      if (!(await Promise.race([options.wanted(), aborting]))) {
        stopped = true;
        return;
      }
      await finishIndex();
    }
  };

  const pump = async () => {
    while (queue.length > 0 && !stopped) {
      const batch = queue.splice(0, BATCH);
      const htmls = await Promise.all(batch.map((page) => page.html()));
      await send(batch.flatMap((page, i) => (htmls[i] === undefined ? [] : [{ file: page.file, url: page.url, html: htmls[i] }])));
    }
  };

  const start = () => {
    pumping ??= pump()
      .catch((error: unknown) => {
        failure ??= error;
        stopped = true;
        queue.length = 0;
      })
      .finally(() => {
        pumping = undefined;
        // A page pushed between the pump's last look at the queue and here.
        if (queue.length > 0 && !stopped) start();
      });
  };

  return {
    push(page) {
      if (stopped) return;
      queue.push(page);
      start();
    },
    get queued() {
      return queue.length;
    },
    async end() {
      while (pumping) await pumping;
      if (failure !== undefined) {
        await indexer?.close();
        throw failure;
      }
      // The last, partly filled index; or the only one, empty, so that a site without posts still has a search page that works.
      if (inIndex > 0 || finished === 0) {
        try {
          await finishIndex();
        } finally {
          await indexer?.close();
        }
      }
      return finished;
    },
    async abort() {
      stopped = true;
      queue.length = 0;
      abortWait();
      while (pumping) await pumping;
      await indexer?.close();
    },
  };
}
