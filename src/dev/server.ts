/**
 * The dev HTTP server: pages from the session's memory, assets and static files from disk,
 * live-reload events over Server-Sent Events. Only files of the site are ever served:
 * requests are decoded, normalised and refused if they would climb out of a folder.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { CODE_DIR } from '../shared/code-dir.ts';
import { staticSource } from '../shared/static-files.ts';
import { isLocalhostName } from '../shared/url.ts';
import { hrefUnder, outputFileOf, routePath } from '../site/routes.ts';

/** Where the server finds what it serves. */
export interface ServedSite {
  /** Output path → contents (pages, feeds). */
  readonly output: ReadonlyMap<string, string>;
  /** Output path → absolute source file (images next to posts). */
  readonly assets: ReadonlyMap<string, string>;
  /** Static folders, the winning one first. */
  readonly staticDirs: readonly string[];
  /** `/` or `/blog/`. */
  readonly basePath: string;
  /** Counts rebuilds: a tab served an older version than the one it connects to reloads. */
  readonly version: number;
}

const CLIENT_PATH = '/__blog/client.js';
const EVENTS_PATH = '/__blog/events';
const CLIENT = readFileSync(path.join(CODE_DIR, 'dev', 'client.js'), 'utf8');

/** Content types of the files a site has; the e2e suite's static server serves with these too. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/feed+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
};

/** A live-reload channel to every open tab. */
export interface LiveReload {
  send(event: 'reload' | 'css' | 'errors', data: unknown): void;
  /** What a tab that connects now should see first: the current version and errors. */
  greeting?: () => Array<{ event: 'hello' | 'errors'; data: unknown }>;
  close(): void;
}

/**
 * The site-relative file a request path names, or undefined when it is not a clean path
 * inside the site: `..` segments (also percent-encoded), backslashes and NUL are refused.
 */
export function requestedFile(urlPath: string, basePath: string): string | undefined {
  if (!urlPath.startsWith(basePath)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.slice(basePath.length));
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  return segments.filter((segment, index) => segment !== '' || index === segments.length - 1).join('/');
}

/** `name` or `name:port`, `[v6]` or `[v6]:port`: what a Host header may be; anything else is refused. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d*)?$/i;

/**
 * Whether a request's Host header names this dev server: `localhost` (and `*.localhost`, which
 * browsers resolve to loopback themselves), an IP literal, or the `--host` value. Any other name
 * is a DNS rebinding attempt: a page the author visits points its own name at 127.0.0.1 and would
 * read the preview, drafts included. IP literals are safe: rebinding needs a name it controls.
 * (Vite's `server.allowedHosts` check, and webpack-dev-server's, allow the same.)
 */
export function hostAllowed(header: string | undefined, host: string): boolean {
  const match = HOST_HEADER.exec(header?.trim() ?? '');
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  if (name.startsWith('[') ? isIP(bare) === 6 : isIP(bare) === 4) return true;
  if (isLocalhostName(bare)) return true;
  const configured = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === configured;
}

/** The 403 a request under a foreign name gets; true when it was refused. */
function refuseForeignHost(request: http.IncomingMessage, response: http.ServerResponse, host: string): boolean {
  if (hostAllowed(request.headers.host, host)) return false;
  const name = request.headers.host ?? '(none)';
  response.writeHead(403, { 'Content-Type': TYPES['.txt']! }).end(
    `Blocked request: this dev server answers only to localhost, its IP addresses and its --host value, not to Host "${name}".\n` +
      `A page can point any name at 127.0.0.1 to read the preview (DNS rebinding).\n` +
      `To open it under that name, start it with --host ${name.replace(/:\d*$/, '')}\n`,
  );
  return true;
}

/** Options of the dev server. */
export interface DevServerOptions {
  /** `--host`: the name or address it listens on, allowed as a Host header besides localhost and IP literals. */
  host?: string;
}

/** Create the server; `site` is asked on every request (and waited for during the first build), so rebuilds show at once. */
export function createDevServer(site: () => ServedSite | Promise<ServedSite>, options: DevServerOptions = {}): { server: http.Server; live: LiveReload } {
  const clients = new Set<http.ServerResponse>();
  const live: LiveReload = {
    send(event, data) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };

  const server = http.createServer((request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    // Before anything is read or streamed: the live-reload stream and the client script too.
    if (refuseForeignHost(request, response, options.host ?? '127.0.0.1')) return;
    // A request line no URL parser accepts must not take the server down.
    const url = URL.parse(request.url ?? '/', 'http://localhost');
    if (!url) {
      response.writeHead(400, { 'Content-Type': TYPES['.txt']! }).end('Bad request');
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      response.write('retry: 500\n\n');
      for (const { event, data } of live.greeting?.() ?? []) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === CLIENT_PATH) {
      response.writeHead(200, { 'Content-Type': TYPES['.js']! }).end(CLIENT);
      return;
    }
    Promise.resolve(site())
      .then((current) => serve(current, url.pathname, response))
      .catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': TYPES['.txt']! }).end(`Internal error: ${(error as Error).message}`);
    });
  });
  return { server, live };
}

async function serve(site: ServedSite, urlPath: string, response: http.ServerResponse): Promise<void> {
  if ((urlPath === '/' || `${urlPath}/` === site.basePath) && site.basePath !== '/') {
    response.writeHead(302, { Location: site.basePath }).end();
    return;
  }
  const file = requestedFile(urlPath, site.basePath);
  if (file === undefined) return notFound(site, response);
  const candidate = outputFileOf(file);
  const page = site.output.get(candidate);
  if (page !== undefined) return send(site, response, candidate, page);
  const asset = site.assets.get(candidate);
  if (asset !== undefined) return sendFile(site, response, candidate, asset);
  for (const dir of site.staticDirs) {
    // Belt and braces: `requestedFile` already refused every way out of the folder. A symlink that
    // leaves the site is refused too, as a build leaves it out (shared/static-files.ts).
    const source = staticSource(dir, candidate);
    if (source !== undefined) return sendFile(site, response, candidate, source);
  }
  // `/posts/x` → `/posts/x/`, as static hosts do.
  if (!file.endsWith('/') && site.output.has(outputFileOf(`${file}/`))) {
    response.writeHead(301, { Location: hrefUnder(site.basePath, `${file}/`) }).end();
    return;
  }
  return notFound(site, response);
}

function send(site: ServedSite, response: http.ServerResponse, file: string, contents: string, status = 200): void {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const body = type.startsWith('text/html') ? injectClient(contents, site.version) : contents;
  response.writeHead(status, { 'Content-Type': type }).end(body);
}

async function sendFile(site: ServedSite, response: http.ServerResponse, file: string, absolute: string): Promise<void> {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const bytes = await readFile(absolute);
  response.writeHead(200, { 'Content-Type': type }).end(type.startsWith('text/html') ? injectClient(bytes.toString('utf8'), site.version) : bytes);
}

function notFound(site: ServedSite, response: http.ServerResponse): void {
  const notFoundFile = outputFileOf(routePath('notFound'));
  const page = site.output.get(notFoundFile);
  if (page !== undefined) send(site, response, notFoundFile, page, 404);
  else response.writeHead(404, { 'Content-Type': TYPES['.txt']! }).end('Not found');
}

/**
 * The live-reload script goes at the end of the head, so it runs early and is deferred.
 * It carries the version the page was rendered at: a rebuild that lands before the tab's
 * event stream connects would otherwise go unseen.
 */
function injectClient(html: string, version: number): string {
  const tag = `<script src="${CLIENT_PATH}" data-version="${version}" defer></script>`;
  const at = html.indexOf('</head>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
