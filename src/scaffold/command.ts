/** `init` and `new` as commands: their messages and exit codes (the work is init.ts's and new-post.ts's). */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { existsSync, statSync } from 'node:fs';
import { initSite } from './init.ts';
import { newPost } from './new-post.ts';

interface ScaffoldIo {
  cwd: string;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `blogsmith init FOLDER [--from SPEC]`: 0 when written, 2 when the folder is taken. */
export async function initCommand(folder: string, from: string | undefined, io: ScaffoldIo): Promise<number> {
  const result = await initSite({ folder, cwd: io.cwd, from, now: io.now() });
  if ('problem' in result) {
    io.stderr(`${result.problem}\n`);
    return 2;
  }
  const shown = path.relative(io.cwd, result.dir) || '.';
  io.stdout(`Created ${shown}/ with ${result.files.join(', ')}.\n\nNext:\n  cd ${quoted(shown)}\n  npm install\n  npm run dev\n`);
  return 0;
}

/** `blogsmith new "Title" [--draft] [--root DIR]`: 0 when written, 1 when that post exists, 2 for a bad site folder or config. */
export async function newCommand(title: string, options: { root?: string; draft: boolean }, io: ScaffoldIo): Promise<number> {
  if (title.trim() === '') {
    io.stderr('A post needs a title: blogsmith new "Post title"\n');
    return 2;
  }
  // Only the site folder: `new` writes no output, so where a build's output would go is no concern of it.
  const folders = { root: path.resolve(io.cwd, options.root ?? '.') };
  if (!existsSync(folders.root) || !statSync(folders.root).isDirectory()) {
    io.stderr(`The site folder ${options.root ?? '.'} does not exist\n`);
    return 2;
  }
  let timezone: string;
  try {
    timezone = (await loadConfig(folders.root, {}, io.cwd)).timezone;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
  const result = await newPost({ root: folders.root, title, timezone, now: io.now(), draft: options.draft });
  if (!result.written) {
    io.stderr(`${path.relative(io.cwd, result.file)} already exists: choose another title, or edit that post\n`);
    return 1;
  }
  io.stdout(`Created ${path.relative(io.cwd, result.file)}\n`);
  return 0;
}

/** A folder name as a shell would need it typed. */
function quoted(name: string): string {
  return /^[\w./-]+$/.test(name) ? name : `'${name.replaceAll("'", `'\\''`)}'`;
}
