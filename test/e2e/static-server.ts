/**
 * A tiny static HTTP server, as a plain host serves a built site: a folder mounted under a
 * sub-path (`/blog/`), `index.html` for folders, a redirect for a folder without its slash,
 * and `404.html` with status 404 for anything else. Nothing outside the folder is served.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TYPES } from '../../src/dev/server.ts';

/** A running server: its origin (`http://127.0.0.1:PORT`), the folder it serves (settable), and `close`. */
export interface StaticServer {
  origin: string;
  port: number;
  /** The folder served under the mount path; set it once the site is built. */
  root: string;
  close(): Promise<void>;
}

/** Serve `root` under `mount` (`/blog/`) on a free port of 127.0.0.1. */
export async function startStaticServer(mount: string, root = ''): Promise<StaticServer> {
  const state = { root };
  const server: Server = createServer((request, response) => {
    void answer(state.root, mount, request.url ?? '/', request.method ?? 'GET').then(({ status, file, location }) => {
      if (location) {
        response.writeHead(status, { location }).end();
        return;
      }
      if (!file) {
        response.writeHead(status, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(status, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get root() {
      return state.root;
    },
    set root(value: string) {
      state.root = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function answer(root: string, mount: string, url: string, method: string): Promise<{ status: number; file?: string; location?: string }> {
  const notFound = async () => ({ status: 404, file: (await isFile(path.join(root, '404.html'))) ? path.join(root, '404.html') : undefined });
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  const { pathname } = new URL(url, 'http://localhost');
  if (!pathname.startsWith(mount)) return notFound();
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(mount.length));
  } catch {
    return notFound();
  }
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep)) return notFound();
  const stats = await stat(target).catch(() => undefined);
  if (stats?.isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: `${pathname}/` };
    const index = path.join(target, 'index.html');
    return (await isFile(index)) ? { status: 200, file: index } : notFound();
  }
  return stats?.isFile() ? { status: 200, file: target } : notFound();
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
