/**
 * The peers' builds for `npm run bench`, each a timed child process (bench-build.ts): Eleventy 3
 * through its CLI, Pagefind's CLI over Eleventy's output, Hugo when it is on PATH. Also their
 * versions, and a count of what each wrote, so a peer that skips pages cannot pass unseen.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeCommand, type BuildResult } from '../bench-build.ts';
import { ELEVENTY_OUT } from './eleventy-site.ts';
import { HUGO_OUT } from './hugo-site.ts';

const MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const ELEVENTY_CLI = path.join(MODULES, '@11ty/eleventy/cmd.cjs');
const PAGEFIND_CLI = path.join(MODULES, 'pagefind/lib/runner/bin.cjs');

/** A package's version from its package.json in node_modules. */
function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** `hugo version`'s first line, or undefined when Hugo is not on PATH. */
function findHugo(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

/** Versions of the peers as installed here; `hugo` is undefined when it is not on PATH. */
export const peerVersions = { eleventy: packageVersion('@11ty/eleventy'), pagefind: packageVersion('pagefind'), hugo: findHugo() };

/** A cold Eleventy build of the project in `dir`: previous output removed (Eleventy keeps no other cache). */
export async function eleventyCold(dir: string): Promise<BuildResult> {
  await rm(path.join(dir, ELEVENTY_OUT), { recursive: true, force: true });
  return timeCommand(process.execPath, [ELEVENTY_CLI, '--quiet'], dir);
}

/** Pagefind's CLI over Eleventy's output in `dir`, as its docs have users run it after a build. */
export function pagefindIndex(dir: string): Promise<BuildResult> {
  return timeCommand(process.execPath, [PAGEFIND_CLI, '--site', ELEVENTY_OUT], dir);
}

/** A cold Hugo build of the site in `dir`: output and Hugo's resource cache removed first. */
export async function hugoCold(dir: string): Promise<BuildResult> {
  await rm(path.join(dir, HUGO_OUT), { recursive: true, force: true });
  await rm(path.join(dir, 'resources'), { recursive: true, force: true });
  return timeCommand('hugo', ['--quiet'], dir);
}

/** What a built site holds: post pages, tag pages (any page under tags/<tag>/), home list pages, and feeds. */
export interface OutputCount {
  posts: number;
  tagPages: number;
  homePages: number;
  feeds: number;
}

/** Every file below `dir`, as paths relative to it with `/` separators. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Count the pages of a built site at `out` (ours, Eleventy's or Hugo's: they share these URL shapes). */
export function countOutput(out: string): OutputCount {
  const all = files(out);
  return {
    posts: all.filter((file) => /^posts\/[^/]+\/index\.html$/.test(file)).length,
    tagPages: all.filter((file) => /^tags\/[^/]+\/(page\/\d+\/)?index\.html$/.test(file)).length,
    homePages: all.filter((file) => /^(page\/\d+\/)?index\.html$/.test(file)).length,
    feeds: all.filter((file) => /^(rss\.xml|index\.xml)$/.test(file)).length,
  };
}
