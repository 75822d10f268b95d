/**
 * scripts/compile.js: `lib/` is plain JavaScript that `node` runs with no loader, compiled again
 * whenever a source, the lock file or the script changed, and only then. A small project of its
 * own, so the test never races the real `lib/` that other tests run.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../../scripts/compile.js';
import { tempDir } from '../helpers/cli.ts';

let project: string;

/** Write a source of the fake project, stamped a second later than anything before it. */
let clock = Date.now() / 1000;
async function source(name: string, text: string): Promise<void> {
  const file = path.join(project, 'src', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  clock += 1;
  await utimes(file, clock, clock);
}

/** What `node lib/<entry>.js` prints: plain node, no TypeScript loader. */
async function run(entry: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(project, 'lib', `${entry}.js`)], { cwd: project });
  return stdout.trim();
}

beforeAll(async () => {
  project = await tempDir('compile-');
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }));
  await source('shared/greeting.ts', "export const greeting = (name: string): string => `hello ${name}`;\n");
  await source('bin.ts', "import { greeting } from './shared/greeting.ts';\ninterface Unused { a: number }\nconsole.log(greeting('bin'));\n");
  await source('markdown/worker.ts', "import { greeting } from '../shared/greeting.ts';\nconsole.log(greeting('worker'));\n");
  await source('index.ts', "export { greeting } from './shared/greeting.ts';\n");
  await source('define-config.ts', 'export const defineConfig = <T>(config: T): T => config;\n');
  await source('dev/client.js', '// served as it is\n');
});

describe('scripts/compile.js', () => {
  it('compiles the entries into lib/ as modules plain node runs, types stripped', async () => {
    expect(await ensureCompiled({ project })).toBe(true);
    expect(await run('bin')).toBe('hello bin');
    expect(await run('markdown-worker')).toBe('hello worker');
    expect(await readdir(path.join(project, 'lib', 'dev'))).toEqual(['client.js']);
  });

  it('does nothing while no input changed', async () => {
    const before = await stat(path.join(project, 'lib', 'bin.js'));
    expect(await ensureCompiled({ project })).toBe(false);
    expect((await stat(path.join(project, 'lib', 'bin.js'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('compiles again when a source changes, even to the same size, with a new digest of the code', async () => {
    const digest = () => readFile(path.join(project, 'lib', '.digest'), 'utf8');
    const before = await digest();
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    await source('shared/greeting.ts', "export const greeting = (name: string): string => `howdy ${name}`;\n");
    expect(await ensureCompiled({ project })).toBe(true);
    expect(await run('bin')).toBe('howdy bin');
    expect(await digest()).not.toBe(before);
    // The same code compiled again: the same digest (the render cache stays valid).
    const after = await digest();
    await ensureCompiled({ project, force: true });
    expect(await digest()).toBe(after);
  });

  it('compiles again when the lock file changes, and drops files whose source is gone', async () => {
    await writeFile(path.join(project, 'package-lock.json'), '{}');
    await rm(path.join(project, 'src', 'dev', 'client.js'));
    expect(await ensureCompiled({ project })).toBe(true);
    expect(await readdir(path.join(project, 'lib', 'dev'))).toEqual([]);
    expect(await ensureCompiled({ project })).toBe(false);
  });
});
