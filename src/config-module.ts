/**
 * A site's config file as a module. JavaScript configs are imported as they are. TypeScript ones
 * (`site.config.ts`, and the relative `.ts` files they import) are compiled by esbuild into one
 * module under the site's `.cache/config-modules/`, beside the site so that its packages resolve as
 * from the config itself; the next run imports that module again without starting esbuild while
 * every file it was made from has the same bytes (esbuild's start and compile cost ~150–250 ms a
 * run). What each module was made from is a cache entry (`.cache/config/`), checksummed as any.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message } from 'esbuild';
import { cacheDirOf, digest, openBucket } from './cache/store.ts';
import { isFile } from './shared/files.ts';

/** What a compiled config was made from: each input file (relative to the site) and the digest of its bytes. */
interface Compiled {
  inputs: Record<string, string>;
  module: string;
}

const TYPESCRIPT = /\.(c|m)?ts$/;

/** The default export of the config file `file` of the site `root`. */
export async function importConfig(file: string, root: string): Promise<unknown> {
  const url = TYPESCRIPT.test(file) ? await compiledConfig(file, root) : await versioned(file);
  return ((await import(url)) as { default?: unknown }).default;
}

/** A query naming the text makes an edited config a new module (the dev server reloads it), and the same text the same module. */
async function versioned(file: string): Promise<string> {
  return `${pathToFileURL(file).href}?v=${digest(await readFile(file)).slice(0, 16)}`;
}

/** The URL of `file` compiled to JavaScript: the last compile while its inputs are unchanged, else a new one. */
async function compiledConfig(file: string, root: string): Promise<string> {
  const dir = path.join(cacheDirOf(root), 'config-modules');
  // Not `--no-cache`'s to turn off: an entry is used only while every file it names has its bytes.
  const records = openBucket<Compiled>(cacheDirOf(root), 'config', true);
  const key = digest(path.basename(file));
  const last = records.get(key);
  if (last && (await unchanged(last.inputs, root)) && isFile(path.join(dir, last.module))) return pathToFileURL(path.join(dir, last.module)).href;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  }).catch((error: unknown) => {
    throw new Error(positioned(error) ?? (error as Error).message, { cause: error });
  });
  const code = result.outputFiles[0]!.text;
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) inputs[input] = digest(await readFile(path.resolve(root, input)));
  const name = `${path.basename(file)}.${digest(code).slice(0, 16)}.mjs`;
  await mkdir(dir, { recursive: true });
  await writeWhole(path.join(dir, name), code);
  records.set(key, { inputs, module: name });
  return pathToFileURL(path.join(dir, name)).href;
}

/** esbuild's errors as `file:line:column: text` lines (its columns count from 0, ours from 1, as every message here does). */
function positioned(error: unknown): string | undefined {
  const errors = (error as { errors?: Message[] }).errors;
  if (!errors?.length) return undefined;
  return errors.map(({ text, location }) => (location ? `${location.file}:${location.line}:${location.column + 1}: ${text}` : text)).join('\n');
}

async function unchanged(inputs: Record<string, string>, root: string): Promise<boolean> {
  for (const [input, bytesDigest] of Object.entries(inputs)) {
    const bytes = await readFile(path.resolve(root, input)).catch(() => undefined);
    if (bytes === undefined || digest(bytes) !== bytesDigest) return false;
  }
  return true;
}

/** Written whole or not at all: a build and the dev server may compile the same config at once. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
