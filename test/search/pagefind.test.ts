/**
 * Pagefind's process as builds in one Node process use it (src/search/pagefind.ts): a healthy build
 * never replaces `console.error`, and a build whose Pagefind failed names the reason, keeps Pagefind's
 * raw error off the console and leaves nothing behind for the next build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import type { BuildOptions } from '../../src/types.ts';
import { tempDir } from '../helpers/cli.ts';
import { copySite } from '../helpers/site-copy.ts';

/** Build `root` in-process into a new folder, without the cache, so every build runs Pagefind. */
async function buildIn(root: string, extra: Partial<BuildOptions> = {}) {
  const out = path.join(await tempDir(), 'dist');
  const options: BuildOptions = { root, out, drafts: false, future: false, strict: false, dryRun: false, now: new Date('2025-06-01'), threads: 1, cache: false, cwd: process.cwd(), ...extra };
  return { out, result: await build(options, await loadConfig(root, {}, process.cwd())) };
}

/** Run `during` with `console.error` fixed to `error`: assigning it throws meanwhile (ES modules are strict). */
async function withFixedConsoleError<T>(error: typeof console.error, during: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(console, 'error');
  Object.defineProperty(console, 'error', { value: error, writable: false, configurable: true, enumerable: true });
  try {
    return await during();
  } finally {
    if (own) Object.defineProperty(console, 'error', own);
    else delete (console as { error?: unknown }).error;
  }
}

describe("Pagefind's process in a build", () => {
  it('leaves console.error alone, through several indexes one after the other', async () => {
    const root = await copySite('shapes');
    const error = console.error;
    const { out, result } = await withFixedConsoleError(error, () => buildIn(root, { searchPagesPerIndex: 2 }));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, 'pagefind/parts.json'), 'utf8'))).toContain('part-2/');
    expect(console.error).toBe(error);
  });

  it('names why it failed, keeps its raw error off the console, and the next build indexes as usual', async () => {
    const root = await copySite('shapes');
    const said: unknown[][] = [];
    const error = (...args: unknown[]) => void said.push(args);
    // Pagefind reads this when it starts its process and has no option for it: the one way to make it fail in-process.
    process.env.PAGEFIND_BINARY_PATH = path.join(root, 'no-such-pagefind');
    let failed;
    const original = console.error;
    console.error = error;
    try {
      failed = (await buildIn(root)).result;
    } finally {
      delete process.env.PAGEFIND_BINARY_PATH;
      expect(console.error).toBe(error);
      console.error = original;
    }
    expect(failed.exitCode).toBe(1);
    const message = failed.files.find((file) => file.path === 'pagefind')?.messages[0];
    expect(message?.ruleId).toBe('search-index');
    expect(message?.reason).toMatch(/^Pagefind failed: spawn \S+no-such-pagefind ENOENT/);
    expect(said).toEqual([]);

    const { out, result } = await buildIn(root);
    expect(result.exitCode).toBe(0);
    expect(result.stats?.search?.pages).toBe(result.site!.posts.length);
    expect(JSON.parse(await readFile(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8'))).toHaveProperty('languages');
  });
});
