/**
 * Markdown fixtures: `test/fixtures/markdown/<case>/input.md` → `output.html` (body) and `excerpt.html`.
 * Regenerate deliberately with `npx vitest run test/markdown -u` and review the diff.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.ts';
import { normalizePost } from '../../src/content/normalize/index.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import type { RawPost, SiteConfig } from '../../src/types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/markdown');
const CONFIG: SiteConfig = { title: 'T', description: '', url: 'https://example.org/blog/', language: 'en', timezone: 'UTC', postsPerPage: 10 };

/** Read a fixture the way the content stage does, then normalise and render it. */
async function render(name: string) {
  const absolutePath = path.join(FIXTURES, name, 'input.md');
  const file = new VFile({ path: `${name}/input.md`, value: await readFile(absolutePath, 'utf8') });
  file.data.absolutePath = absolutePath;
  const parsed = parseFrontMatter(String(file.value));
  if (!parsed.ok) throw new Error(`fixture ${name} has bad front matter`);
  const raw: RawPost = { file, relPath: `${name}.md`, frontMatter: parsed.frontMatter, mtime: new Date(0) };
  const post = normalizePost(raw, { config: CONFIG, authors: new Map(), tags: new Map(), now: new Date(), report: () => undefined });
  const postPaths = new Map([
    [absolutePath, post.path],
    [path.join(FIXTURES, name, 'other.md'), 'posts/other/'],
  ]);
  const rendered = renderMarkdown(post, { basePath: '/blog/', contentDir: FIXTURES, staticDirs: [], postPaths })!;
  return { rendered, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) };
}

const cases = readdirSync(FIXTURES).sort();

describe('markdown fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const { rendered } = await render(name);
    await expect(rendered.html + '\n').toMatchFileSnapshot(path.join(FIXTURES, name, 'output.html'));
    await expect(rendered.excerptHtml + '\n').toMatchFileSnapshot(path.join(FIXTURES, name, 'excerpt.html'));
  });

  it('takes the first # heading as the title and removes only that one', async () => {
    const { rendered } = await render('title-heading');
    expect(rendered.title).toBe('The Real Title');
    expect(rendered.html).not.toContain('The Real Title');
    expect(rendered.html).toContain('<h1 id="a-second-h1-stays">A second h1 stays</h1>');
  });

  it('records local assets and warns, positioned, about missing ones and missing posts', async () => {
    const { rendered, messages } = await render('links');
    expect([...rendered.assets]).toEqual([[path.join(FIXTURES, 'links/pixel.png'), 'posts/links/pixel.png']]);
    expect(messages).toEqual([
      '5:59 broken-link Link to a post that does not exist or is not published: ./nope.md',
      `9:29 missing-asset Missing local file ./missing.png (looked for ${path.relative(process.cwd(), path.join(FIXTURES, 'links/missing.png'))})`,
      '9:61 missing-asset Missing local file /static/logo.png#center (not in static/)',
      '11:1 missing-asset Missing local file /static/big.png (not in static/)',
    ]);
  });

  it('resolves, checks and copies a front matter image like a body image', async () => {
    const { rendered, messages } = await render('social-image');
    expect(rendered.image).toBe('/blog/posts/social-image/card.png');
    expect([...rendered.assets]).toEqual([[path.join(FIXTURES, 'social-image/card.png'), 'posts/social-image/card.png']]);
    expect(messages).toEqual([]);
  });

  it('derives a plain-text summary from the excerpt when there is no description', async () => {
    const { rendered } = await render('excerpt-first-paragraph');
    expect(rendered.summary).toBe('The first paragraph is the excerpt.');
  });
});
