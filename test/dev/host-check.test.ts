/**
 * DNS rebinding: a page the author visits points its own name at 127.0.0.1 and reads the preview
 * (drafts included). The browser still sends that name in `Host`, so the dev server answers only
 * to the names it is known by, as Vite's `server.allowedHosts` does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevServer, hostAllowed, type ServedSite } from '../../src/dev/server.ts';

const SITE: ServedSite = {
  output: new Map([['index.html', '<html><head></head><body>Draft: the secret post</body></html>']]),
  assets: new Map(),
  staticDirs: [],
  basePath: '/',
  version: 1,
};

/** A GET to the server at 127.0.0.1 carrying `host` as its Host header (undefined: no header at all). */
function getWithHost(port: number, rawPath: string, host: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: rawPath, setHost: host !== undefined, headers: host === undefined ? {} : { Host: host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        // The event stream never ends by itself: its first bytes are enough.
        if (rawPath === '/__blog/events') response.destroy();
      });
      response.on('close', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('hostAllowed', () => {
  it.each([
    ['localhost', '127.0.0.1'],
    ['localhost:3000', '127.0.0.1'],
    ['LOCALHOST:3000', '127.0.0.1'],
    ['blog.localhost:3000', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['[::1]', '127.0.0.1'],
    ['[::1]:3000', '127.0.0.1'],
    ['192.168.1.20:3000', '0.0.0.0'],
    ['[fe80::1]:3000', '::'],
    ['devbox.lan:3000', 'devbox.lan'],
    ['DevBox.lan', 'devbox.lan'],
  ])('allows %s (--host %s)', (header, host) => {
    expect(hostAllowed(header, host)).toBe(true);
  });

  it.each([
    ['attacker.example', '127.0.0.1'],
    ['attacker.example:3000', '127.0.0.1'],
    ['localhost.attacker.example', '127.0.0.1'],
    ['127.0.0.1.nip.io:3000', '127.0.0.1'],
    ['devbox.lan.attacker.example', 'devbox.lan'],
    ['[::1', '127.0.0.1'],
    ['localhost:3000:3000', '127.0.0.1'],
    ['', '127.0.0.1'],
    [undefined, '127.0.0.1'],
  ])('refuses %j (--host %s)', (header, host) => {
    expect(hostAllowed(header, host)).toBe(false);
  });
});

describe('the dev server over HTTP with a forged Host', () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = createDevServer(() => SITE, { host: 'devbox.lan' }).server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers 403 to a rebound name, naming --host, and never sends the page', async () => {
    const answer = await getWithHost(port, '/', `attacker.example:${port}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('attacker.example');
    expect(answer.body).toContain('--host');
    expect(answer.body).not.toContain('secret post');
  });

  it('answers 403 on the live-reload stream and the client script too', async () => {
    for (const route of ['/__blog/events', '/__blog/client.js']) {
      const answer = await getWithHost(port, route, 'attacker.example');
      expect(answer.status, route).toBe(403);
      expect(answer.body, route).not.toContain('event:');
    }
  });

  it('refuses a request with no Host at all', async () => {
    // Node itself answers 400 to an HTTP/1.1 request without one; either way, no page.
    const answer = await getWithHost(port, '/', undefined);
    expect([400, 403]).toContain(answer.status);
    expect(answer.body).not.toContain('secret post');
  });

  it.each(['localhost', 'localhost:3000', '127.0.0.1', '[::1]:3000', 'devbox.lan', '10.0.0.7:8080'])('serves the page to Host %s', async (host) => {
    const answer = await getWithHost(port, '/', host);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('secret post');
  });

  it('keeps the live-reload stream open to the names it is known by', async () => {
    const answer = await getWithHost(port, '/__blog/events', `localhost:${port}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('retry:');
  });
});
