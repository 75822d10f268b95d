/**
 * Other posts named by template syntax: Hugo's `{{< ref "other.md" >}}` / `relref`, Jekyll's
 * `{% post_url 2014-01-01-x %}` and `{% link _posts/2014-01-01-x.md %}`. Each names a file the way
 * its generator looks it up; this finds the post among the site's posts (`postPaths`) the same way,
 * and falls back to a post of that name anywhere (posts moved into `content/posts/` from `_posts/`,
 * `content/blog/`, page bundles). The lookup is pure in the site's post table, so a cached result
 * records it and holds while the same lookup gives the same page.
 */
import path from 'node:path';
import type { LinkContext } from '../data.ts';

/** How a generator names the post: Hugo's page path, Jekyll's post name, Jekyll's site file path. */
export type RefKind = 'ref' | 'post_url' | 'link';

/** A lookup to resolve (and to record as a dependency). */
export interface PostRef {
  kind: RefKind;
  /** As written, without a `#fragment`. */
  target: string;
  /** The post the reference is in (relative Hugo paths start there). */
  from: string;
}

const EXTENSIONS = ['.md', '.markdown', '.mdx'];

/** The files a reference can name, in the order its generator tries them. */
export function candidatesOf(ref: PostRef, contentDir: string): string[] {
  const postsDir = path.join(contentDir, 'posts');
  const target = ref.target.replace(/^\/+/, '');
  const bases =
    ref.kind === 'post_url' ? [postsDir]
    : ref.kind === 'link' ? (target.startsWith('_posts/') ? [] : [contentDir, postsDir, path.dirname(contentDir)])
    : ref.target.startsWith('/') ? [contentDir, postsDir]
    : [path.dirname(ref.from), contentDir, postsDir];
  const names = ref.kind === 'link' && target.startsWith('_posts/') ? [path.join(postsDir, target.slice('_posts/'.length))] : bases.map((base) => path.join(base, target));
  return names.flatMap((name) =>
    EXTENSIONS.some((extension) => name.endsWith(extension)) ? [name] : [...EXTENSIONS.map((extension) => name + extension), path.join(name, 'index.md'), path.join(name, '_index.md')],
  );
}

/** The page path of the post a reference names, or undefined. */
export function resolvePostRef(ref: PostRef, context: Pick<LinkContext, 'contentDir' | 'postPaths'>): string | undefined {
  for (const candidate of candidatesOf(ref, context.contentDir)) {
    const page = context.postPaths.get(candidate);
    if (page !== undefined) return page;
  }
  return byName(context.postPaths).get(nameOf(ref.target));
}

/** The name a post goes by wherever its folder is: its file name without extension, or its bundle's folder for `index.md`. */
function nameOf(file: string): string {
  const base = path.posix.basename(file.replace(/\\/g, '/')).replace(/\.(?:md|markdown)$/i, '');
  return base === 'index' || base === '_index' ? path.posix.basename(path.posix.dirname(file.replace(/\\/g, '/'))) : base;
}

/** Each post table's posts by name, made once per table: a cached result's lookups are checked against it. */
const names = new WeakMap<ReadonlyMap<string, string>, Map<string, string>>();

function byName(postPaths: ReadonlyMap<string, string>): Map<string, string> {
  let index = names.get(postPaths);
  if (index === undefined) {
    index = new Map();
    // Sorted, so that of two posts with one name the same one wins in every run.
    for (const source of [...postPaths.keys()].sort()) {
      const name = nameOf(source);
      if (!index.has(name)) index.set(name, postPaths.get(source)!);
    }
    names.set(postPaths, index);
  }
  return index;
}
