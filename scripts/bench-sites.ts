/**
 * The sites `npm run bench` builds: a generated site for us, and beside it (`<site>-peers/`) the
 * same corpus as an Eleventy project and, when Hugo is on PATH, as a Hugo site.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSite } from './generate-site.ts';
import { readCorpus } from './peers/corpus.ts';
import { readSiteInfo, writeEleventySite } from './peers/eleventy-site.ts';
import { writeHugoSite } from './peers/hugo-site.ts';

/** What a site folder may hold: what generation, builds and dev put there. Anything else means a wrong --site. */
const SITE_ENTRIES = new Set(['content', 'static', 'dist', '.cache', 'site.config.json']);

/** One corpus in the three shapes: our site root, the Eleventy project, the Hugo site (when Hugo is here). */
export interface Sites {
  posts: number;
  root: string;
  eleventy: string;
  hugo: string | undefined;
}

/** Generate `posts` posts into `root` afresh, so a previous run's edits are undone, with the project's stylesheet. */
async function prepareSite(root: string, posts: number): Promise<void> {
  if (existsSync(root)) {
    const stray = (await readdir(root)).filter((entry) => !SITE_ENTRIES.has(entry));
    if (stray.length > 0) throw new Error(`${root} holds ${stray.slice(0, 3).join(', ')}: not a bench site; pass an empty or new --site DIR`);
  }
  await generateSite(root, posts);
  await mkdir(path.join(root, 'static'), { recursive: true });
  await writeFile(path.join(root, 'static/style.css'), await readFile(new URL('../static/style.css', import.meta.url), 'utf8'));
}

/** Generate the corpus at `root` and write the peers' copies of it beside it. */
export async function prepareSites(root: string, posts: number, { hugo, peers = true }: { hugo: boolean; peers?: boolean }): Promise<Sites> {
  await prepareSite(root, posts);
  const sites: Sites = { posts, root, eleventy: `${root}-peers/eleventy`, hugo: hugo ? `${root}-peers/hugo` : undefined };
  if (!peers) return sites;
  const corpus = await readCorpus(root);
  const info = await readSiteInfo(root);
  await writeEleventySite(sites.eleventy, corpus, info);
  if (sites.hugo) await writeHugoSite(sites.hugo, corpus, info);
  return sites;
}
