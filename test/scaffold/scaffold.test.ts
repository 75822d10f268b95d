/**
 * `blogsmith init` and `blogsmith new`, run as the command line runs them: the files a new site
 * starts with, a site that builds as it is (its config importing `blogsmith/config` through the
 * package's exports, as an installed blogsmith resolves it), and posts dated in the site's zone.
 * The packed, installed tool is test/e2e/install.test.ts's.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonMessages, PROJECT, runCli, tempDir } from '../helpers/cli.ts';
import { main } from '../../src/cli.ts';

/** The CLI in `cwd` at a fixed moment. */
async function run(args: string[], cwd: string, now = new Date('2026-03-01T09:30:00Z')) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, now: () => now, env: process.env, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

let parent: string;
let site: string;

beforeAll(async () => {
  parent = await tempDir('init-');
  site = path.join(parent, "Bob's Blog");
  const init = await run(['init', "Bob's Blog"], parent);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  // What `npm install` makes of a `file:` dependency: a link to the package folder.
  await mkdir(path.join(site, 'node_modules'));
  await symlink(PROJECT, path.join(site, 'node_modules', 'blogsmith'), 'dir');
});

describe('blogsmith init', () => {
  it('writes a site that depends on this blogsmith, with its dot files named as they must be', async () => {
    const manifest = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('bobs-blog');
    expect(manifest.scripts).toMatchObject({ dev: 'blogsmith dev', build: 'blogsmith build' });
    // A checkout is depended on as a folder, relative to the new site.
    expect(path.resolve(site, manifest.dependencies.blogsmith.replace(/^file:/, ''))).toBe(PROJECT);
    for (const file of ['.gitignore', '.github/workflows/deploy.yml', 'site.config.ts', 'content/posts/hello-world.md', 'README.md']) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    expect(await readFile(path.join(site, '.gitignore'), 'utf8')).toContain('dist/');
    // A name with a quote stays one string in the config's TypeScript.
    expect(await readFile(path.join(site, 'site.config.ts'), 'utf8')).toContain(`title: "Bob's Blog"`);
    expect(await readFile(path.join(site, 'content/posts/hello-world.md'), 'utf8')).toContain('date: 2026-03-01');
    const workflow = await readFile(path.join(site, '.github/workflows/deploy.yml'), 'utf8');
    expect(workflow).toContain('npm run build -- --base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(workflow).toContain('actions/deploy-pages');
  });

  it('builds as written, its config importing blogsmith/config', async () => {
    const build = await runCli(['build', '--root', site, '--base-url', 'https://example.org/blog/']);
    expect(build.stderr).not.toMatch(/error|Unexpected/i);
    expect(build.code).toBe(0);
    const post = await readFile(path.join(site, 'dist/posts/hello-world/index.html'), 'utf8');
    expect(post).toContain('<title>Hello, world');
    expect(post).toContain('https://example.org/blog/posts/hello-world/');
    // The config's own title, read through the compiled config module.
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('Bob&#39;s Blog');
  });

  it('warns once, as a message on the config, while the site URL is the default', async () => {
    const build = await runCli(['build', '--root', site, '--format', 'json']);
    expect(build.code).toBe(0);
    const local = jsonMessages(build).filter((message) => message.rule === 'local-url');
    expect(local).toMatchObject([{ file: expect.stringMatching(/site\.config\.ts$/), severity: 'warning', line: 1, column: 1 }]);
    expect(local[0]!.message).toContain('http://localhost:3000/');
    // `--strict` will not publish a site whose links lead to localhost.
    expect((await runCli(['build', '--root', site, '--strict'])).code).toBe(1);
  });

  it('refuses a folder that holds anything, writing nothing', async () => {
    const again = await run(['init', "Bob's Blog"], parent);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("Bob's Blog already exists and is not an empty folder");
  });

  it('takes --from for the dependency', async () => {
    const made = await run(['init', 'other', '--from', 'file:../blogsmith-0.1.0.tgz'], parent);
    expect(made.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(parent, 'other/package.json'), 'utf8')).dependencies.blogsmith).toBe('file:../blogsmith-0.1.0.tgz');
  });
});

describe('blogsmith new', () => {
  it('writes a post dated now in the site time zone, which builds', async () => {
    const config = path.join(site, 'site.config.ts');
    await writeFile(config, (await readFile(config, 'utf8')).replace("timezone: 'UTC'", "timezone: 'Europe/Berlin'"));
    const made = await run(['new', 'Über: a title # with YAML in it', '--root', site], parent);
    expect(made.code).toBe(0);
    const file = path.join(site, 'content/posts/über-a-title-with-yaml-in-it.md');
    expect(made.stdout).toBe(`Created ${path.relative(parent, file)}\n`);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('title: "Über: a title # with YAML in it"\ndate: 2026-03-01T10:30:00+01:00\n');
    const build = await runCli(['build', '--root', site, '--base-url', 'https://example.org/']);
    expect(build.code).toBe(0);
    const post = await readFile(path.join(site, 'dist/posts/über-a-title-with-yaml-in-it/index.html'), 'utf8');
    expect(post).toMatch(/<h1[^>]*>Über: a title # with YAML in it<\/h1>/);
    expect(post).toContain('datetime="2026-03-01T10:30:00+01:00"');
  });

  it('never overwrites a post', async () => {
    const file = path.join(site, 'content/posts/hello-world.md');
    const before = await readFile(file, 'utf8');
    const made = await run(['new', 'Hello world', '--root', site], parent);
    expect(made.code).toBe(1);
    expect(made.stderr).toContain('hello-world.md already exists');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('usage', () => {
  it.each([
    [['init'], '`init` needs the folder to create'],
    [['new'], '`new` needs a title'],
    [['new', 'two', 'words'], 'Unexpected argument "words" (quote a title of several words)'],
    [['build', '--from', 'x'], '--from belongs to `init`'],
    [['build', '--draft'], '--draft belongs to `new`'],
  ])('%j is refused with exit 2', async (args, message) => {
    const result = await run(args, parent);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
