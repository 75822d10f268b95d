/** Symbolic links in a site's static/: followed inside the site, never outside it, in build, check and the dev server alike. */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { toJsonMessages, type JsonMessage } from '../../src/report.ts';
import { jsonMessages, listFiles, readOut, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

let root: string;
let out: string;

/** `static/…` names of the `symlink-outside` warnings of a run, with their place. */
function outsideLinks(messages: readonly JsonMessage[]): string[] {
  return messages
    .filter((message) => message.rule === 'symlink-outside')
    .map((message) => `${path.relative(root, path.resolve(message.file))}:${message.line}:${message.column} ${message.severity}`)
    .sort();
}

const EXPECTED = ['static/custom.css:1:1 warning', 'static/home:1:1 warning', 'static/key.txt:1:1 warning'];

beforeAll(async () => {
  const parent = await tempDir('blog-static-links-');
  root = path.join(parent, 'site');
  out = path.join(root, 'dist');
  await mkdir(path.join(parent, 'outside/folder/deeper'), { recursive: true });
  await writeFile(path.join(parent, 'outside/id_rsa'), 'PRIVATE KEY');
  await writeFile(path.join(parent, 'outside/folder/deeper/notes.txt'), 'PRIVATE NOTES');
  await mkdir(path.join(root, 'static/plain'), { recursive: true });
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/real.md'), '---\ntitle: Real\ndate: 2025-01-01\n---\nHello.\n');
  await writeFile(path.join(root, 'content/shared.txt'), 'SHARED INSIDE');
  await writeFile(path.join(root, 'static/plain/own.txt'), 'OWN FILE');
  // `static/key -> ~/.ssh/id_rsa` and `static/home -> ~`, with the home folder played by `outside/`.
  await symlink(path.join(parent, 'outside/id_rsa'), path.join(root, 'static/key.txt'));
  await symlink(path.join(parent, 'outside/folder'), path.join(root, 'static/home'));
  // The theme reads custom.css to fingerprint it: a link there must not publish its target either.
  await writeFile(path.join(parent, 'outside/custom.css'), 'body { --secret: "PRIVATE CSS"; }');
  await symlink(path.join(parent, 'outside/custom.css'), path.join(root, 'static/custom.css'));
  await symlink('../content/shared.txt', path.join(root, 'static/shared.txt'));
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Static links', url: 'https://static-links.example/' }));
});

describe('symbolic links in static/, built', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(['build', '--root', root, '--out', out, '--format', 'json']);
  });

  it('builds, warning about each link that leaves the site, at its path', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(outsideLinks(jsonMessages(run))).toEqual(EXPECTED);
  });

  it('publishes neither the file nor the folder they point to', async () => {
    const files = await listFiles(out);
    expect(files.filter((file) => /^(?:key\.txt|home\b)/.test(file))).toEqual([]);
    for (const file of files) expect(await readOut(out, file), file).not.toMatch(/PRIVATE/);
  });

  it('publishes a link to a file inside the site, and the own files', async () => {
    expect(await readOut(out, 'shared.txt')).toBe('SHARED INSIDE');
    expect(await readOut(out, 'plain/own.txt')).toBe('OWN FILE');
  });
});

describe('symbolic links in static/, checked', () => {
  it('reports the same links', async () => {
    const run = await runCli(['check', '--root', root, '--format', 'json']);
    expect(outsideLinks(jsonMessages(run))).toEqual(EXPECTED);
  });
});

/** A GET on the dev server: status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('symbolic links in static/, served', () => {
  let dev: DevServer;
  beforeAll(async () => {
    dev = await startDev({ root, port: 0, host: '127.0.0.1', out, log: () => {} });
  });
  afterAll(() => dev?.close());

  it('answers 404 for what leaves the site, and serves what stays in it', async () => {
    expect((await get(new URL('key.txt', dev.url).href)).status).toBe(404);
    expect((await get(new URL('home/deeper/notes.txt', dev.url).href)).status).toBe(404);
    expect((await get(new URL('shared.txt', dev.url).href)).body).toBe('SHARED INSIDE');
    expect((await get(new URL('plain/own.txt', dev.url).href)).body).toBe('OWN FILE');
  });

  it('warns about the same links', () => {
    expect(outsideLinks(toJsonMessages(dev.session().files))).toEqual(EXPECTED);
  });
});
