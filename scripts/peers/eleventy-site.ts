/**
 * Write the Eleventy 3 peer project for a generated corpus: the posts as Eleventy reads them
 * (Hugo's `+++` TOML fences become `---toml`, which the config's smol-toml engine parses), each
 * post's tags in its own front matter as `peerTags` (data of that page, as an Eleventy user keeps
 * it: one global data file of every post's tags made Eleventy 3× slower and 2 GiB big at 4,000
 * posts, since global data is merged into every page's data), and the config and templates of
 * eleventy-templates.ts.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PeerPost, PeerTag } from './corpus.ts';
import { ELEVENTY_FILES, eleventyConfig } from './eleventy-templates.ts';

/** Where Eleventy writes the site inside the project folder. */
export const ELEVENTY_OUT = '_site';

/** A post's text with `+++` TOML front matter turned into gray-matter's `---toml` form, and its tags as `peerTags` in its front matter. */
export function eleventyPostText(text: string, tags: readonly PeerTag[] = []): string {
  // JSON strings are valid YAML and TOML basic strings alike.
  const label = (tag: PeerTag) => `{ slug = ${JSON.stringify(tag.slug)}, label = ${JSON.stringify(tag.label)} }`;
  if (text.startsWith('+++')) {
    // First: a key after a `[table]` header would belong to that table.
    return text.replace(/^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+(?=\r?\n|$)/, (_, data: string) => `---toml\npeerTags = [${tags.map(label).join(', ')}]\n${data}\n---`);
  }
  const line = `peerTags: ${JSON.stringify(tags)}\n`;
  if (text.startsWith('---')) return text.replace(/^---\r?\n/, (fence) => fence + line);
  return `---\n${line}---\n${text}`;
}

/** Write the project for `posts` into `dir` (emptied first), with the site's title and URL and its stylesheet. */
export async function writeEleventySite(dir: string, posts: PeerPost[], site: { title: string; url: string; css: string }): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await mkdir(path.join(dir, '_includes'), { recursive: true });
  await mkdir(path.join(dir, '_data'), { recursive: true });
  await writeFile(path.join(dir, 'eleventy.config.mjs'), eleventyConfig(import.meta.resolve('smol-toml')));
  for (const [file, text] of Object.entries(ELEVENTY_FILES)) await writeFile(path.join(dir, file), text);
  await writeFile(path.join(dir, 'style.css'), site.css);
  await writeFile(path.join(dir, '_data/site.json'), JSON.stringify({ title: site.title, url: site.url }) + '\n');
  for (const post of posts) await writeFile(path.join(dir, 'posts', `${post.slug}.md`), eleventyPostText(post.text, post.tags));
}

/** The generated site's title, URL and stylesheet, which the peers' sites use too. */
export async function readSiteInfo(root: string): Promise<{ title: string; url: string; css: string }> {
  const config = JSON.parse(await readFile(path.join(root, 'site.config.json'), 'utf8')) as { title?: string; url?: string };
  const css = await readFile(path.join(root, 'static/style.css'), 'utf8').catch(() => '');
  return { title: config.title ?? 'My Blog', url: config.url ?? 'http://localhost:3000/', css };
}
