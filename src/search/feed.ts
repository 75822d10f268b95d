/**
 * Pages flow into Pagefind while the build is still rendering: Pagefind is a process of its own,
 * so on a 2-core machine it indexes on the core the templates leave idle, instead of starting
 * once every page is written (that was ~5 s of a 4,000-post build spent one after the other).
 * One feed fills one index (one part, see parts.ts). Pages go in the order they were given, so
 * the same pages make the same index. Nothing waits for Pagefind but `end`: the queue holds file
 * names, and pages' HTML is read when they are sent (unless the caller had it at hand while the
 * queue was short).
 */
import type { IndexFile, IndexPage, PagefindIndexer, PagefindService } from './pagefind.ts';

/** A page for the index; `html` resolves to undefined for a page that turns out not to be indexed. */
export interface FeedPage {
  file: string;
  url: string;
  html(): Promise<string | undefined>;
}

/** Pages on their way into one Pagefind index. */
export interface IndexFeed {
  /** Queue a page. */
  push(page: FeedPage): void;
  /** Pages queued and not yet sent. */
  readonly queued: number;
  /** Every page pushed so far has been sent (or the feed failed: `end` says so). */
  drained(): Promise<void>;
  /** The last page is in: the index's files. Throws what failed. */
  end(): Promise<IndexFile[]>;
  /** Stop, sending nothing more, and let the index go. */
  abort(): Promise<void>;
}

/** Pages sent to Pagefind in one go: each is one message to its process, base64-encoded in memory. */
const BATCH = 100;

/** Start a feed into an index of the build's Pagefind: nothing reaches Pagefind until the first page is pushed. */
export function feedIndex(pagefind: PagefindService, language: string): IndexFeed {
  const queue: FeedPage[] = [];
  let pumping: Promise<void> | undefined;
  let failure: unknown;
  let stopped = false;
  let indexer: PagefindIndexer | undefined;

  const pump = async () => {
    while (queue.length > 0 && !stopped) {
      const batch = queue.splice(0, BATCH);
      const htmls = await Promise.all(batch.map((page) => page.html()));
      const pages: IndexPage[] = batch.flatMap((page, i) => (htmls[i] === undefined ? [] : [{ file: page.file, url: page.url, html: htmls[i] }]));
      if (pages.length === 0 || stopped) continue;
      indexer ??= await pagefind.openIndex(language);
      await indexer.add(pages);
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

  const drained = async () => {
    while (pumping) await pumping;
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
    drained,
    async end() {
      await drained();
      try {
        if (failure !== undefined) throw failure;
        // An index without pages still gets its files, so that a site without posts has a search page that works.
        indexer ??= await pagefind.openIndex(language);
        return await indexer.files();
      } finally {
        stopped = true;
        await indexer?.close();
      }
    },
    async abort() {
      stopped = true;
      queue.length = 0;
      await drained();
      await indexer?.close();
    },
  };
}
