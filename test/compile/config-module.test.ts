/**
 * A TypeScript site config is compiled by esbuild once and reused while every file it was made
 * from keeps its bytes; an edit to the config or to a file it imports is read on the next load;
 * a syntax error names the file, line and column.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { tempDir } from '../helpers/cli.ts';

let root: string;
const modules = async () => (await readdir(path.join(root, '.cache', 'config-modules'))).filter((name) => name.endsWith('.mjs'));
/** The record of what the module was made from: the cache entries under `.cache/config/`, with their mtimes. */
const records = async () => {
  const dir = path.join(root, '.cache', 'config');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(files.map(async (entry) => [entry.name, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs]));
};

beforeAll(async () => {
  root = await tempDir('config-module-');
  await writeFile(path.join(root, 'title.ts'), "export const title: string = 'First';\n");
  await writeFile(path.join(root, 'site.config.ts'), "import { title } from './title.ts';\nconst language: string = 'de';\nexport default { title, language };\n");
});

describe('a TypeScript config', () => {
  it('is compiled with the TypeScript files it imports', async () => {
    const config = await loadConfig(root, {}, root);
    expect([config.title, config.language]).toEqual(['First', 'de']);
    expect(await modules()).toHaveLength(1);
  });

  it('is not compiled again while its files keep their bytes', async () => {
    const [module] = await modules();
    const before = (await stat(path.join(root, '.cache', 'config-modules', module!))).mtimeMs;
    const record = await records();
    expect(record).toHaveLength(1);
    expect((await loadConfig(root, {}, root)).title).toBe('First');
    expect((await stat(path.join(root, '.cache', 'config-modules', module!))).mtimeMs).toBe(before);
    expect(await records()).toEqual(record);
  });

  it('reads an edit to a file the config imports', async () => {
    await writeFile(path.join(root, 'title.ts'), "export const title: string = 'Second';\n");
    expect((await loadConfig(root, {}, root)).title).toBe('Second');
  });

  it('names the file, line and column of a syntax error', async () => {
    await writeFile(path.join(root, 'site.config.ts'), "export default {\n  title: 'x',,\n};\n");
    const error = await loadConfig(root, {}, root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/could not be loaded: site\.config\.ts:2:14: Expected identifier but found ","$/);
  });
});
