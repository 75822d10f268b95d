/**
 * A site's config file as a module. JavaScript configs are imported as they are. TypeScript ones
 * (`site.config.ts`, and the relative `.ts` files they import) are compiled by esbuild into one
 * module under the site's `.cache/config/`, beside the site so that its packages resolve as from
 * the config itself; the next run imports that module again without starting esbuild while every
 * file it was made from has the same bytes (esbuild's start and compile cost ~150–250 ms a run).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message } from 'esbuild';
import { cacheDirOf } from './cache/store.ts';

/** What a compiled config was made from: each input file (relative to the site) and the digest of its bytes. */
interface Compiled {
  inputs: Record<string, string>;
  module: string;
}

const TYPESCRIPT = /\.(c|m)?ts$/;

const digestOf = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The default export of the config file `file` of the site `root`. */
export async function importConfig(file: string, root: string): Promise<unknown> {
  const url = TYPESCRIPT.test(file) ? await compiledConfig(file, root) : await versioned(file);
  return ((await import(url)) as { default?: unknown }).default;
}

/** A query naming the text makes an edited config a new module (the dev server reloads it), and the same text the same module. */
async function versioned(file: string): Promise<string> {
  return `${pathToFileURL(file).href}?v=${digestOf(await readFile(file))}`;
}

/** The URL of `file` compiled to JavaScript: the last compile while its inputs are unchanged, else a new one. */
async function compiledConfig(file: string, root: string): Promise<string> {
  const dir = path.join(cacheDirOf(root), 'config');
  const record = path.join(dir, `${path.basename(file)}.json`);
  const last = await readFile(record, 'utf8').then((text) => JSON.parse(text) as Compiled, () => undefined);
  if (last && (await unchanged(last.inputs, root))) {
    const module = path.join(dir, last.module);
    if (await readFile(module).then(() => true, () => false)) return pathToFileURL(module).href;
  }
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
  for (const input of Object.keys(result.metafile.inputs)) inputs[input] = digestOf(await readFile(path.resolve(root, input)));
  const name = `${path.basename(file)}.${digestOf(code)}.mjs`;
  await mkdir(dir, { recursive: true });
  await writeWhole(path.join(dir, name), code);
  await writeWhole(record, JSON.stringify({ inputs, module: name } satisfies Compiled));
  return pathToFileURL(path.join(dir, name)).href;
}

/** esbuild's errors as `file:line:column: text` lines (its columns count from 0, ours from 1, as every message here does). */
function positioned(error: unknown): string | undefined {
  const errors = (error as { errors?: Message[] }).errors;
  if (!errors?.length) return undefined;
  return errors.map(({ text, location }) => (location ? `${location.file}:${location.line}:${location.column + 1}: ${text}` : text)).join('\n');
}

async function unchanged(inputs: Record<string, string>, root: string): Promise<boolean> {
  for (const [input, digest] of Object.entries(inputs)) {
    const bytes = await readFile(path.resolve(root, input)).catch(() => undefined);
    if (bytes === undefined || digestOf(bytes) !== digest) return false;
  }
  return true;
}

/** Written whole or not at all: a build and the dev server may compile the same config at once. */
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
