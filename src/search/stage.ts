/**
 * The Pagefind search index, made from the staged output before it is swapped in, so `dist/`
 * is never half-indexed and a failed index leaves the previous `dist/` as it was.
 * Only pages that ask for it (`data-pagefind-body`: published post articles) are indexed;
 * the index files go through the staging folder like every other output, so unchanged ones
 * are hard-linked and none is deleted as stale. A big site's index is in parts that each hold
 * the pages whose URL hashes to them (parts.ts); each part is decided on its own. Pages go to
 * their part's Pagefind index as they are staged (see feed.ts), from the first page of the part
 * that differs from the last build's (or from the first page at all for a single index when a
 * change is likely: `speculate`). A part whose pages all turn out byte for byte the last
 * build's keeps the last build's files, and any work sent for it is dropped.
 */
import path from 'node:path';
import { digest, digestAll, openBucket } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import type { Manifest } from '../output/emit.ts';
import type { FileStamp, Staging } from '../output/write.ts';
import { encodePath, pathOfFile, routePath } from '../site/routes.ts';
import { feedIndex, type FeedPage, type IndexFeed } from './feed.ts';
import { lastIndexFiles, lastRecord, type SearchRecord } from './last-index.ts';
import { openPagefindService } from './pagefind.ts';
import { partCount, partDir, partNames, partOf } from './parts.ts';

/** Pagefind's own marker: pages without it are left out. */
const MARK = 'data-pagefind-body';

/** Pages queued for Pagefind with their HTML in memory at most (per part); later ones are read back from staging. */
const HELD = 400;

/** Pagefind's ready-made UIs: the search page has its own small script, so they are not shipped. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * An HTML page the build staged, in the order it was staged (the order Pagefind numbers pages in).
 * `hash` is known once its bytes were seen; `indexed` is false once they turned out to lack the marker.
 */
interface StagedPage {
  file: string;
  url: string;
  hash?: string;
  indexed?: boolean;
}

/** One part of the index being made: its pages in staged order, and its feed once its pages go to Pagefind. */
interface Part {
  pages: StagedPage[];
  feed?: IndexFeed;
}

/** With search off, the default search page's script is not copied (a site's own `static/search.js` still is). */
function withoutSearchScript(staging: Staging, script: string): Staging {
  return { ...staging, copy: (file, source) => (path.resolve(source) === script ? Promise.resolve() : staging.copy(file, source)) };
}

/** How the search stage went, for the build's summary. */
export interface SearchStats {
  /** Pages in the index. */
  pages: number;
  /** The last build's index was kept whole: Pagefind did not run. */
  reused: boolean;
  /** From the first page sent to Pagefind to the index's last file (mostly while pages were still rendering). */
  ms: number;
  /** Parts of the index (see parts.ts), and of those the ones made again (the others were kept). */
  parts: number;
  partsIndexed: number;
  /** Pages in the parts made again. */
  pagesIndexed: number;
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
  /** Pages per Pagefind index at most (see pages-per-index.ts); smaller numbers also make smaller parts (parts.ts). */
  pagesPerIndex: number;
  /** Pages the build expects to index (published posts): how many parts to feed while pages render. */
  expected?: number;
  /**
   * Send pages to Pagefind before one is known to differ from the last build's, because one most
   * likely will (a post's body was rendered again). Pagefind then works while pages render; if
   * none differed after all, the work is dropped, which costs the build a little. Only for a
   * single index: with parts, guessing which part changes would index them all.
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
  // Parts as the pages the build expects make them; `index` splits again if the pages it got make another number.
  const expected = options.expected ?? (last ? Object.keys(last.pages).length : 0);
  let parts: Part[] = Array.from({ length: partCount(expected, options.pagesPerIndex) }, () => ({ pages: [] }));
  // Pagefind holds an open index in memory: the parts fed while pages render hold `pagesPerIndex` pages between them; the others are made one by one at the end.
  const streamed = Math.max(1, Math.floor((options.pagesPerIndex * parts.length) / Math.max(1, expected)));
  let started = 0;
  let made: { parts: string[]; hashes: Map<string, string> } | undefined;

  const keyOf = (number: number, count: number, indexed: readonly StagedPage[]) =>
    digestAll([settings, `${number}/${count}`, ...indexed.flatMap((page) => [page.file, page.hash!])]);
  /** A page for Pagefind: its HTML as put, or read back from staging (kept pages, and pages queued behind many others). */
  const feedPage = (page: StagedPage, contents?: string): FeedPage => ({
    file: page.file,
    url: page.url,
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
  /** Start feeding a part: the pages it was given so far are read back. */
  const openFeed = (part: Part): IndexFeed => {
    started ||= performance.now();
    const feed = feedIndex(pagefind, options.language);
    for (const page of part.pages) feed.push(feedPage(page));
    part.feed = feed;
    return feed;
  };
  /**
   * Note a staged page in its part, and send it on once the part's feed runs: from the part's first
   * page that differs from the last build's (or from the first page when nothing is known of the
   * last build, or a single index `speculate`s). Its HTML goes along while the queue is short, else
   * it is read back when sent.
   */
  const record = (file: string, hash: string | undefined, unlikeLast: boolean, contents?: string) => {
    // The URL a reader follows, before the base path (`posts/x/index.html` → `/posts/x/`).
    const page: StagedPage = { file, hash, url: `/${encodePath(pathOfFile(file))}` };
    pages.push(page);
    const number = partOf(page.url, parts.length);
    const part = parts[number]!;
    if (!part.feed && number < streamed && (unlikeLast || !last || (options.speculate && parts.length === 1))) openFeed(part);
    part.pages.push(page);
    part.feed?.push(feedPage(page, part.feed.queued < HELD ? contents : undefined));
  };
  const isIndexable = (file: string) => file.endsWith('.html') && !options.exclude.has(file);
  const abortFeeds = () => Promise.all(parts.map((part) => part.feed?.abort()));

  return {
    staging: {
      ...staging,
      put: async (file, contents) => {
        await staging.put(file, contents);
        // Only pages that carry the marker: a cold 4,000-post build should not read every list page back.
        if (!isIndexable(file) || typeof contents !== 'string' || !contents.includes(MARK)) return;
        const hash = digest(contents);
        record(file, hash, last?.pages[file]?.hash !== hash, contents);
      },
      keep: async (file, stamp) => {
        const kept = await staging.keep(file, stamp);
        if (!kept || !isIndexable(file)) return kept;
        // Kept: the bytes are the last output's. Indexed then with this stamp: the same page; not indexed then: still no marker.
        const known = last?.pages[file];
        if (known?.size === stamp.size && known.mtimeMs === stamp.mtimeMs) record(file, known.hash, false);
        else if (known || !last) record(file, undefined, true);
        return kept;
      },
    },
    async index(keys) {
      // Every page's bytes are seen before the parts are counted: those no feed reads are read now (kept pages the last build did not note).
      const fed = new Set(parts.flatMap((part) => (part.feed ? part.pages : [])));
      for (const page of pages) if (page.hash === undefined && !fed.has(page)) await feedPage(page).html();
      // Pages a feed has yet to read: their part is known once it has (a part whose pages are all known, as after an edit, is not waited for).
      await Promise.all(parts.map((part) => (part.pages.some((page) => page.hash === undefined) ? part.feed?.drained() : undefined)));
      const indexed = pages.filter((page) => page.indexed !== false);
      const count = partCount(indexed.length, options.pagesPerIndex);
      if (count !== parts.length) {
        // The build indexes more or fewer pages than it expected (a template of its own marks them): the parts are made in the new number.
        await abortFeeds();
        parts = Array.from({ length: count }, () => ({ pages: [] }));
        for (const page of indexed) parts[partOf(page.url, count)]!.pages.push(page);
      }
      const partKeys = parts.map((part, number) => keyOf(number, count, part.pages.filter((page) => page.indexed !== false)));
      const put = async (file: string, content: string | Uint8Array, key: string) => {
        await staging.put(file, content);
        keys.set(file, key);
      };
      let pagesIndexed = 0;
      let partsIndexed = 0;
      // Parts being fed first: their indexes are open already. The others open one at a time.
      const order = [...parts.keys()].sort((a, b) => Number(!parts[a]!.feed) - Number(!parts[b]!.feed) || a - b);
      for (const number of order) {
        const part = parts[number]!;
        const key = partKeys[number]!;
        // The same pages in the same order as the last build's part: its files still hold, if the output still has them.
        const lastFiles = await lastIndexFiles(options.previous, key, options.outDir);
        if (lastFiles) {
          await part.feed?.abort();
          for (const [file, stamp] of lastFiles) {
            if (!(await staging.keep(file, stamp))) throw new Error(`${file} changed while the build was running`);
            keys.set(file, key);
          }
          continue;
        }
        const files = await (part.feed ?? openFeed(part)).end();
        const dir = partDir(number);
        for (const file of files) if (!UNUSED.test(file.path)) await put(dir + file.path.split(path.sep).join('/'), file.content, key);
        // Named relative to parts.json, which sits in the first part's folder (static/search.js resolves them against its URL).
        if (number === 0) await put(routePath('searchIndexParts'), `${JSON.stringify(partNames(count))}\n`, key);
        partsIndexed++;
        pagesIndexed += part.pages.filter((page) => page.indexed !== false).length;
      }
      made = { parts: partKeys, hashes: new Map(indexed.map((page) => [page.file, page.hash!])) };
      const ms = partsIndexed > 0 ? performance.now() - started : 0;
      return { pages: indexed.length, reused: partsIndexed === 0, ms, parts: count, partsIndexed, pagesIndexed };
    },
    async abort() {
      await abortFeeds();
    },
    remember(stamps) {
      if (!made) return;
      const indexed = [...made.hashes].flatMap(([file, hash]) => {
        const stamp = stamps.get(file);
        return stamp ? [[file, { ...stamp, hash }] as const] : [];
      });
      records.set(options.manifestKey, { parts: made.parts, settings, pages: Object.fromEntries(indexed) });
    },
  };
}
