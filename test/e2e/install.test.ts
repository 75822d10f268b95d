/**
 * The path a new user takes, with the package as the registry would hand it out: `npm pack`, the
 * tarball installed into an empty folder, `blogsmith init`, then in the new site `npm install`,
 * `npm run new`, `npm run build` and `npm run dev` with a real browser on its live reload. Nothing
 * of this checkout is reachable from there but through the tarball.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, tempDir } from '../helpers/cli.ts';
import { launchBrowser } from './browser.ts';

const run = promisify(execFile);
/** The environment without what `npm run test:e2e` set for itself: each npm below is a user's own. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
/** npm's own flags go before a script's `--`. */
const npm = ([command, ...args]: string[], cwd: string) => run('npm', [command!, '--no-audit', '--no-fund', '--prefer-offline', ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });

let work: string;
let tarball: string;
let site: string;
let dev: ChildProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  work = await tempDir('install-');
  await npm(['pack', '--pack-destination', work], PROJECT);
  tarball = path.join(work, (await readdir(work)).find((name) => name.endsWith('.tgz'))!);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  // Ctrl-C as a terminal sends it: to npm and the server it started (one process group). The
  // temporary folder goes once the server has stopped writing there.
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve));
    process.kill(-dev.pid!, 'SIGINT');
    await exited;
  }
});

describe('the packed tool, installed', () => {
  it('ships compiled JavaScript and its types, no sources', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n');
    expect(files).toContain('package/lib/bin.js');
    expect(files).toContain('package/types/define-config.d.ts');
    expect(files).toContain('package/scaffold/site/gitignore');
    expect(files.filter((file) => file.startsWith('package/src/') || file.startsWith('package/test/'))).toEqual([]);
  });

  it('inits a blog that installs, builds and takes a new post', async () => {
    const tool = path.join(work, 'tool');
    await run('mkdir', ['-p', tool]);
    await npm(['init', '-y'], tool);
    let started = performance.now();
    await npm(['install', tarball], tool);
    console.log(`tarball installed in ${Math.round(performance.now() - started)} ms`);
    const init = await run(path.join(tool, 'node_modules/.bin/blogsmith'), ['init', 'my-blog', '--from', `file:${tarball}`], { cwd: work, env });
    expect(init.stdout).toContain('npm run dev');
    site = path.join(work, 'my-blog');
    started = performance.now();
    await npm(['install'], site);
    console.log(`site installed in ${Math.round(performance.now() - started)} ms`);
    expect(existsSync(path.join(site, 'node_modules/blogsmith/src'))).toBe(false);

    await npm(['run', 'new', '--', 'A second post'], site);
    const build = await npm(['run', 'build'], site);
    expect(build.stderr).toMatch(/built 2 posts/);
    // Nobody set a url yet: the build says where its links point.
    expect(build.stderr).toMatch(/warning.*the site URL is http:\/\/localhost:3000\/.*local-url/);
    expect(await readFile(path.join(site, 'dist/posts/a-second-post/index.html'), 'utf8')).toMatch(/<h1[^>]*>A second post<\/h1>/);
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('My blog');
  }, 240_000);

  it('serves it with npm run dev, reloading the page on an edit', async () => {
    dev = spawn('npm', ['run', 'dev', '--', '--port', '0'], { cwd: site, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      dev!.stderr!.setEncoding('utf8');
      dev!.stderr!.on('data', (chunk: string) => {
        text += chunk;
        const found = /Serving \d+ files at (\S+)/.exec(text)?.[1];
        if (found) resolve(found);
      });
      dev!.on('exit', (code) => reject(new Error(`dev exited with ${code}:\n${text}`)));
    });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${url}posts/hello-world/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hello, world');
    const reloaded = page.waitForEvent('load');
    await appendFile(path.join(site, 'content/posts/hello-world.md'), '\nAn edit the browser must show.\n');
    await reloaded;
    await expect.poll(() => page.locator('.post-body').textContent()).toContain('An edit the browser must show.');
  }, 120_000);
});
