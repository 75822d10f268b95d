/**
 * The dev server converges after a storm of file events: a `git checkout` that rewrites 90% of a
 * 1,200-post site, deletes 10% and adds 10%, then the checkout back. Once the disk is quiet, every
 * page the server answers with must equal the page a fresh build of the same tree writes, whatever
 * the watcher saw or missed. Before the rescan (dev/stamps.ts), 461 and 598 pages stayed wrong for
 * good after the checkout back (118 re-added posts answering 404), in two runs of two.
 * About 80–120 s on 2 cores: an e2e file, run with `npm run test:e2e`.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { PROJECT, tempDir } from '../helpers/cli.ts';

const POSTS = 1200;
const TAGS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'];
const NOW = new Date('2026-01-01T00:00:00Z');
/** The hash a build puts in the names of the theme's files: `style.3f9a0c1b2d.css` → `style.css`. */
const FINGERPRINT = /\.[0-9a-f]{10}(\.(?:css|js))\b/g;
/** The live-reload script the dev server adds to every page, with the version it was served at. */
const CLIENT = /<script src="\/__blog\/client\.js" data-version="\d+" defer><\/script>/;

const git = async (root: string, ...args: string[]) => (await promisify(execFile)('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;

let root: string;
let dev: DevServer;
const lines: string[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function postText(slug: string, title: string, n: number, body: string): string {
  const date = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
  return `---\ntitle: "${title}"\ndate: ${date}\ntags: [${TAGS[n % TAGS.length]}, ${TAGS[(n * 3) % TAGS.length]}]\n---\n\n${body}\n\nPost ${slug}, paragraph two with *emphasis*.\n`;
}

/** A git site: `main` with POSTS posts; `storm` rewrites 90% of them, deletes 10% and adds 10%. */
async function gitSite(): Promise<string> {
  const site = await tempDir('blog-storm-');
  const posts = path.join(site, 'content/posts');
  await mkdir(posts, { recursive: true });
  await writeFile(path.join(site, 'site.config.json'), JSON.stringify({ title: 'Storm', url: 'http://localhost:3000/', search: false }));
  const slug = (n: number) => `post-${String(n).padStart(4, '0')}`;
  await Promise.all(Array.from({ length: POSTS }, (_, n) => writeFile(path.join(posts, `${slug(n)}.md`), postText(slug(n), `Post ${n}`, n, `The body of post ${n}.`))));
  await git(site, 'init', '-q', '-b', 'main');
  await git(site, 'add', '-A');
  await git(site, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'main');
  await git(site, 'checkout', '-q', '-b', 'storm');
  await Promise.all(
    Array.from({ length: POSTS }, (_, n) =>
      n % 10 === 0
        ? rm(path.join(posts, `${slug(n)}.md`))
        : writeFile(path.join(posts, `${slug(n)}.md`), postText(slug(n), `Post ${n}, rewritten`, n, `The rewritten body of post ${n}, longer than before.`)),
    ),
  );
  await Promise.all(Array.from({ length: POSTS / 10 }, (_, k) => writeFile(path.join(posts, `new-${k}.md`), postText(`new-${k}`, `New post ${k}`, POSTS + k, `A post only the branch has (${k}).`))));
  await git(site, 'add', '-A');
  await git(site, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'storm');
  await git(site, 'checkout', '-q', 'main');
  return site;
}

/** GET a page of the dev server: its status and body without the live-reload script. */
function get(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(pathname, dev.url), { agent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: body.replace(CLIENT, '') }));
      })
      .on('error', reject);
  });
}

/** The pages a fresh build of the tree as it is now writes: every post page, the home page and a tag page. */
async function freshBuild(): Promise<Map<string, string>> {
  const config = { ...(await loadConfig(root, {}, PROJECT)), url: dev.url };
  const out = path.join(await tempDir('blog-storm-out-'), 'dist');
  const result = await build({ root, out, cwd: PROJECT, drafts: true, future: true, strict: false, dryRun: false, now: NOW, cache: false, threads: 1 }, config);
  expect(result.exitCode).toBe(0);
  const names = (await git(root, 'ls-files', 'content/posts')).split('\n').filter(Boolean);
  const pages = ['index.html', 'tags/alpha/index.html', ...names.map((name) => `posts/${path.basename(name, '.md')}/index.html`)];
  const built = new Map<string, string>();
  for (const page of pages) built.set(page, (await readFile(path.join(out, page), 'utf8')).replace(FINGERPRINT, '$1'));
  await rm(path.dirname(out), { recursive: true, force: true });
  return built;
}

/** The served pages that differ from `expected` (or answer other than 200). */
async function differing(expected: ReadonlyMap<string, string>): Promise<string[]> {
  const wrong: string[] = [];
  for (const [page, html] of expected) {
    const served = await get(page.replace(/index\.html$/, ''));
    if (served.status !== 200 || served.body !== html) wrong.push(page);
  }
  return wrong;
}

/**
 * Poll until every page equals the fresh build's, or the deadline passes: then the pages still wrong.
 * (Not a sleep: the loop stops as soon as the server has converged.)
 */
async function converge(expected: ReadonlyMap<string, string>, deadlineMs = 60_000): Promise<string[]> {
  const until = performance.now() + deadlineMs;
  let wrong = await differing(expected);
  while (wrong.length > 0 && performance.now() < until) wrong = await differing(expected);
  return wrong;
}

/** Check out `branch` while the server runs; once the pages converge, every one equals a fresh build's. */
async function switchTo(branch: string): Promise<void> {
  const from = lines.length;
  const started = performance.now();
  await git(root, 'checkout', '-q', branch);
  const expected = await freshBuild();
  const wrong = await converge(expected);
  const said = lines.slice(from);
  console.info(`checkout ${branch}: ${expected.size} pages right after ${Math.round(performance.now() - started)} ms (with a fresh build alongside); the terminal said:\n${said.join('\n')}`);
  expect(wrong.slice(0, 10), `${wrong.length} pages differ from a fresh build; the terminal said:\n${said.join('\n')}`).toEqual([]);
}

beforeAll(async () => {
  root = await gitSite();
  dev = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), now: () => NOW, cwd: PROJECT, threads: 1, log: (line) => lines.push(line) });
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await dev?.close();
});

describe(`the dev server on a ${POSTS}-post git site`, () => {
  it('serves every page as a fresh build after checking out a branch that rewrites 90% of the posts', async () => {
    await switchTo('storm');
    // The posts the branch deleted are gone.
    expect((await get('posts/post-0010/')).status).toBe(404);
  }, 120_000);

  it('and again after checking out main', async () => {
    await switchTo('main');
    expect((await get('posts/new-3/')).status).toBe(404);
  }, 120_000);
});
