/**
 * The bundled sample blog, built by the real CLI for the browser suite and served as a host
 * would serve it: from a sub-path (`/blog/`) of a real HTTP server, with the base URL the build
 * was given. Pagefind's index comes from that same build.
 */
import path from 'node:path';
import type { JsonMessage } from '../../src/report.ts';
import { jsonMessages, listFiles, PROJECT, runCli, tempDir, type CliRun } from '../helpers/cli.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** Where screenshots go (git-ignored): kept after the run as artifacts. */
export const SCREENSHOTS = path.join(PROJECT, 'test-results/screenshots');

export const MOUNT = '/blog/';

/** A built and served sample blog. */
export interface ServedSample {
  /** `http://127.0.0.1:PORT/blog/`, the site's base URL. */
  base: string;
  out: string;
  files: string[];
  run: CliRun;
  /** What the build reported (the sample blog's warnings about its own content among them). */
  messages: JsonMessage[];
  server: StaticServer;
  /** Absolute URL of a site-relative path (`posts/x/`). */
  url(relative: string): string;
  close(): Promise<void>;
}

/** Build the sample blog (`content/` of the project) with `--base-url http://127.0.0.1:PORT/blog/` (and `env` added) and serve it. */
export function serveSample(env: Record<string, string> = {}): Promise<ServedSample> {
  return serveSite({ env });
}

/** Build a site (`root`, default the project's sample blog) for `--base-url http://127.0.0.1:PORT<mount>` and serve it there. */
export async function serveSite(options: { root?: string; mount?: string; env?: Record<string, string> } = {}): Promise<ServedSample> {
  const mount = options.mount ?? MOUNT;
  const server = await startStaticServer(mount);
  const base = `${server.origin}${mount}`;
  const out = path.join(await tempDir('blog-e2e-'), 'site');
  // --no-cache keeps the site's .cache/ as it was.
  const root = options.root ? ['--root', options.root] : [];
  const run = await runCli(['build', ...root, '--out', out, '--base-url', base, '--no-cache', '--format', 'json'], options.env);
  if (run.code !== 0) {
    await server.close();
    throw new Error(`Building ${options.root ?? 'the sample blog'} failed (exit ${run.code}):\n${run.stdout}${run.stderr}`);
  }
  server.root = out;
  return {
    base,
    out,
    files: await listFiles(out),
    run,
    messages: jsonMessages(run),
    server,
    url: (relative) => new URL(relative, base).href,
    close: () => server.close(),
  };
}
