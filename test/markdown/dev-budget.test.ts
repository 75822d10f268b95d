/**
 * The dev server never renders markdown on the thread that answers requests (issue 18, item 9: on
 * main, 20,000 footnotes kept `npm run dev` from answering anything for 21 s). An edit renders on
 * the process's markdown worker within its budget; the server answers meanwhile, and the post
 * stopped by its budget is reported while the other posts stay served.
 */
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { renderOnWorkers, sharedPool } from '../../src/markdown/pool.ts';
import { copySite } from '../helpers/site-copy.ts';

const FOOTNOTES = 20_000;

/** A post with FOOTNOTES footnotes, definitions from line 7 on: it renders in 21 s, far over any budget here. */
function slowText(): string {
  const calls = Array.from({ length: FOOTNOTES }, (_, index) => `x[^${index}]`).join(' ');
  const notes = Array.from({ length: FOOTNOTES }, (_, index) => `[^${index}]: note ${index}`).join('\n');
  return `---\ntitle: Notes\ndate: 2025-01-05\n---\n${calls}\n\n${notes}\n`;
}

describe('the dev server while a post renders', () => {
  let dev: DevServer;
  let root: string;
  const lines: string[] = [];
  /** Resolves with the first log line that `test` accepts, logged from now on. */
  const logged = (test: (line: string) => boolean) =>
    new Promise<string>((resolve) => {
      waiting.push({ test, resolve });
    });
  const waiting: Array<{ test: (line: string) => boolean; resolve: (line: string) => void }> = [];

  beforeAll(async () => {
    renderOnWorkers(true);
    root = await copySite('sample');
    const config = JSON.parse(await readFile(path.join(root, 'site.config.json'), 'utf8')) as object;
    // The budget leaves the test's request ample time to be answered while the post still renders.
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ ...config, renderTimeout: 2 }));
    dev = await startDev({
      root,
      port: 0,
      host: '127.0.0.1',
      out: path.join(root, 'dist'),
      log: (line) => {
        lines.push(line);
        for (const waiter of waiting.splice(0)) {
          if (waiter.test(line)) waiter.resolve(line);
          else waiting.push(waiter);
        }
      },
    });
  });
  afterAll(async () => {
    await dev?.close();
    renderOnWorkers(false);
  });

  it('answers a request while the post renders, then reports it stopped and keeps serving the others', async () => {
    const pool = sharedPool();
    const rendering = once(pool, 'run');
    const rebuilt = logged((line) => line.includes('notes.md →'));
    await writeFile(path.join(root, 'content', 'posts', 'notes.md'), slowText());
    await rendering;
    const page = await fetch(new URL('posts/fosdem-2020/', dev.url));
    expect(page.status).toBe(200);
    // Answered while the worker still renders the post: the server's thread was free.
    expect(pool.busy).toBe(true);
    await rebuilt;
    const errors = dev.session().files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.basename} ${message.line}:${message.column} ${message.ruleId}`));
    expect(errors).toEqual(['notes.md 7:1 render-timeout']);
    expect(lines.join('\n')).toContain('Rendering took over 2 s (config "renderTimeout") and was stopped: the post has 20,000 footnotes');
    expect((await fetch(new URL('posts/fosdem-2020/', dev.url))).status).toBe(200);
  });
});
