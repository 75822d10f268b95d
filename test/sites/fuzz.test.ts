/**
 * Whole-build fuzzing: a few hundred posts with random front matter (wrong types, nested
 * objects, huge strings, anchors and aliases, `!!binary`, NUL and bidi characters, invalid
 * dates) and random markdown fragments (unclosed HTML, unterminated fences), built by the real
 * CLI. The build must end with exit 0 or 1, every message must name a file under the site,
 * and no stack trace may reach the terminal. fast-check generates the site from a fixed seed,
 * so a failure names the seed and replays.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonMessages, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

const SEED = 20261129;
const POSTS = 250;

/** YAML values, written as text: what people and broken exporters put in front matter. */
const scalar = fc.oneof(
  fc.constantFrom(
    'null', '~', 'true', 'no', '0x1F', '1e999', '-.inf', '.nan', '2025-02-30', '2025-13-01T25:61:00Z', '0000-00-00', '99999-01-01',
    '"\\0NUL"', '"a\\u202Eb\\u202C"', '"<script>alert(1)</script>"', '"]]></script>"', "'../../etc/passwd'", '"%2e%2e/x"', '!!binary aGVsbG8=',
    '!!str 2025-01-01', '!!int "12"', '!!float abc', '[unclosed', '{a: 1', '"unterminated', '*undefined_alias', '&a [1, 2]', '? complex key',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => JSON.stringify(text)),
  fc.integer().map(String),
  fc.constant(JSON.stringify('x'.repeat(50_000))),
);

const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'id', 'url', 'title', 'slug'), scalar, { maxKeys: 3 }).map((entries) => `{ ${Object.entries(entries).map(([k, v]) => `${k}: ${v}`).join(', ')} }`) },
);

const KEYS = ['title', 'date', 'updated', 'lastmod', 'author', 'authors', 'tags', 'categories', 'category', 'slug', 'permalink', 'description', 'draft', 'lang', 'image', 'canonical', 'seo', 'toc'];

const frontMatter = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 8 }).map((pairs) => `---\n${pairs.map(([key, v]) => `${key}: ${v}`).join('\n')}\n---\n`) },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n', '---\ntitle: [\n---\n', '+++\ntitle = "toml\n+++\n', '---\n\0\n---\n', '\uFEFF---\ntitle: BOM\n---\n') },
  // Anchors and aliases that stay small, and one that would not.
  { weight: 1, arbitrary: fc.constant('---\nbase: &b { name: A }\nauthor: *b\ntags: &t [a, b]\ncategories: *t\n---\n') },
);

const fragment = fc.oneof(
  fc.constantFrom(
    '<div>unclosed', '</span>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '```js\nunterminated fence', '~~~\n', '<!--', '<!-- truncate -->',
    '[ref link][missing]', '[x](javascript:alert(1))', '![](/static/missing.png#center)', '| a | b |\n|---|', '[^1]\n\n[^1]: note', '# Heading', '###### deep',
    '<iframe src="//"></iframe>', '\u202Ebidi\u202C', 'ðŸ˜› mojibake', '\0', '<style>body{}</style>', '[link](../../../etc/passwd)', '<a href="  javascript:x">a</a>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

const post = fc.tuple(frontMatter, fc.array(fragment, { maxLength: 8 })).map(([head, body]) => head + body.join('\n\n') + '\n');

let root: string;
let run: CliRun;

beforeAll(async () => {
  root = await tempDir('blog-fuzz-');
  const dir = path.join(root, 'content/posts');
  await mkdir(dir, { recursive: true });
  const texts = fc.sample(post, { numRuns: POSTS, seed: SEED });
  await Promise.all(texts.map((text, index) => writeFile(path.join(dir, `fuzz-${index}.md`), text)));
  await writeFile(path.join(root, 'content/posts/billion-laughs.md'), billionLaughs());
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Fuzz', url: 'https://fuzz.example/' }));
  run = await runCli(['build', '--root', root, '--out', path.join(root, 'dist'), '--format', 'json']);
}, 240_000);

/** Nine levels of ten aliases each: 10^9 nodes if expanded. */
function billionLaughs(): string {
  const lines = ['---', 'a0: &a0 ["lol"]'];
  for (let level = 1; level < 10; level++) lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
  lines.push('title: *a9', '---', 'Body.');
  return lines.join('\n');
}

describe(`a build of ${POSTS} fuzzed posts (seed ${SEED})`, () => {
  it('ends with exit 0 or 1, never a crash', () => {
    expect([0, 1], run.stderr).toContain(run.code);
  });

  it('prints no stack trace', () => {
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('names a file and a position in every message', () => {
    const messages = jsonMessages(run);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.file, JSON.stringify(message)).toMatch(/\S/);
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses the alias bomb with a clear error instead of expanding it', () => {
    const bomb = jsonMessages(run).filter((message) => message.file.endsWith('billion-laughs.md') && message.severity === 'error');
    expect(bomb.map((message) => message.message).join('\n')).toMatch(/alias/i);
  });
});
