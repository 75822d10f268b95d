/**
 * Generate a deterministic site of N posts in the styles of the seed posts (Docusaurus keys,
 * CMS objects, Hugo reference links, TOML, no front matter), ~7 KB of markdown each, with
 * tables, code and links. Used for timing builds: `tsx scripts/generate-site.ts --posts 1000 --out /tmp/site`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** A small seeded PRNG (mulberry32), so every run writes the same site. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'open source conference devroom kubernetes bare metal network talk community maintainer booth waffles brussels infrastructure sovereignty governance upstream release hallway keynote'.split(' ');
const TAGS = ['news', 'conferences', 'Open Source', 'open-source', 'Kubernetes', 'community', 'rust', 'networking', 'Go', '日本語'];
const AUTHORS = ['gerrit', 'gerrit91', 'Thierry Carrez', 'Jane Doe', 'ada'];

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

function body(next: () => number, n: number): string {
  const parts: string[] = [`Intro to post ${n}: ${sentence(next, 30)}`, '<!-- truncate -->'];
  for (let section = 1; parts.join('\n\n').length < 6500; section++) {
    parts.push(`## Section ${section}`);
    parts.push(`${sentence(next, 40)} See [the previous post](./post-${Math.max(0, n - 1)}.md) and [FOSDEM][fosdem].`);
    if (section % 2 === 0) parts.push('| Item | Count |\n| --- | ---: |\n| servers | 2000 |\n| talks | 1000 |');
    if (section % 3 === 0) parts.push('```ts\nconst answer: number = 42;\nconsole.log(answer);\n```');
    parts.push(`- ${sentence(next, 8)}\n- ${sentence(next, 8)}\n- [x] ${sentence(next, 5)}`);
  }
  parts.push('[fosdem]: https://fosdem.org/');
  return parts.join('\n\n') + '\n';
}

/** Posts spread evenly over 2000–2025, in the past whatever the count: a future post would not be built. */
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAYS = 26 * 365;

function frontMatter(next: () => number, n: number, count: number): string {
  const day = new Date(FIRST_DAY + Math.floor((n * DAYS) / count) * 86_400_000).toISOString().slice(0, 10);
  const tags = [TAGS[n % TAGS.length]!, TAGS[(n * 7 + 3) % TAGS.length]!];
  const author = AUTHORS[n % AUTHORS.length]!;
  switch (n % 4) {
    case 0:
      return `---\ntitle: "Post ${n}: ${sentence(next, 4).slice(0, -1)}"\ndate: ${day}T10:00:00+02:00\nauthors: [${author}]\ntags:\n  - ${tags.join('\n  - ')}\n---\n\n`;
    case 1:
      return `---\ntitle: "Post ${n}"\nauthor: ${author}\ndate: ${day}T10:00:00.000Z\ncategory:\n  - value: category-${n % 5}\n    label: ${tags[0]}\nseo:\n  description: ${sentence(next, 12)}\n---\n`;
    case 2:
      return `+++\ntitle = "Post ${n}"\ndate = ${day}\ntags = ["${tags.join('", "')}"]\n+++\n\n`;
    default:
      return `---\ntitle: Post ${n}\ndate: ${day}\ncategories: ${tags.join(', ')}\n---\n\n`;
  }
}

/** Write `count` posts plus registries into `<out>/content/`. */
export async function generateSite(out: string, count: number): Promise<void> {
  await rm(path.join(out, 'content'), { recursive: true, force: true });
  await mkdir(path.join(out, 'content/posts'), { recursive: true });
  await writeFile(path.join(out, 'content/authors.yml'), 'gerrit:\n  name: Gerrit\n  aliases: [gerrit91]\nada:\n  name: Ada Lovelace\n');
  await writeFile(path.join(out, 'site.config.json'), JSON.stringify({ title: 'Generated', url: 'https://example.org/', postsPerPage: 10 }));
  const next = random(42);
  for (let n = 0; n < count; n++) {
    await writeFile(path.join(out, 'content/posts', `post-${n}.md`), frontMatter(next, n, count) + body(next, n));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  if (!values.out) throw new Error('--out DIR is required');
  await generateSite(path.resolve(values.out), Number(values.posts));
}
