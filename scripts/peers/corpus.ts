/**
 * The generated posts as the peers' site writers need them: each file's text, its front-matter
 * style and the tags it names under any of the keys the generator uses, so Eleventy and Hugo get
 * the same tag pages as ours (`Open Source` and `open-source` are one tag there too).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

/** One tag as the peers' pages show it: a URL slug and the first spelling met. */
export interface PeerTag {
  slug: string;
  label: string;
}

/** One post of the corpus: file slug (`post-12`), text as generated, front-matter style, tags. */
export interface PeerPost {
  slug: string;
  text: string;
  style: 'yaml' | 'toml' | 'none';
  data: Record<string, unknown>;
  tags: PeerTag[];
}

/** Lower case, white space and underscores as dashes; non-Latin letters kept (`日本語` stays readable), as ours does. */
export function tagSlug(label: string): string {
  return label.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** One value of `tags`/`categories`/`category`: a list, a comma-separated string, or CMS objects with label/name/value. */
function labels(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',');
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): string[] => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object') {
      const { label, name, value: inner } = item as Record<string, unknown>;
      const text = [label, name, inner].find((candidate) => typeof candidate === 'string');
      return typeof text === 'string' ? [text] : [];
    }
    return [];
  });
}

/** The tags a post's front matter names, deduplicated by slug, in the order written. */
export function postTags(data: Record<string, unknown>): PeerTag[] {
  const seen = new Map<string, PeerTag>();
  for (const label of ['tags', 'categories', 'category'].flatMap((key) => labels(data[key]))) {
    const trimmed = label.trim();
    const slug = tagSlug(trimmed);
    if (slug && !seen.has(slug)) seen.set(slug, { slug, label: trimmed });
  }
  return [...seen.values()];
}

/** Split a post into its front matter style and data: YAML `---`, Hugo's TOML `+++`, or none. */
export function parsePost(text: string): Pick<PeerPost, 'style' | 'data'> {
  if (text.startsWith('+++')) {
    const parsed = matter(text, { delimiters: '+++', language: 'toml', engines: { toml: (source: string) => parseToml(source) as object } });
    return { style: 'toml', data: parsed.data };
  }
  if (text.startsWith('---')) return { style: 'yaml', data: matter(text).data };
  return { style: 'none', data: {} };
}

/** Read every post of the site at `root` (`content/posts/*.md`), in file-name order. */
export async function readCorpus(root: string): Promise<PeerPost[]> {
  const dir = path.join(root, 'content/posts');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const posts: PeerPost[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const { style, data } = parsePost(text);
    posts.push({ slug: name.slice(0, -'.md'.length), text, style, data, tags: postTags(data) });
  }
  return posts;
}
