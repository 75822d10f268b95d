/**
 * `src/` (TypeScript) → `lib/` (plain ES modules that `node` runs as they are). esbuild only strips
 * types (`npm run typecheck` is what checks them) and bundles: the command, the markdown worker and
 * the library API each become one module in `lib/`, sharing chunks, with the packages they use
 * inside. A worker then starts by reading a few files instead of resolving some 700 small modules
 * of `node_modules` (0.33 s of CPU against 0.80 s to load the markdown chain, measured on Node 20).
 * Packages that find files of their own at run time (Pagefind's binary,
 * esbuild's binary, chokidar's optional fsevents, playwright-core's driver files) stay imports of `node_modules`.
 *
 * Plain JavaScript because it runs before anything is compiled: `npm install` runs it (`prepare`),
 * and `bin/blogsmith.js` calls `ensureCompiled()` on every run, which compiles again when a source,
 * the lock file or this script changed since the last compile (a stat of each, ~5 ms), so `lib/` is
 * never silently stale in a checkout. Where there is no `src/` (an installed package) it does nothing.
 *
 *   node scripts/compile.js        compile if stale
 *   node scripts/compile.js --force
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This project; tests compile a project of their own. */
const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A project's folders; `stamp` says what its last compile was made from: every input's path, size and mtime. */
function foldersOf(project) {
  const lib = path.join(project, 'lib');
  return { project, src: path.join(project, 'src'), lib, stamp: path.join(lib, '.sources.json'), digest: path.join(lib, '.digest') };
}

/** The inputs as they are now: `[relative path, size, mtime]`, sorted: sources, the lock file (packages are bundled in), this script (its settings). */
async function sourceList({ project, src }) {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  files.push(fileURLToPath(import.meta.url));
  for (const manifest of ['package-lock.json', 'package.json']) if (existsSync(path.join(project, manifest))) files.push(path.join(project, manifest));
  const stamped = await Promise.all(
    files.map(async (file) => {
      const { size, mtimeMs } = await stat(file);
      return [path.relative(project, file), size, mtimeMs];
    }),
  );
  return JSON.stringify(stamped.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Write `file` whole or not at all: two compiles at once (tests, a build) write the same bytes, never half of them. */
async function writeWhole(file, contents) {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}

/** The modules `lib/` holds for others to run: the command, the worker (pool.ts), the library API and `defineConfig`. */
const ENTRIES = { bin: 'bin.ts', 'markdown-worker': 'markdown/worker.ts', index: 'index.ts', 'define-config': 'define-config.ts' };

/** Packages left to `node_modules`: they locate files of their own beside their code. */
const EXTERNAL = ['pagefind', 'esbuild', 'chokidar', 'fsevents', 'sharp', 'playwright-core'];

/** Bundled CommonJS packages call `require` (Node built-ins): an ES module has none until it makes one. */
const REQUIRE = "import { createRequire as __blogsmithRequire } from 'node:module'; const require = __blogsmithRequire(import.meta.url);";

/** Compile `project`'s sources into its `lib/` and drop compiled files no longer made. */
export async function compile(project = PROJECT, sources) {
  const folders = foldersOf(project);
  const { src, lib, stamp, digest } = folders;
  const { build } = await import('esbuild');
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(src, source)])),
    outdir: lib,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    external: EXTERNAL,
    banner: { js: REQUIRE },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const written = new Map(result.outputFiles.map((output) => [output.path, output.contents]));
  // Files the code reads as they are (the dev server's browser script).
  for (const file of files.filter((file) => !file.endsWith('.ts'))) written.set(path.join(lib, path.relative(src, file)), await readFile(file));
  const wanted = new Set(written.keys());
  for (const [file, contents] of written) await writeWhole(file, contents);
  // What the compiled code is, for the render cache's version (src/cache/version.ts): worked out
  // here, from bytes already in memory, so no build has to read 6 MB of lib/ to know it.
  const hash = createHash('sha256');
  for (const file of [...wanted].sort()) hash.update(path.relative(lib, file)).update('\0').update(written.get(file)).update('\0');
  await writeWhole(digest, hash.digest('hex'));
  const compiled = await readdir(lib, { recursive: true, withFileTypes: true });
  for (const entry of compiled) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && file !== stamp && file !== digest && !wanted.has(file) && !/\.tmp-/.test(entry.name)) await rm(file, { force: true });
  }
  await writeWhole(stamp, sources ?? (await sourceList(folders)));
}

/** Compile unless `lib/` was compiled from the sources as they are now; true when it compiled. */
export async function ensureCompiled({ force = false, project = PROJECT } = {}) {
  const folders = foldersOf(project);
  if (!existsSync(folders.src)) return false;
  const sources = await sourceList(folders);
  const last = await readFile(folders.stamp, 'utf8').catch(() => undefined);
  if (!force && last === sources) return false;
  await compile(project, sources);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const compiled = await ensureCompiled({ force: process.argv.includes('--force') });
  process.stderr.write(compiled ? `compiled src/ into lib/ in ${Math.round(performance.now() - started)} ms\n` : 'lib/ is up to date with src/\n');
}
