/** The dev session with standalone pages (content/pages/): added, edited and deleted as posts are, on a real site copy. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import { classify, emptyBatch } from '../../src/dev/watch.ts';
import { copySite } from '../helpers/site-copy.ts';

let root: string;
let session: SiteSession;
const page = (name: string) => path.join(root, 'content/pages', name);
const update = (name: string) => session.update({ posts: new Set([page(name)]), registries: false });

beforeEach(async () => {
  root = await copySite('pages');
  session = new SiteSession(root, await loadConfig(root, {}, process.cwd()), () => new Date('2026-01-01T00:00:00Z'), process.cwd());
  await session.start();
});

describe('SiteSession with standalone pages', () => {
  it('renders pages at start, drafts included as in dev', () => {
    expect(session.output.get('about/index.html')).toContain('About this blog');
    expect(session.output.get('unfinished/index.html')).toContain('<strong class="badge badge-draft">Draft</strong>');
  });

  it('hands a page file to the session as the watcher sees it', () => {
    const batch = emptyBatch();
    expect(classify(batch, { root, ignoreDirs: [], templateDirs: [], staticDirs: [] }, page('team/index.md'))).toBe(true);
    expect([...batch.posts]).toEqual([page('team/index.md')]);
  });

  it('re-renders only the edited page: it is on no list and in no feed', async () => {
    await writeFile(page('about.md'), (await readFile(page('about.md'), 'utf8')).replace('Write to us.', 'Write to us, edited.'));
    const result = await update('about.md');
    expect(result.changed).toEqual(['about/index.html']);
    expect(result.rendered).toEqual(['about/index.html']);
    expect(session.output.get('about/index.html')).toContain('Write to us, edited.');
  });

  it('adds a new page, and removes a deleted one; lists stay as they were', async () => {
    const home = session.output.get('index.html');
    await writeFile(page('colophon.md'), '---\ntitle: Colophon\n---\nSet in type.\n');
    let result = await update('colophon.md');
    expect(result.changed).toContain('colophon/index.html');
    expect(result.changed).not.toContain('index.html');
    expect(session.output.get('colophon/index.html')).toContain('Set in type.');
    expect(session.output.get('index.html')).toBe(home);

    await rm(page('colophon.md'));
    result = await update('colophon.md');
    expect(result.removed).toEqual(['colophon/index.html']);
    expect(session.output.has('colophon/index.html')).toBe(false);
  });

  it('moves a page whose slug changes, and checks links to its old URL again', async () => {
    await writeFile(page('about.md'), (await readFile(page('about.md'), 'utf8')).replace('title: About this blog', 'title: About this blog\nslug: who'));
    const result = await update('about.md');
    expect(result.removed).toContain('about/index.html');
    expect(session.output.get('who/index.html')).toContain('About this blog');
    // hello.md links to `/about/` by URL: now a broken link. Its link by file follows the page.
    const hello = session.files.find((file) => file.path.endsWith('hello.md'))!;
    expect(hello.messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([expect.stringMatching(/^broken-link: .*\/blog\/about\//)]);
    expect(session.output.get('posts/hello/index.html')).toContain('href="/blog/who/"');
  });
});
