/** Copy a fixture site to a temporary folder, so a test can edit its files. */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT, tempDir } from './cli.ts';

/** A fresh copy of `test/sites/<name>` (or of the project's own content when name is `sample`). */
export async function copySite(name: string): Promise<string> {
  const root = await tempDir('blog-site-');
  if (name === 'sample') {
    await cp(path.join(PROJECT, 'content'), path.join(root, 'content'), { recursive: true });
    // The project's site.config.ts imports from ../src; the copy gets the same settings as JSON.
    const config = { title: 'FOSDEM Notes', url: 'http://localhost:3000/', timezone: 'Europe/Brussels' };
    await writeFile(path.join(root, 'site.config.json'), JSON.stringify(config));
    return root;
  }
  // Without the render cache earlier runs left in the fixture: each copy starts cold.
  const source = path.join(PROJECT, 'test/sites', name);
  await cp(source, root, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== '.cache' });
  return root;
}
