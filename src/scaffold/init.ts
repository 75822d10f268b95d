/**
 * `blogsmith init <folder>`: a new site folder that depends on blogsmith, as `npm create astro` and
 * Eleventy's starter projects give one. The files are the project's `scaffold/site/`, with the title,
 * the date and where blogsmith comes from filled in; `gitignore` and `github/` are named without their
 * dot there because `npm pack` leaves out files called `.gitignore`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../shared/code-dir.ts';
import { filesUnder } from '../shared/files.ts';
import { slugify } from '../content/normalize/slug.ts';

/** The files a new site starts with, relative to `PROJECT_ROOT`. */
const SCAFFOLD = path.join(PROJECT_ROOT, 'scaffold', 'site');

/** Scaffold names that the new site holds under another name. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore', 'github/': '.github/' };

export interface InitOptions {
  /** The folder to create, resolved against `cwd`. */
  folder: string;
  cwd: string;
  /** The new package.json's `blogsmith` dependency; see `defaultSpec`. */
  from?: string;
  now: Date;
}

/** The files written (relative to the new folder), or why nothing was. */
export async function initSite(options: InitOptions): Promise<{ dir: string; files: string[] } | { problem: string }> {
  const dir = path.resolve(options.cwd, options.folder);
  const shown = path.relative(options.cwd, dir) || '.';
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    return { problem: `${shown} already exists and is not an empty folder: name a new one` };
  }
  const title = titleOf(path.basename(dir));
  // `__TITLE_JSON__` is a string literal in TypeScript (`Bob's blog` must not end it); `__TITLE__` is Markdown text.
  const fill = (text: string) =>
    text.replaceAll('__TITLE_JSON__', JSON.stringify(title)).replaceAll('__TITLE__', title).replaceAll('__DATE__', options.now.toISOString().slice(0, 10));
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
    files.push(name);
  };
  await write('package.json', packageJson(path.basename(dir), options.from ?? defaultSpec(dir)));
  for (const name of filesUnder(SCAFFOLD)) await write(renamed(name), fill(readFileSync(path.join(SCAFFOLD, name), 'utf8')));
  return { dir, files };
}

/**
 * Where the new site gets blogsmith from: the registry release this is, when it is one; else (a
 * checkout, or a package marked private, which no registry holds) this very folder, as a `file:`
 * path relative to the new site. `--from` names a tarball or a git URL instead.
 */
export function defaultSpec(dir: string): string {
  const own = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; private?: boolean };
  if (!existsSync(path.join(PROJECT_ROOT, 'src')) && !own.private) return `^${own.version}`;
  return `file:${path.relative(dir, PROJECT_ROOT).split(path.sep).join('/')}`;
}

function packageJson(folderName: string, spec: string): string {
  const manifest = {
    name: npmName(folderName),
    private: true,
    type: 'module',
    scripts: { dev: 'blogsmith dev', build: 'blogsmith build', check: 'blogsmith check', new: 'blogsmith new' },
    dependencies: { blogsmith: spec },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** npm's package names are lower-case URL-safe words; a folder called `My Blog` becomes `my-blog`. */
function npmName(folderName: string): string {
  const name = slugify(folderName).replace(/[^a-z0-9._-]/g, '');
  return /^[a-z0-9]/.test(name) ? name : `blog-${name}`.replace(/-$/, '');
}

/** `my-blog` → `My blog`: a title to start from, for the config and the first post. */
function titleOf(folderName: string): string {
  const words = folderName.replace(/[-_.]+/g, ' ').trim();
  return words === '' ? 'My Blog' : words[0]!.toUpperCase() + words.slice(1);
}

function renamed(name: string): string {
  for (const [from, to] of Object.entries(RENAMED)) {
    if (name === from || (from.endsWith('/') && name.startsWith(from))) return to + name.slice(from.length);
  }
  return name;
}
