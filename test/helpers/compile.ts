/**
 * The CLI as plain JavaScript, for the few tests that must spawn a real process (kills, two builds
 * at once): `tsx` costs ~3 s of start-up per process, plain `node` on compiled files a fraction.
 * esbuild strips the types file by file (no bundling: the sources find templates, the worker and
 * their own version through import.meta.url), relative `.ts` specifiers become `.js`, and the
 * project's templates, static files, packages and lock file are linked in beside `src/`.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transform } from 'esbuild';

/** `'./x.ts'`, `"../y/z.ts"` in import specifiers and `new URL(...)`: relative paths only, never packages. */
const RELATIVE_TS = /(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g;

/** Compile `<project>/src` into `<into>/src`; returns the path of the compiled `bin.js`. */
export async function compileCli(project: string, into: string): Promise<string> {
  const src = path.join(project, 'src');
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.d.ts'))
      .map(async (entry) => {
        const from = path.join(entry.parentPath, entry.name);
        const relative = path.relative(src, from);
        const text = await readFile(from, 'utf8');
        const isTs = entry.name.endsWith('.ts');
        const code = isTs ? (await transform(text, { loader: 'ts', format: 'esm', target: 'node20', sourcefile: from })).code : text;
        const target = path.join(into, 'src', isTs ? relative.replace(/\.ts$/, '.js') : relative);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, isTs ? code.replace(RELATIVE_TS, '$1$2.js$1') : code);
      }),
  );
  await writeFile(path.join(into, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const name of ['templates', 'static', 'node_modules', 'package-lock.json']) await symlink(path.join(project, name), path.join(into, name));
  return path.join(into, 'src', 'bin.js');
}
