/**
 * The Pagefind search index, made from the staged output before it is swapped in, so `dist/`
 * is never half-indexed and a failed index leaves the previous `dist/` as it was.
 * Only pages that ask for it (`data-pagefind-body`: published post articles) are indexed;
 * the index files go through the staging folder like every other output, so unchanged ones
 * are hard-linked and none is deleted as stale. When the indexed pages are byte for byte those
 * of the last build, the last build's index is kept without starting Pagefind at all.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { digest, digestAll, openBucket } from '../cache/store.ts';
import { generatorVersion } from '../cache/version.ts';
import { encodePath } from '../render/urls.ts';
import type { Manifest } from './emit.ts';
import { runPagefind } from './pagefind.ts';
import { insideDir, type FileStamp, type Staging } from './write.ts';

/** Where the index lives in the output: the search page loads `<base>pagefind/pagefind.js`. */
export const SEARCH_DIR = 'pagefind/';

/** Pagefind's own marker: pages without it are left out. */
const MARK = 'data-pagefind-body';

/** Pagefind's ready-made UIs: the search page has its own small script, so they are not shipped. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * What the last build indexed: the index's key, and for each indexed page the digest of its bytes
 * and the stamp it had in the output. A page kept from that output with that stamp has those
 * bytes, so a build that keeps every page decides to keep the index without reading a page.
 */
export interface SearchRecord {
  key: string;
  pages: Record<string, FileStamp & { hash: string }>;
}

/** An HTML page the build staged, with the digest of its bytes when known (read back from staging otherwise). */
interface StagedPage {
  file: string;
  hash?: string;
}

/** Notes the HTML pages a build stages, to index them afterwards without reading the staging folder. */
interface PageRecorder {
  /** The staging folder, recording every HTML page put or kept. */
  staging: Staging;
  pages: StagedPage[];
}

/**
 * Wrap `staging` so that every HTML page it receives is remembered for the index.
 * `last` is the last build's record, when its index is the one in the output (see `lastRecord`).
 */
function recordPages(staging: Staging, last: SearchRecord | undefined): PageRecorder {
  const pages: StagedPage[] = [];
  const isHtml = (file: string) => file.endsWith('.html');
  return {
    pages,
    staging: {
      ...staging,
      put: (file, contents) => {
        // Only pages that carry the marker: a cold 4,000-post build should not hold every list page too.
        // Only the digest is kept: the page is read back from staging when it is indexed.
        if (isHtml(file) && typeof contents === 'string' && contents.includes(MARK)) pages.push({ file, hash: digest(contents) });
        return staging.put(file, contents);
      },
      keep: async (file, stamp) => {
        const kept = await staging.keep(file, stamp);
        if (!kept || !isHtml(file)) return kept;
        // Kept: the bytes are the last output's. Indexed then with this stamp: the same page; not indexed then: still no marker.
        const known = last?.pages[file];
        if (!last) pages.push({ file });
        else if (known?.size === stamp.size && known.mtimeMs === stamp.mtimeMs) pages.push({ file, hash: known.hash });
        else if (known) pages.push({ file });
        return kept;
      },
    },
  };
}

/** The last build's record, if the index in the output is the one it describes. */
function lastRecord(record: SearchRecord | undefined, previous: Manifest): SearchRecord | undefined {
  if (!record) return undefined;
  return Object.entries(previous).some(([file, stamp]) => file.startsWith(SEARCH_DIR) && stamp.key === record.key) ? record : undefined;
}

/** What indexing did: the index files' keys for the manifest, the record for the next build, and how it went. */
interface SearchIndexed {
  /** Output file → the key of the index it belongs to (next build's reuse test). */
  keys: Map<string, string>;
  /** Indexed page → digest of its bytes; with the stamps after the swap, the next build's `SearchRecord`. */
  hashes: Map<string, string>;
  key: string;
  /** Pages in the index. */
  pages: number;
  /** The last build's index was kept: Pagefind did not run. */
  reused: boolean;
  ms: number;
}

interface SearchInput {
  recorder: PageRecorder;
  outDir: string;
  /** `/blog/`: not in the index's URLs (the search page gives it to Pagefind as `baseUrl`), but a new base path means a new index. */
  basePath: string;
  /** The site language: one index for the whole site, whatever a post's own `lang`. */
  language: string;
  previous: Manifest;
  /** Output files never to index, whatever their template says: the pages of drafts (`--drafts`). */
  exclude: ReadonlySet<string>;
  /** Pages per Pagefind index (see search-split.ts). */
  pagesPerIndex: number;
}

/** Index the recorded pages into `pagefind/` of the staging folder (or keep the last build's index). */
async function indexSearch(input: SearchInput): Promise<SearchIndexed> {
  const started = performance.now();
  const staging = input.recorder.staging;
  const pages = await indexedPages(staging, input.recorder.pages.filter((page) => !input.exclude.has(page.file)));
  const key = digestAll(['pagefind', generatorVersion(), input.basePath, input.language, String(input.pagesPerIndex), ...pages.flatMap((page) => [page.file, page.hash])]);
  const hashes = new Map(pages.map((page) => [page.file, page.hash]));
  const done = (keys: Map<string, string>, reused: boolean): SearchIndexed => ({ keys, hashes, key, pages: pages.length, reused, ms: performance.now() - started });

  const last = Object.entries(input.previous).filter(([file, stamp]) => file.startsWith(SEARCH_DIR) && stamp.key === key);
  if (last.length > 0 && (await allUntouched(input.outDir, last))) {
    const keys = new Map<string, string>();
    for (const [file, stamp] of last) {
      if (!(await input.recorder.staging.keep(file, stamp))) throw new Error(`${file} changed while the build was running`);
      keys.set(file, key);
    }
    return done(keys, true);
  }

  // One index per PAGES_PER_INDEX pages, made one after the other, the first in `pagefind/` and the
  // others in `pagefind/part-N/`, named in `pagefind/parts.json` for the search page to merge.
  const keys = new Map<string, string>();
  const put = async (file: string, content: string | Uint8Array) => {
    await input.recorder.staging.put(file, content);
    keys.set(file, key);
  };
  const parts: string[] = [];
  for (let start = 0; start < pages.length || start === 0; start += input.pagesPerIndex) {
    const dir = start === 0 ? SEARCH_DIR : `${SEARCH_DIR}part-${parts.length + 2}/`;
    if (start > 0) parts.push(dir.slice(SEARCH_DIR.length));
    const chunk = pages.slice(start, start + input.pagesPerIndex);
    const files = await runPagefind(
      chunk.map((page) => ({ url: `/${encodePath(urlOf(page.file))}`, file: page.file, html: () => staging.read(page.file) })),
      input.language,
    );
    for (const file of files) if (!UNUSED.test(file.path)) await put(dir + file.path.split(path.sep).join('/'), file.content);
  }
  await put(`${SEARCH_DIR}parts.json`, `${JSON.stringify(parts)}\n`);
  return done(keys, false);
}

/** The pages to index, in a stable order, each with the digest of its bytes (read when not known, one at a time). */
async function indexedPages(staging: Staging, staged: readonly StagedPage[]): Promise<Array<{ file: string; hash: string }>> {
  const pages: Array<{ file: string; hash: string } | undefined> = [];
  for (const page of staged) {
    if (page.hash !== undefined) pages.push({ file: page.file, hash: page.hash });
    else {
      const html = await staging.read(page.file);
      pages.push(html.includes(MARK) ? { file: page.file, hash: digest(html) } : undefined);
    }
  }
  return pages.filter((page) => page !== undefined).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** `posts/x/index.html` → `posts/x/`: the URL a reader follows, before the base path. */
function urlOf(file: string): string {
  return file.endsWith('/index.html') || file === 'index.html' ? file.slice(0, -'index.html'.length) : file;
}

/** Every file of the last index is still in the output as the last build left it. */
async function allUntouched(outDir: string, files: ReadonlyArray<[string, FileStamp]>): Promise<boolean> {
  const out = path.resolve(outDir);
  for (const [file, stamp] of files) {
    const now = await stat(insideDir(out, file)).catch(() => undefined);
    if (now?.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) return false;
  }
  return true;
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
  ms: number;
}

/** The search stage of one build: it watches pages being staged, indexes them before the swap, remembers them after it. */
export interface SearchStage {
  /** The staging folder to emit the site into. */
  staging: Staging;
  /**
   * Put the index into staging (or keep the last one), adding its files' keys to `keys` for the manifest;
   * undefined with search off. Throws when Pagefind fails (see `searchFailure`).
   */
  index(site: { basePath: string; language: string; exclude: ReadonlySet<string>; keys: Map<string, string> }): Promise<SearchStats | undefined>;
  /** After the swap: note what the output's index holds, for the next build. */
  remember(stamps: ReadonlyMap<string, FileStamp>): void;
}

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
  /** Pages per Pagefind index (see search-split.ts). */
  pagesPerIndex: number;
}

/** Start the search stage of a build that writes `staging`. */
export function openSearch(options: SearchOptions): SearchStage {
  const records = openBucket<SearchRecord>(options.cacheDir, 'search', options.cache);
  if (!options.enabled) {
    return { staging: withoutSearchScript(options.staging, options.script), index: async () => undefined, remember: () => undefined };
  }
  const recorder = recordPages(options.staging, lastRecord(records.get(options.manifestKey), options.previous));
  let made: { key: string; hashes: Map<string, string> } | undefined;
  return {
    staging: recorder.staging,
    async index({ basePath, language, exclude, keys }) {
      const { keys: indexKeys, hashes, key, ...stats } = await indexSearch({
        recorder,
        outDir: options.outDir,
        basePath,
        language,
        previous: options.previous,
        exclude,
        pagesPerIndex: options.pagesPerIndex,
      });
      for (const [file, indexKey] of indexKeys) keys.set(file, indexKey);
      made = { key, hashes };
      return stats;
    },
    remember(stamps) {
      if (!made) return;
      const pages = [...made.hashes].flatMap(([file, hash]) => {
        const stamp = stamps.get(file);
        return stamp ? [[file, { ...stamp, hash }] as const] : [];
      });
      records.set(options.manifestKey, { key: made.key, pages: Object.fromEntries(pages) });
    },
  };
}
