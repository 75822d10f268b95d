/**
 * The pipeline's direction, enforced: a stage folder imports only earlier stages and the shared
 * leaf, never a later stage (README, "Project layout"). And nothing but the two entries reads the
 * process's environment, folder or clock: those come in as arguments, so builds run in-process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/**
 * Stages in pipeline order. A module may import its own stage, any earlier one, and the shared
 * leaf; top-level modules (the CLI, build, run-build, config) put the stages together and may import any.
 */
const STAGES = ['content', 'markdown', 'media', 'site', 'check', 'render', 'session', 'output', 'search', 'dev'] as const;

/** Modules every stage may use: plain types, messages, routes, the tree walker, file system errors, the cache store. */
const SHARED = ['types.ts', 'messages.ts', 'site/routes.ts', 'shared/', 'cache/'];

/** The entries: the only modules that read process.env, process.cwd() or the date. The dev entry puts the stages together like build.ts. */
const ENTRIES = ['bin.ts', 'dev/index.ts'];

/**
 * Reading the environment, the working folder or the date, however spelled: `process.env`,
 * `{ env } = process`, `process.cwd()`, `Date.now()`, an argument-less `new Date()`. (A stopwatch,
 * `performance.now()`, is not the date: it times work and changes no output.)
 */
const READS_PROCESS = /\b(?:globalThis\.)?process\s*\.\s*(?:env|cwd)\b|\{[^}]*\b(?:env|cwd)\b[^}]*\}\s*=\s*(?:globalThis\.)?process\b|\bDate\.now\s*\(|\bnew Date\s*\(\s*\)/;

/** Every source module, as a `/`-separated path relative to src/. */
function modules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:ts|js)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Relative imports of a module (static, dynamic and `export … from`), resolved to paths relative to src/. */
function importsOf(module: string): string[] {
  const text = readFileSync(path.join(SRC, module), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return found.map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)));
}

/** The stage a module belongs to, its rank in STAGES; undefined for shared and top-level modules. */
function stageOf(module: string): number | undefined {
  if (ENTRIES.includes(module)) return undefined;
  if (SHARED.some((shared) => module === shared || (shared.endsWith('/') && module.startsWith(shared)))) return undefined;
  const folder = module.split('/')[0]!;
  const rank = (STAGES as readonly string[]).indexOf(folder);
  return rank === -1 ? undefined : rank;
}

/** Imports that go against the pipeline: `from → to`. */
function upwardImports(): string[] {
  return modules().flatMap((module) => {
    const from = stageOf(module);
    if (from === undefined) return [];
    return importsOf(module).flatMap((target) => {
      const isShared = SHARED.some((shared) => target === shared || (shared.endsWith('/') && target.startsWith(shared)));
      if (isShared) return [];
      const to = stageOf(target);
      // A top-level module (build.ts, config.ts, …) is above every stage.
      if (to === undefined || to > from) return [`${module} → ${target}`];
      return [];
    });
  });
}

describe('import boundaries', () => {
  it('stages import only earlier stages and the shared leaf', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('the shared leaf imports nothing but itself', () => {
    const shared = modules().filter((module) => stageOf(module) === undefined && SHARED.some((entry) => module === entry || (entry.endsWith('/') && module.startsWith(entry))));
    const outside = shared.flatMap((module) => importsOf(module).filter((target) => !SHARED.some((entry) => target === entry || (entry.endsWith('/') && target.startsWith(entry)))).map((target) => `${module} → ${target}`));
    expect(outside).toEqual([]);
  });

  it('knows the ways of reading them', () => {
    for (const text of ['process.env.X', 'const { env } = process', 'globalThis.process.cwd()', 'Date.now()', 'new Date()']) expect(READS_PROCESS.test(text), text).toBe(true);
    for (const text of ['new Date(post.date)', 'performance.now()', 'options.env', 'env.cwd']) expect(READS_PROCESS.test(text), text).toBe(false);
  });

  it('only the entries read the environment, the working folder or the date', () => {
    const readers = modules()
      .filter((module) => !ENTRIES.includes(module) && !module.endsWith('.js'))
      .filter((module) => READS_PROCESS.test(readFileSync(path.join(SRC, module), 'utf8')));
    expect(readers).toEqual([]);
  });
});
