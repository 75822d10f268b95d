/** Bad input: every error of every file in one run, positioned; exit codes; the previous dist/ untouched. */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, jsonMessages, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

const ROOT = path.join(PROJECT, 'test/sites/bad-input');
const POSTS = 'test/sites/bad-input/content/posts';
let out: string;
let run: CliRun;

beforeAll(async () => {
  const parent = await tempDir();
  out = path.join(parent, 'dist');
  await mkdir(out);
  await writeFile(path.join(out, 'index.html'), 'previous build');
  run = await runCli(['build', '--root', ROOT, '--out', out, '--format', 'json']);
});

describe('bad input', () => {
  it('exits 1', () => {
    expect(run.code).toBe(1);
  });

  it('reports every error of every file, at file:line:column, in one run', () => {
    const errors = jsonMessages(run)
      .filter((m) => m.severity === 'error')
      .map(({ file, line, column, rule }) => `${file.replace(`${POSTS}/`, '')}:${line}:${column} ${rule}`)
      .sort();
    expect(errors).toEqual([
      'broken-toml.md:3:8 frontmatter-syntax',
      'broken-yaml.md:4:1 frontmatter-syntax',
      'escape-permalink.md:4:12 unsafe-path',
      'escape-slug.md:4:7 unsafe-path',
      'first.md:3:7 duplicate-url',
      'impossible-date.md:3:7 invalid-date',
      'latin1.md:4:4 invalid-encoding',
      'second.md:3:7 duplicate-url',
      'word-date.md:3:7 invalid-date',
    ]);
  });

  it('says what is wrong in words a blogger understands', () => {
    const messages = jsonMessages(run).map((m) => m.message);
    expect(messages).toContain('Invalid date "2025-13-45": expected YYYY-MM-DD or ISO 8601 date-time');
    expect(messages).toContain('Invalid date "yesterday": expected YYYY-MM-DD or ISO 8601 date-time');
    expect(messages).toContain(`URL /posts/same/ is used by two posts: ${POSTS}/first.md and ${POSTS}/second.md`);
    expect(messages).toContain('File is not valid UTF-8: save it as UTF-8');
  });

  it('says nothing about the good post', () => {
    expect(jsonMessages(run).filter((m) => m.file.endsWith('fine.md'))).toEqual([]);
  });

  it('leaves the previous dist/ as it was, with no staging folder behind', async () => {
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
    expect(await readdir(path.dirname(out))).toEqual(['dist']);
  });

  it('prints positioned text for people by default', async () => {
    const text = await runCli(['check', '--root', ROOT]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${POSTS}/impossible-date.md`);
    expect(text.stderr).toMatch(/3:7\s+error\s+Invalid date "2025-13-45"/);
    expect(text.stderr).toContain('9 errors');
  });
});

describe('bad usage and configuration', () => {
  it('exits 2 on an unknown flag or command', async () => {
    expect((await runCli(['build', '--nope'])).code).toBe(2);
    expect((await runCli(['publish'])).code).toBe(2);
  });

  it('exits 2 naming every bad config key', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ timezone: 'Mars/Olympus', url: 'not a url', postsPerPage: 0 }));
    const result = await runCli(['build', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"timezone" "Mars/Olympus" is not an IANA time zone');
    expect(result.stderr).toContain('"url" must be an absolute http(s) URL');
    expect(result.stderr).toContain('"postsPerPage" must be a whole number');
  });

  it('builds an empty site (no posts) into a valid skeleton', async () => {
    const root = await tempDir();
    const result = await runCli(['build', '--root', root]);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(root, 'dist/index.html'), 'utf8')).toContain('<!doctype html>');
  });
});
