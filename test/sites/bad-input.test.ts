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
  // A previous build's output, marked as one (src/shared/out-dir.ts).
  await writeFile(path.join(out, '.blogsmith-output'), '');
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
      'fine.md:1:1 duplicate-url',
      'first.md:3:7 duplicate-url',
      'impossible-date.md:3:7 invalid-date',
      'latin1.md:4:4 invalid-encoding',
      'rss-permalink.md:4:12 reserved-url',
      'same-file.md:4:12 duplicate-url',
      'second.md:3:7 duplicate-url',
      'sitemap-part.md:4:12 reserved-url',
      'test/sites/bad-input/content/authors.yml:2:1 invalid-id',
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

  it('says nothing about a good post but the URL another post took from it', () => {
    expect(jsonMessages(run).filter((m) => m.file.endsWith('fine.md')).map((m) => m.rule)).toEqual(['duplicate-url']);
  });

  it('drops an author URL that is not http(s), mailto or a path, with a warning', () => {
    expect(jsonMessages(run)).toContainEqual(expect.objectContaining({ rule: 'invalid-url', severity: 'warning', line: 4 }));
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
    expect(text.stderr).toContain('14 errors');
  });
});

describe('bad usage and configuration', () => {
  it.each([['.'], ['content'], ['..']])('refuses --out %s, which would replace the site’s own files, with exit 2', async (out) => {
    const result = await runCli(['build', '--root', ROOT, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('choose another --out');
  });

  it('exits 2 when the site folder does not exist', async () => {
    const result = await runCli(['build', '--root', 'test/sites/no-such-site']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not exist');
  });

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
