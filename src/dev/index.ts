/** `npm run dev`: build into memory, serve, watch, and push every change to open tabs. */
import path from 'node:path';
import { CONFIG_FILES, staticDirsOf, templateDirsOf } from '../shared/site-dirs.ts';
import { ConfigError, loadConfig, type UserConfig } from '../config.ts';
import { formatReport, toJsonMessages } from '../report.ts';
import { basePathOf, pathOfFile, routesFor, type Routes } from '../site/routes.ts';
import { SiteSession, type RebuildResult } from '../session/site-session.ts';
import { createDevServer } from './server.ts';
import { DiskView } from './stamps.ts';
import { classify, emptyBatch, watchSite, type WatchBatch, type WatchedDirs } from './watch.ts';

/** Options of one dev session, from the command line. */
export interface DevOptions {
  root: string;
  port: number;
  host: string;
  /** `--base-url`: only its path is used; the origin is the dev server's. */
  baseUrl?: string;
  /** Where a build would write: never watched. */
  out: string;
  /** Terminal output (tests pass a collector). */
  log?: (line: string) => void;
  /** The folder messages name files relative to; the process's own unless given. */
  cwd?: string;
  /** The clock; the system's unless given. */
  now?: () => Date;
  /** Worker threads for the first render (at least one: markdown never renders on the thread that answers requests); automatic unless given. */
  threads?: number;
  /** Tests: file events to lose, as an overflowing watcher loses them. */
  dropEvents?: (file: string) => boolean;
}

/** A running dev server. */
export interface DevServer {
  url: string;
  session: () => SiteSession;
  close(): Promise<void>;
}

/** The dev URL: the dev server's origin with the base path of the configured URL. */
function devUrl(configured: string, host: string, port: number): string {
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new URL(basePathOf(configured), origin).href;
}

/** Start building, serving and watching; resolves once the site is served. */
export async function startDev(options: DevOptions): Promise<DevServer> {
  // This is the dev server's entry: the process's folder and clock are read here, and only here, when not given.
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? (() => new Date());
  const overrides: UserConfig = options.baseUrl === undefined ? {} : { url: options.baseUrl };
  let session: SiteSession | undefined;
  /** The current session's URLs: its base path changes with the config's `url`. */
  let routes: Routes | undefined;
  const staticDirs = [...staticDirsOf(options.root)].reverse();
  const watched: WatchedDirs = { root: options.root, templateDirs: templateDirsOf(options.root), staticDirs, ignoreDirs: [options.out, path.join(options.root, '.cache')] };
  // What the session has read, file by file: a quiet moment compares it with the disk (dev/stamps.ts).
  const view = new DiskView(
    [path.join(options.root, 'content'), ...watched.templateDirs, ...staticDirs],
    CONFIG_FILES.map((name) => path.join(options.root, name)),
    (file) => classify(emptyBatch(), watched, file),
    // File times come from the system's clock, whatever "now" the site is built for.
    () => Date.now(),
  );
  /** Posts appeared or went since the last rescan: their first commit dates may have too (a branch switch). */
  let postsMoved = false;
  let firstBuild: Promise<RebuildResult> | undefined;
  let version = 0;
  const served = (current: SiteSession) => ({ output: current.output, assets: current.assets, staticDirs, basePath: routes!.basePath, version });
  // The server listens before the first build (so `--port 0` is known for the URL); early requests wait for it.
  const { server, live } = createDevServer(async () => {
    await firstBuild;
    return served(session!);
  }, { host: options.host });
  const errors = () => toJsonMessages(session?.files ?? []).filter((message) => message.severity === 'error');
  live.greeting = () => [
    { event: 'hello', data: { version } },
    { event: 'errors', data: { messages: errors() } },
  ];

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  /** A new session from the config on disk (at start, and when the config changes). */
  const begin = async () => {
    // Stamped before anything is read: a file saved while the session reads it differs afterwards.
    await view.recordAll();
    const config = await loadConfig(options.root, overrides, cwd);
    const next = new SiteSession(options.root, { ...config, url: devUrl(config.url, options.host, port) }, now, cwd, { chromium: process.env.CHROMIUM_PATH || undefined }, options.threads);
    const result = await next.start();
    session = next;
    routes = routesFor(next.config);
    return result;
  };
  firstBuild = begin();
  const first = await firstBuild;
  const url = session!.config.url;
  log(formatReport(session!.files, 'text').trimEnd());
  log(`Serving ${session!.output.size} files at ${url} (built in ${Math.round(first.ms)} ms; drafts and future posts shown)`);

  // Percent-encoded as in the pages' links, which is how a tab's `location.pathname` has it (`/tags/%E6%97%A5…/`).
  const hrefOf = (file: string) => routes!.href(pathOfFile(file));
  const onBatch = async (batch: WatchBatch) => {
    const registries = batch.registries ? ['authors.yml', 'tags.yml'].map((name) => path.join(options.root, 'content', name)) : [];
    if (await view.record(batch.posts)) postsMoved = true;
    await view.record([...batch.templates, ...batch.statics, ...batch.assets, ...registries]);
    const what = describe(batch, options.root);
    let result: RebuildResult | undefined;
    version++;
    if (batch.config) {
      try {
        result = await begin();
        live.send('reload', { paths: '*' });
      } catch (error) {
        // A broken config keeps the last good site running; the message says what to fix.
        if (!(error instanceof ConfigError)) throw error;
        log(error.message);
      }
    } else if (batch.posts.size > 0 || batch.registries || batch.templates.size > 0) {
      result = await session!.update({ posts: batch.posts, registries: batch.registries, templates: batch.templates.size > 0 });
    } else if (batch.assets.size > 0 || [...batch.statics].some((file) => !file.endsWith('.css'))) {
      // Files that posts name (beside them, or in static/ by a root-relative URL) give their images
      // a width and height: the posts naming them render again, as a build would render them.
      result = await session!.assetsChanged([...batch.assets, ...[...batch.statics].filter((file) => !file.endsWith('.css'))]);
    }
    // A stylesheet added or deleted (custom.css) changes which ones pages link: not a swap in place.
    const restyled = batch.config || ![...batch.statics].some((file) => file.endsWith('.css')) ? undefined : await session!.stylesheetsChanged();
    if (restyled) result = result ? { ...restyled, changed: [...result.changed, ...restyled.changed], removed: [...result.removed, ...restyled.removed], ms: result.ms + restyled.ms } : restyled;
    if (result) {
      const pages = [...result.changed, ...result.removed].filter((file) => file.endsWith('.html')).map(hrefOf);
      if (pages.length > 0) live.send('reload', { paths: pages });
    }
    live.send('errors', { messages: errors() });
    const css = [...batch.statics].filter((file) => file.endsWith('.css'));
    if (css.length > 0) live.send('css', { hrefs: css.map((file) => hrefOf(relativeToStatic(file, staticDirs))) });
    if (batch.statics.size > css.length) live.send('reload', { paths: '*' });
    // Only what this change is about: the files it touched, and a template error if there is one.
    const touched = new Set([...batch.posts, ...batch.templates].map((file) => path.relative(cwd, file)));
    const report = formatReport(session!.files.filter((file) => touched.has(file.path) || file.path === 'templates' || file.path.endsWith('.liquid')), 'text').trimEnd();
    if (report) log(report);
    const files = result ? `${result.changed.length + result.removed.length} files` : 'no rebuild';
    const rescanned = batch.missed ? `rescanned: ${batch.missed} ${batch.missed === 1 ? 'file differed' : 'files differed'} from what the watcher had reported, ` : '';
    log(`${now().toLocaleTimeString('en-GB')} ${rescanned}${what} → ${files}${result ? ` in ${Math.round(result.ms)} ms` : ''}`);
  };
  /** Once the watcher's bursts are done: what they missed (lost or merged events), as one more batch. */
  const onIdle = async (): Promise<WatchBatch | undefined> => {
    const missed = await view.drift();
    const redated = postsMoved ? await session!.gitDatesMoved() : [];
    postsMoved = false;
    if (missed.length === 0 && redated.length === 0) return undefined;
    const batch = emptyBatch();
    for (const file of missed) classify(batch, watched, file);
    for (const file of redated) batch.posts.add(file);
    batch.missed = missed.length;
    return batch;
  };
  const onError = (error: Error) => log(`The file watcher failed (${error.message}): rescanning the site for changes.`);
  const watching = watchSite(watched, onBatch, { onIdle, onError, drop: options.dropEvents });
  await watching.ready;

  return {
    url,
    session: () => session!,
    async close() {
      await watching.close();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function relativeToStatic(file: string, staticDirs: readonly string[]): string {
  const dir = staticDirs.find((candidate) => file.startsWith(candidate + path.sep)) ?? path.dirname(file);
  return path.relative(dir, file).split(path.sep).join('/');
}

/** One short phrase for the terminal: what changed. */
function describe(batch: WatchBatch, root: string): string {
  const names = [...batch.posts, ...batch.templates, ...batch.statics, ...batch.assets].map((file) => path.relative(root, file));
  if (batch.registries) names.push('authors/tags registry');
  if (batch.config) names.push('site config');
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}
