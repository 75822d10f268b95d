/**
 * The dev server converges on the disk whatever its watcher saw: changes the events missed (an
 * overflowing watcher, a burst during a rebuild, a save while the first build ran) are found by
 * the rescan that follows every burst, said in one terminal line, and served.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { writeFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import { copySite } from '../helpers/site-copy.ts';

let dev: DevServer | undefined;
afterEach(() => dev?.close());

/** A log that can be waited on: `when(pattern)` resolves with the first line matching, or fails after `ms`. */
function terminal() {
  const lines: string[] = [];
  const waiting: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  return {
    lines,
    log(line: string) {
      lines.push(line);
      for (const waiter of waiting.filter((candidate) => candidate.pattern.test(line))) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    },
    when(pattern: RegExp, ms = 10_000): Promise<string> {
      const found = lines.find((line) => pattern.test(line));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No line matching ${pattern} in ${ms} ms; the terminal said:\n${lines.join('\n')}`)), ms);
        waiting.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('the dev server after changes its watcher missed', () => {
  it('serves a post saved while the first build ran, before the watcher was live', async () => {
    const root = await copySite('shapes');
    const post = path.join(root, 'content/posts/toml-post.md');
    const out = terminal();
    dev = await startDev({
      root,
      port: 0,
      host: '127.0.0.1',
      out: path.join(root, 'dist'),
      log: (line) => {
        // The first build is done and the watcher not yet started: on main, this save was never seen.
        if (line.startsWith('Serving')) writeFileSync(post, readFileSync(post, 'utf8').replace('title = "TOML post"', 'title = "Saved during the first build"'));
        out.log(line);
      },
    });
    expect(await out.when(/rescanned: 1 file differed from what the watcher had reported, content\/posts\/toml-post\.md → \d+ files/)).toBeTruthy();
    expect(await get(new URL('posts/toml-post/', dev.url).href)).toContain('>Saved during the first build</h1>');
  });

  it('finds an edit whose events were lost once the next burst is done, and serves it', async () => {
    const root = await copySite('shapes');
    const lost = path.join(root, 'content/posts/toml-post.md');
    const seen = path.join(root, 'content/posts/draft-post.md');
    const out = terminal();
    dev = await startDev({ root, port: 0, host: '127.0.0.1', out: path.join(root, 'dist'), log: out.log, dropEvents: (file) => file === lost });
    await writeFile(lost, (await readFile(lost, 'utf8')).replace('title = "TOML post"', 'title = "Lost by the watcher"'));
    await writeFile(seen, `${await readFile(seen, 'utf8')}\nSeen by the watcher.\n`);
    await out.when(/rescanned: 1 file differed from what the watcher had reported, content\/posts\/toml-post\.md/);
    expect(await get(new URL('posts/toml-post/', dev.url).href)).toContain('>Lost by the watcher</h1>');
    expect(await get(new URL('posts/draft-post/', dev.url).href)).toContain('Seen by the watcher.');
    expect(await get(new URL('tags/rust/', dev.url).href)).toContain('Lost by the watcher');
  });
});
