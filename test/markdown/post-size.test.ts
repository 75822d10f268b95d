/**
 * A post over the size limit is refused with a positioned error before it is read (on main a
 * 50 MB post ran the build out of memory after two minutes); the posts beside it are read as usual.
 */
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_POST_BYTES, readContent, readPostSync } from '../../src/content/read.ts';
import { tempDir } from '../helpers/cli.ts';

describe('the post size limit', () => {
  it('refuses a post over 10 MB at its first line, in a build and in the dev server, and reads the others', async () => {
    const root = await tempDir('post-size-');
    const posts = path.join(root, 'content', 'posts');
    await mkdir(posts, { recursive: true });
    await writeFile(path.join(posts, 'small.md'), '---\ntitle: Small\n---\nHello.\n');
    // A file of MAX_POST_BYTES + 1 bytes, made sparse (no 10 MB written): a test of the limit, not of the disk.
    await writeFile(path.join(posts, 'huge.md'), '---\ntitle: Huge\n---\n');
    await truncate(path.join(posts, 'huge.md'), MAX_POST_BYTES + 1);
    await writeFile(path.join(posts, 'limit.md'), '---\ntitle: At the limit\n---\n');
    await truncate(path.join(posts, 'limit.md'), MAX_POST_BYTES);

    const content = await readContent(root, root);
    expect(content.posts.map((post) => post.relPath)).toEqual(['limit.md', 'small.md']);
    const huge = content.files.find((file) => file.basename === 'huge.md')!;
    const expected = { ruleId: 'post-too-large', line: 1, column: 1, fatal: true, reason: 'Post too large: 10,485,761 bytes, over the 10 MB (10,485,760 bytes) a post may have; not read' };
    expect(huge.messages).toEqual([expect.objectContaining(expected)]);
    expect(String(huge.value)).toBe('');
    // The dev server reads an edited post on its own.
    const edited = readPostSync(posts, 'huge.md', new Map(), root);
    expect(edited.post).toBeUndefined();
    expect(edited.file.messages).toEqual([expect.objectContaining(expected)]);
  });
});
