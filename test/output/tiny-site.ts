/** A one-post site written into a folder, and `build` of it in this process (src/run-build.ts), for the output safety tests. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runBuild, type RunEnv, type RunOptions, type RunResult } from '../../src/run-build.ts';

/** The post's page in the output. */
export const POST_PAGE = 'posts/hello/index.html';

/**
 * A site at `root` with one post, no search index (Pagefind's process would cost each build ~0.4 s).
 * The post has no title, so every build has a message to report (the title from the file name).
 */
export async function writeTinySite(root: string, body = 'Hello.'): Promise<void> {
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/hello.md'), `---\ndate: 2025-01-01\n---\n${body}\n`);
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Tiny', url: 'https://tiny.example/', search: false }));
}

/** `build --root <root> [--out <out>] --no-cache` in this process, from `cwd`. */
export function buildTiny(root: string, out: string | undefined, env: Partial<RunEnv> = {}, options: Partial<RunOptions> = {}): Promise<RunResult> {
  return runBuild(
    { command: 'build', root, out, drafts: false, future: false, strict: false, cache: false, ...options },
    { cwd: env.cwd ?? path.dirname(root), now: () => new Date('2025-06-01T00:00:00Z'), env: {}, log: () => undefined, ...env },
  );
}
