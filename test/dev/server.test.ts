/** The dev server over real HTTP: what it serves, and every traversal attempt it refuses. */
import { appendFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestedFile } from '../../src/dev/server.ts';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { copySite } from '../helpers/site-copy.ts';

/** A raw GET: fetch() would normalise `..` away before it reached the server. */
function get(url: string, rawPath: string): Promise<{ status: number; body: string; location?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, location: response.headers.location }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('requestedFile', () => {
  it.each([
    ['/', '/', ''],
    ['/posts/x/', '/', 'posts/x/'],
    ['/blog/posts/x/', '/blog/', 'posts/x/'],
    ['/blog/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/', '/blog/', 'tags/日本語/'],
    ['/blog//posts//x/', '/blog/', 'posts/x/'],
  ])('%s under %s → %s', (url, base, file) => {
    expect(requestedFile(url, base)).toBe(file);
  });

  it.each([
    ['/../etc/passwd'],
    ['/%2e%2e/etc/passwd'],
    ['/%2E%2E%2Fetc%2Fpasswd'],
    ['/static/..%2f..%2fpackage.json'],
    ['/..%5c..%5cpackage.json'],
    ['/a%00b'],
    ['/%zz'],
    ['/other/'],
  ])('refuses %s', (url) => {
    expect(requestedFile(url, url === '/other/' ? '/blog/' : '/')).toBeUndefined();
  });
});

describe('dev server over HTTP', () => {
  let dev: DevServer;
  let root: string;
  const lines: string[] = [];

  beforeAll(async () => {
    root = await copySite('shapes');
    dev = await startDev({ root, port: 0, host: '127.0.0.1', out: `${root}/dist`, log: (line) => lines.push(line) });
  });
  afterAll(() => dev.close());

  it('serves the site under the base path from the config, with the live-reload script injected', async () => {
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog\/$/);
    const page = await get(dev.url, '/blog/posts/toml-post/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('>TOML post</h1>');
    expect(page.body).toMatch(/<script src="\/__blog\/client.js" data-version="\d+" defer><\/script><\/head>/);
    expect((await get(dev.url, '/__blog/client.js')).body).toContain('EventSource');
  });

  it('prints the URL once', () => {
    expect(lines.filter((line) => line.includes(dev.url))).toHaveLength(1);
  });

  it('shows drafts and future posts', async () => {
    expect((await get(dev.url, '/blog/posts/draft-post/')).status).toBe(200);
    expect((await get(dev.url, '/blog/posts/future-post/')).status).toBe(200);
  });

  it('serves assets next to posts and the default static files', async () => {
    expect((await get(dev.url, '/blog/posts/yaml-post/pixel.png')).status).toBe(200);
    expect((await get(dev.url, '/blog/style.css')).body).toContain('{');
  });

  it('redirects / to the base path and a folder without its slash to the slash', async () => {
    expect(await get(dev.url, '/')).toMatchObject({ status: 302, location: '/blog/' });
    expect(await get(dev.url, '/blog/posts/toml-post')).toMatchObject({ status: 301, location: '/blog/posts/toml-post/' });
  });

  it('answers 400 to a request line no URL parser accepts, and keeps serving', async () => {
    const { port } = new URL(dev.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: localhost\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      setTimeout(() => socket.end(), 500);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await get(dev.url, '/blog/')).status).toBe(200);
  });

  it('answers 403 to a page under a rebound name (DNS rebinding), drafts included', async () => {
    const { port } = new URL(dev.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: '/blog/posts/draft-post/', headers: { Host: `rebind.attacker.example:${port}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/--host rebind\.attacker\.example\n/);
  });

  it('redirects the base path without its slash', async () => {
    expect(await get(dev.url, '/blog')).toMatchObject({ status: 302, location: '/blog/' });
  });

  it.each([
    '/blog/../package.json',
    '/blog/%2e%2e/package.json',
    '/blog/%2e%2e%2fpackage.json',
    '/blog/..%2f..%2f..%2fetc%2fpasswd',
    '/blog/static/..%2f..%2fsite.config.json',
    '/blog/..%5csite.config.json',
    '/blog/content/posts/toml-post.md',
    '/blog/%00',
    '/../../../../etc/passwd',
  ])('never serves a file outside the site for %s', async (rawPath) => {
    const response = await get(dev.url, rawPath);
    expect([301, 302, 400, 404]).toContain(response.status);
    expect(response.body).not.toContain('"postsPerPage"');
    expect(response.body).not.toContain('root:');
    expect(response.body).not.toContain('title = "TOML post"');
  });

  it('names the pages an edit changed percent-encoded, as a tab has them in location.pathname', async () => {
    const events = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(new URL('/__blog/events', dev.url), resolve).on('error', reject));
    try {
      events.setEncoding('utf8');
      const reloaded = new Promise<string[]>((resolve) => {
        let buffer = '';
        events.on('data', (chunk: string) => {
          const frames = (buffer + chunk).split('\n\n');
          buffer = frames.pop()!;
          for (const frame of frames) {
            const data = /^event: reload\ndata: (.*)$/m.exec(frame)?.[1];
            const paths = data === undefined ? undefined : (JSON.parse(data) as { paths: string[] | '*' }).paths;
            if (Array.isArray(paths)) resolve(paths);
          }
        });
      });
      await appendFile(path.join(root, 'content/posts/2024/nested-post/index.md'), '\nOne more line.\n');
      expect(await reloaded).toEqual(expect.arrayContaining(['/blog/2024/nested/', '/blog/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/']));
    } finally {
      events.destroy();
    }
  });
});
