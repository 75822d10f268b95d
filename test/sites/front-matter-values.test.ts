/**
 * Front matter values as YAML gives them: control characters from escapes (`"A\x00B\x1bC"`) never
 * reach a page raw, and merge keys (`<<: *defaults`) apply, as Hugo, Jekyll and js-yaml apply them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonMessages, listFiles, readOut, runCli, tempDir, type CliRun } from '../helpers/cli.ts';

/** Every C0 control but tab, LF and CR, DEL and the C1 controls: none may be in an output file. */
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;

let out: string;
let run: CliRun;

beforeAll(async () => {
  const root = await tempDir('blog-fm-values-');
  out = path.join(root, 'dist');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  // Written as YAML escapes: the file itself holds no control character, the parsed value does.
  await writeFile(
    path.join(root, 'content/posts/controls.md'),
    '---\ntitle: "A\\x00B\\x1bC"\ndate: 2025-01-02\ndescription: "Bell\\a here"\ntags: ["es\\x1bcape"]\nauthor: "Jo\\x00e\\u0085"\n---\nBody text.\n',
  );
  await writeFile(
    path.join(root, 'content/posts/merged.md'),
    '---\n_defaults: &defaults\n  tags: [merged-tag, yaml]\n  author: Merge Author\ntitle: Merged\ndate: 2025-01-03\n<<: *defaults\n---\nBody text.\n',
  );
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Values', url: 'https://values.example/' }));
  run = await runCli(['build', '--root', root, '--out', out, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

describe('control characters in front matter values', () => {
  it('are in no output file, and the values read as written without them', async () => {
    const files = (await listFiles(out)).filter((name) => /\.(html|xml|json|txt)$/.test(name));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(CONTROL.exec(await readOut(out, file)), file).toBeNull();
    const page = await readOut(out, 'posts/controls/index.html');
    expect(page).toContain('<h1');
    expect(page).toMatch(/>ABC<\/h1>/);
    expect(page).toContain('Bell here');
    expect(page).toContain('escape');
    expect(page).toContain('Joe');
  });

  it('each give one positioned control-chars warning at its key', () => {
    const warnings = jsonMessages(run).filter((message) => message.rule === 'control-chars');
    expect(warnings.map(({ file, line, column, severity, message }) => ({ file: path.basename(file), line, column, severity, message }))).toEqual([
      { file: 'controls.md', line: 2, column: 8, severity: 'warning', message: 'Control characters U+0000, U+001B removed from the title "A\\u{0}B\\u{1B}C": HTML and feeds do not allow them' },
      { file: 'controls.md', line: 4, column: 14, severity: 'warning', message: 'Control character U+0007 removed from the description "Bell\\u{7} here": HTML and feeds do not allow them' },
      { file: 'controls.md', line: 5, column: 8, severity: 'warning', message: 'Control character U+001B removed from the tag "es\\u{1B}cape": HTML and feeds do not allow them' },
      { file: 'controls.md', line: 6, column: 9, severity: 'warning', message: 'Control characters U+0000, U+0085 removed from the author "Jo\\u{0}e\\u{85}": HTML and feeds do not allow them' },
    ]);
  });
});

describe('YAML merge keys', () => {
  it("apply: the tags and author of the merged anchor are the post's", async () => {
    const page = await readOut(out, 'posts/merged/index.html');
    expect(page).toContain('Merge Author');
    expect(page).toMatch(/href="\/tags\/merged-tag\/"/);
    expect(await readOut(out, 'tags/merged-tag/index.html')).toContain('Merged');
  });
});
