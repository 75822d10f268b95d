/**
 * The Pagefind search index, made from the staged output before it is swapped in, so `dist/`
 * is never half-indexed and a failed index leaves the previous `dist/` as it was.
 * Only pages that ask for it (`data-pagefind-body`: published post articles) are indexed;
 * the index files go through the staging folder like every other output, so unchanged ones
 * are hard-linked and none is deleted as stale. Pages go to Pagefind as they are staged (see
 * feed.ts): from the first page that differs from the last build's, or from the first
 * page at all when a change is likely (`speculate`). When every indexed page turns out to be byte
 * for byte the last build's, any work sent is dropped and the last build's index is kept.
 */
import path from 'node:path';
import { digest, digestAll, openBucket } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Manifest } from '../output/emit.ts';
import type { FileStamp, Staging } from '../output/write.ts';
import { encodePath, pathOfFile, routePath } from '../site/routes.ts';
import { feedIndex, type FeedPage, type IndexFeed } from './feed.ts';
import { lastIndexFiles, lastRecord, SEARCH_DIR, type SearchRecord } from './last-index.ts';
import { openPagefindService } from './pagefind.ts';

/** Pagefind's own marker: pages without it are left out. */
const MARK = 'data-pagefind-body';

/** Pages queued for Pagefind with their HTML in memory at most; later ones are read back from staging. */
const HELD = 400;

/** Pagefind's ready-made UIs: the search page has its own small script, so they are not shipped. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * An HTML page the build staged, in the order it was staged (the order Pagefind numbers pages in).
 * `hash` is known once its bytes were seen; `indexed` is false once they turned out to lack the marker.
 */
interface StagedPage {
  file: string;
  hash?: string;
  indexed?: boolean;
}

/** With search off, the default search page's script is not copied (a site's own `static/search.js` still is). */
function withoutSearchScript(staging: Staging, script: string): Staging {
  return { ...staging, copy: (file, source) => (path.resolve(source) === script ? Promise.resolve() : staging.copy(file, source)) };
}

/** How the search stage went, for the build's summary. */
export interface SearchStats {
  /** Pages in the index. */
  pages: number;
  /** The last build's index was kept: Pagefind did not run. */
  reused: boolean;
  /** From the first page sent to Pagefind to the index's last file (mostly while pages were still rendering). */
  ms: number;
}

/** The search stage of one build: it indexes pages as they are staged, finishes before the swap, remembers them after it. */
export interface SearchStage {
  /** The staging folder to emit the site into. */
  staging: Staging;
  /**
   * Once every page is staged: finish the index into staging (or keep the last one), adding its
   * files' keys to `keys` for the manifest; undefined with search off. Throws when Pagefind
   * fails (see `searchFailure`).
   */
  index(keys: Map<string, string>): Promise<SearchStats | undefined>;
  /** The build stops without an index: let Pagefind go. */
  abort(): Promise<void>;
  /** After the swap: note what the output's index holds, for the next build. */
  remember(stamps: ReadonlyMap<string, FileStamp>): void;
}

/** What the search stage of a build needs to know. */
export interface SearchOptions {
  enabled: boolean;
  staging: Staging;
  outDir: string;
  /** The project's own `static/search.js`, left out with search off. */
  script: string;
  cacheDir: string;
  cache: boolean;
  /** The output's key in the cache (as for its manifest) and the manifest of the last build. */
  manifestKey: string;
  previous: Manifest;
  /** `/blog/`: not in the index's URLs (the search page gives it to Pagefind as `baseUrl`), but a new base path means a new index. */
  basePath: string;
  /** The site language: one index for the whole site, whatever a post's own `lang`. */
  language: string;
  /** Output files never to index, whatever their template says: the pages of drafts (`--drafts`). */
  exclude: ReadonlySet<string>;
  /** Pages per Pagefind index (see pages-per-index.ts). */
  pagesPerIndex: number;
  /**
   * Send pages to Pagefind before one is known to differ from the last build's, because one most
   * likely will (a post's body was rendered again). Pagefind then works while pages render; if
   * none differed after all, the work is dropped, which costs the build a little.
   */
  speculate: boolean;
}

/** Start the search stage of a build that writes `staging`. */
export function openSearch(options: SearchOptions): SearchStage {
  if (!options.enabled) {
    return { staging: withoutSearchScript(options.staging, options.script), index: async () => undefined, abort: async () => undefined, remember: () => undefined };
  }
  const records = openBucket<SearchRecord>(options.cacheDir, 'search', options.cache);
  const settings = digestAll(['pagefind', generatorVersion(), options.basePath, options.language, String(options.pagesPerIndex)]);
  const last = lastRecord(records.get(options.manifestKey), settings, options.previous);
  const { staging } = options;
  // This build's own Pagefind: what it has open, and the process behind it (see pagefind.ts).
  const pagefind = openPagefindService();
  const pages: StagedPage[] = [];
  const indexFiles: string[] = [];
  let feed: IndexFeed | undefined;
  let started = 0;
  let made: { key: string; hashes: Map<string, string> } | undefined;

  const keyOf = (indexed: readonly StagedPage[]) => digestAll([settings, ...indexed.flatMap((page) => [page.file, page.hash!])]);
  /** A page for Pagefind: its HTML as put, or read back from staging (kept pages, and pages queued behind many others). */
  const feedPage = (page: StagedPage, contents?: string): FeedPage => ({
    file: page.file,
    // The URL a reader follows, before the base path (`posts/x/index.html` → `/posts/x/`).
    url: `/${encodePath(pathOfFile(page.file))}`,
    html: async () => {
      // Well-formed, as written: a lone surrogate (a template cutting an emoji in half) is U+FFFD in
      // the file, and Pagefind must get the same text whether the page was held or read back.
      const html = contents === undefined ? await staging.read(page.file) : (contents as string & { toWellFormed(): string }).toWellFormed();
      page.indexed = html.includes(MARK);
      if (!page.indexed) return undefined;
      page.hash ??= digest(html);
      return html;
    },
  });
  const put = async (file: string, content: string | Uint8Array) => {
    await staging.put(file, content);
    indexFiles.push(file);
  };
  const startFeed = () => {
    started = performance.now();
    feed = feedIndex({
      pagefind,
      language: options.language,
      pagesPerIndex: options.pagesPerIndex,
      // The first index in `pagefind/`, the others in `pagefind/part-N/`, named in `parts.json` for the search page to merge.
      indexed: async (number, files) => {
        const dir = number === 0 ? SEARCH_DIR : routePath('searchIndexPart', { n: number + 1 });
        for (const file of files) if (!UNUSED.test(file.path)) await put(dir + file.path.split(path.sep).join('/'), file.content);
      },
      wanted: () => decided,
    });
    // Pages staged before the feed started are read back.
    for (const page of pages) feed.push(feedPage(page));
    return feed;
  };
  /** Whether a page staged so far differs from the last build's, which rules out keeping its index. */
  let differs = last === undefined;
  /** Settled once the index is known to be needed (true) or not (false). */
  let decide: (wanted: boolean) => void = () => undefined;
  const decided = new Promise<boolean>((resolve) => (decide = resolve));
  if (differs) decide(true);
  /**
   * Note a staged page, and send it on once the feed runs: from the first page when the build
   * expects a change (`speculate`), else from the first page that differs. Its HTML goes along
   * while the queue is short, else it is read back when sent.
   */
  const record = (page: StagedPage, unlikeLast: boolean, contents?: string) => {
    if (unlikeLast && !differs) {
      differs = true;
      decide(true);
    }
    if (!feed && !differs && !options.speculate) {
      pages.push(page);
      return;
    }
    const current = feed ?? startFeed();
    pages.push(page);
    current.push(feedPage(page, current.queued < HELD ? contents : undefined));
  };
  const isIndexable = (file: string) => file.endsWith('.html') && !options.exclude.has(file);

  return {
    staging: {
      ...staging,
      put: async (file, contents) => {
        await staging.put(file, contents);
        // Only pages that carry the marker: a cold 4,000-post build should not read every list page back.
        if (!isIndexable(file) || typeof contents !== 'string' || !contents.includes(MARK)) return;
        const hash = digest(contents);
        record({ file, hash }, last?.pages[file]?.hash !== hash, contents);
      },
      keep: async (file, stamp) => {
        const kept = await staging.keep(file, stamp);
        if (!kept || !isIndexable(file)) return kept;
        // Kept: the bytes are the last output's. Indexed then with this stamp: the same page; not indexed then: still no marker.
        const known = last?.pages[file];
        if (known?.size === stamp.size && known.mtimeMs === stamp.mtimeMs) record({ file, hash: known.hash }, false);
        else if (known || !last) record({ file }, true);
        return kept;
      },
    },
    async index(keys) {
      if (!differs) {
        // Every page was the last build's: with the same pages in the same order, its index still holds.
        const key = keyOf(pages);
        const lastFiles = await lastIndexFiles(options.previous, key, options.outDir);
        if (lastFiles) {
          decide(false);
          await feed?.abort();
          for (const [file, stamp] of lastFiles) {
            if (!(await staging.keep(file, stamp))) throw new Error(`${file} changed while the build was running`);
            keys.set(file, key);
          }
          made = { key, hashes: new Map(pages.map((page) => [page.file, page.hash!])) };
          return { pages: pages.length, reused: true, ms: 0 };
        }
        // A page left, or the last index was touched: the index is made after all.
        decide(true);
      }
      const indexes = await (feed ?? startFeed()).end();
      // Named relative to parts.json, which sits in SEARCH_DIR (static/search.js resolves them against its URL).
      const parts = Array.from({ length: indexes - 1 }, (_, i) => routePath('searchIndexPart', { n: i + 2 }).slice(SEARCH_DIR.length));
      await put(routePath('searchIndexParts'), `${JSON.stringify(parts)}\n`);
      const indexed = pages.filter((page) => page.indexed !== false);
      const key = keyOf(indexed);
      for (const file of indexFiles) keys.set(file, key);
      made = { key, hashes: new Map(indexed.map((page) => [page.file, page.hash!])) };
      return { pages: indexed.length, reused: false, ms: performance.now() - started };
    },
    async abort() {
      decide(false);
      await feed?.abort();
    },
    remember(stamps) {
      if (!made) return;
      const indexed = [...made.hashes].flatMap(([file, hash]) => {
        const stamp = stamps.get(file);
        return stamp ? [[file, { ...stamp, hash }] as const] : [];
      });
      records.set(options.manifestKey, { key: made.key, settings, pages: Object.fromEntries(indexed) });
    },
  };
}
