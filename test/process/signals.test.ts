/**
 * Ctrl-C and kills end the process at once even while its main thread is busy in a long
 * synchronous step (a JavaScript handler would wait for the event loop: minutes, for a
 * pathological post). The build so ended leaves what SIGKILL leaves, and the next build tidies
 * it: the lock of the dead process is taken over, the staging folder removed. Real processes
 * (`bin/blogsmith.js` on the compiled `lib/`): this is about the process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT, runCli, tempDir } from '../helpers/cli.ts';
import { POST_PAGE, writeTinySite } from '../output/tiny-site.ts';

const CLI = process.env.BLOG_TEST_CLI!;
const PRELOAD = path.join(import.meta.dirname, 'busy-preload.mjs');
/** Far beyond the milliseconds a signal's default action takes, far below the minutes a blocked handler would wait. */
const PROMPT_MS = 10_000;

/** A process of the CLI, with its stderr so far and a way to wait for a line of it. */
function start(args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, CLI, ...args], { cwd: PROJECT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => stderr.includes(text) && resolve();
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        check();
      });
      void exited.then(({ code, signal }) => reject(new Error(`exited (${code ?? signal}) before saying "${text}":\n${stderr}`)));
      check();
    });
  return { child, exited, said };
}

/** Send `signal`, then the exit: the signal's own, or a failure if the process still runs PROMPT_MS later (then killed). */
async function signalAndWait(child: ChildProcess, exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>, signal: NodeJS.Signals) {
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), PROMPT_MS)));
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === 'still running') child.kill('SIGKILL');
  return outcome;
}

describe('a build busy in a long synchronous step', () => {
  it('ends at once on SIGTERM (`timeout`, CI); the next build takes over its lock and removes its staging folder', async () => {
    const signal = 'SIGTERM';
    const root = path.join(await tempDir('blog-signal-'), 'site');
    await writeTinySite(root, 'Before.');
    expect((await runCli(['build', '--root', root, '--no-cache'])).code).toBe(0);
    await writeTinySite(root, 'After.');
    const build = start(['build', '--root', root, '--no-cache'], { BLOGSMITH_BLOCK_AT: 'pages' });
    await build.said('Blocked at pages');
    // What a build holds while it works: the site's lock, a staging folder beside the output.
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(true);
    expect(readdirSync(root).filter((name) => name.startsWith('dist.tmp-'))).toHaveLength(1);

    expect(await signalAndWait(build.child, build.exited, signal)).toEqual({ code: null, signal });
    expect(readFileSync(path.join(root, 'dist', POST_PAGE), 'utf8')).toContain('Before.');

    const next = await runCli(['build', '--root', root, '--no-cache']);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('Note: removed 1 unfinished output folder of a stopped build');
    expect(readFileSync(path.join(root, 'dist', POST_PAGE), 'utf8')).toContain('After.');
    expect(readdirSync(path.join(root, '.cache'))).not.toContain('build.lock');
    expect(readdirSync(root).filter((name) => /^dist\.(tmp|old)-/.test(name))).toEqual([]);
  }, 60_000);
});

describe('the dev server', () => {
  it('ends at once on Ctrl-C while its main thread is busy', async () => {
    const root = path.join(await tempDir('blog-signal-dev-'), 'site');
    await writeTinySite(root);
    const dev = start(['dev', '--root', root, '--port', '0'], { BUSY_PRELOAD: 'block' }, ['--import', PRELOAD]);
    await dev.said('Ready');
    expect(await signalAndWait(dev.child, dev.exited, 'SIGINT')).toEqual({ code: null, signal: 'SIGINT' });
  }, 60_000);

  it('ends on SIGTERM with 143 while a library’s handler that does not end it is set', async () => {
    const root = path.join(await tempDir('blog-signal-dev-'), 'site');
    await writeTinySite(root);
    const dev = start(['dev', '--root', root, '--port', '0'], { BUSY_PRELOAD: 'handler' }, ['--import', PRELOAD]);
    await dev.said('Ready');
    // Ended by our handler, as the default would have: the exit code tells it from the default action.
    expect(await signalAndWait(dev.child, dev.exited, 'SIGTERM')).toEqual({ code: 143, signal: null });
  }, 60_000);
});
