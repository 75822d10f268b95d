/**
 * The compiled CLI renders markdown on worker threads, so its main thread must not load the
 * markdown chain (unified, remark, rehype, Shiki, KaTeX: ~0.4 s of CPU a run) unless it renders
 * in-thread, through render-thread.ts's dynamic import of render.ts. One static import of
 * render.ts, math.ts or dialects/index.ts from a main-thread module brings it back, silently:
 * this walks the import graph esbuild finds for src/bin.ts, as scripts/compile.js bundles it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Packages of the chain; hast-util-from-html (parse5) is not one: templates' HTML passes use it. */
const CHAIN = /node_modules\/(?:unified|shiki|@shikijs\/[^/]+|katex|remark-[^/]+|rehype-[^/]+)\//;

/** The one door to the chain the main thread may open: rendering on this thread. */
const RENDER = 'src/markdown/render.ts';

let inputs: Metafile['inputs'];

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(PROJECT, 'src/bin.ts')],
    absWorkingDir: PROJECT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: path.join(PROJECT, 'lib-graph'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    // As scripts/compile.js: packages that locate files of their own stay outside the bundle.
    external: ['pagefind', 'esbuild', 'chokidar', 'fsevents', 'sharp', 'playwright-core'],
  });
  inputs = result.metafile.inputs;
});

/** Every input reachable from src/bin.ts, with the input it was first reached from; `skip` says which imports not to follow. */
function reachable(skip: (to: string, kind: string) => boolean): Map<string, string | undefined> {
  const from = new Map<string, string | undefined>([['src/bin.ts', undefined]]);
  const queue = ['src/bin.ts'];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const { path: to, kind, external } of inputs[at]?.imports ?? []) {
      if (external || skip(to, kind) || from.has(to)) continue;
      from.set(to, at);
      queue.push(to);
    }
  }
  return from;
}

/** The import chain from src/bin.ts to `input`, the project's own modules only, for a readable failure. */
function chainTo(input: string, from: Map<string, string | undefined>): string {
  const chain: string[] = [];
  for (let at: string | undefined = input; at !== undefined; at = from.get(at)) chain.unshift(at);
  return chain.filter((step) => step.startsWith('src/') || step === input).join(' → ');
}

describe("the compiled CLI's main thread", () => {
  it('reaches the markdown chain only through the dynamic import of render.ts', () => {
    const graph = reachable((to, kind) => to === RENDER && kind === 'dynamic-import');
    expect(graph.has(RENDER)).toBe(false);
    const chain = [...graph.keys()].filter((input) => CHAIN.test(input));
    expect(chain.map((input) => chainTo(input, graph)).slice(0, 5)).toEqual([]);
  });

  it('does reach it through that import, so the walk above sees the chain where it is', () => {
    const graph = reachable(() => false);
    expect(inputs['src/markdown/render-thread.ts']?.imports).toContainEqual(expect.objectContaining({ path: RENDER, kind: 'dynamic-import' }));
    expect([...graph.keys()].some((input) => /node_modules\/unified\//.test(input))).toBe(true);
    expect([...graph.keys()].some((input) => /node_modules\/katex\//.test(input))).toBe(true);
  });
});
