/**
 * Markdown fixtures: `test/fixtures/markdown/<case>/input.md` (or `input.mdx`) → `output.html` (body) and `excerpt.html`.
 * Regenerate deliberately with `npx vitest run test/markdown -u` and review the diff.
 */
import { existsSync, readdirSync } from 'node:fs';
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

/** Read a fixture the way the content stage does (or take `text` as its input), then normalise and render it. */
async function render(name: string, text?: string) {
  const input = existsSync(path.join(FIXTURES, name, 'input.mdx')) ? 'input.mdx' : 'input.md';
  const absolutePath = path.join(FIXTURES, name, input);
  const file = new VFile({ path: `${name}/${input}`, value: text ?? (await readFile(absolutePath, 'utf8')) });
  file.data.absolutePath = absolutePath;
  const parsed = parseFrontMatter(String(file.value));
  if (!parsed.ok) throw new Error(`fixture ${name} has bad front matter`);
  const raw: RawPost = { file, relPath: `${name}${path.extname(input)}`, frontMatter: parsed.frontMatter, mtime: new Date(0) };
  const post = normalizePost(raw, { config: CONFIG, authors: new Map(), tags: new Map(), now: new Date(), report: () => undefined });
  const postPaths = new Map([
    [absolutePath, post.path],
    [path.join(FIXTURES, name, 'other.md'), 'posts/other/'],
    // A Jekyll-style dated post, for `{% post_url %}` and Hugo refs to a post that moved.
    [path.join(FIXTURES, name, '2014-01-01-welcome.md'), 'posts/welcome/'],
    [path.join(FIXTURES, name, 'other.mdx'), 'posts/other-mdx/'],
  ]);
  const site = { title: CONFIG.title, description: 'A test blog' };
  const rendered = renderMarkdown(post, { basePath: '/blog/', cwd: process.cwd(), contentDir: FIXTURES, staticDirs: [], postPaths, site })!;
  return { rendered, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) };
}

const cases = readdirSync(FIXTURES).sort();

describe('markdown fixtures', () => {
  it.each(cases)('%s', async (name) => {
    const { rendered } = await render(name);
    await expect(rendered.html + '\n').toMatchFileSnapshot(path.join(FIXTURES, name, 'output.html'));
    await expect(rendered.excerptHtml + '\n').toMatchFileSnapshot(path.join(FIXTURES, name, 'excerpt.html'));
    // The outline only where a fixture has one, so a fixture whose outline goes missing still fails.
    const toc = path.join(FIXTURES, name, 'toc.json');
    if (rendered.toc.length > 0 || existsSync(toc)) await expect(JSON.stringify(rendered.toc, null, 2) + '\n').toMatchFileSnapshot(toc);
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

  it('copies scripts, stylesheets, icons, media, captions and embeds next to the post, and warns about missing ones', async () => {
    const { rendered, messages } = await render('page-assets');
    const dir = path.join(FIXTURES, 'page-assets');
    expect([...rendered.assets].sort()).toEqual(
      ['captions.vtt', 'chart.css', 'chart.js', 'clip.webm', 'diagram.svg', 'poster.png', 'sound.ogg'].map((name) => [path.join(dir, name), `posts/page-assets/${name}`]),
    );
    expect(messages).toEqual([
      `11:1 missing-asset Missing local file ./missing.js (looked for ${path.relative(process.cwd(), path.join(dir, 'missing.js'))})`,
      '12:1 missing-asset Missing local file /js/site.js (not in static/)',
    ]);
  });

  it('resolves Zola @/ links from content/ and reports the unknown ones as broken links', async () => {
    const { rendered, messages } = await render('zola-links');
    expect([...rendered.assets].sort()).toEqual([
      [path.join(FIXTURES, 'links/pixel.png'), 'assets/links/pixel.png'],
      [path.join(FIXTURES, 'zola-links/notes.txt'), 'posts/zola-links/notes.txt'],
    ]);
    expect(messages).toEqual([
      '6:31 broken-link Link to a Zola section, which this blog has no page for: @/zola-links/_index.md',
      '7:1 broken-link Link to a post that does not exist or is not published: @/zola-links/nope.md',
      '7:39 broken-link Link to a file that is not in content/: @/zola-links/nope.pdf',
    ]);
  });

  it("copies a file from outside the post's folder under assets/, where it is in content/", async () => {
    const { rendered, messages } = await render('images', '# Elsewhere\n\n![A pixel](../links/pixel.png)\n');
    expect(rendered.html).toContain('src="/blog/assets/links/pixel.png"');
    expect([...rendered.assets]).toEqual([[path.join(FIXTURES, 'links/pixel.png'), 'assets/links/pixel.png']]);
    expect(messages).toEqual([]);
  });

  it('resolves, checks and copies a front matter image like a body image', async () => {
    const { rendered, messages } = await render('social-image');
    expect(rendered.image).toBe('/blog/posts/social-image/card.png');
    expect([...rendered.assets]).toEqual([[path.join(FIXTURES, 'social-image/card.png'), 'posts/social-image/card.png']]);
    expect(messages).toEqual([]);
  });

  it('highlights code in the excerpt too, but keeps language labels out of the summary', async () => {
    const { rendered } = await render('code-blocks');
    expect(rendered.excerptHtml).toContain('<span class="code-lang" data-pagefind-ignore="">TypeScript</span>');
    expect(rendered.summary).toBe(`Intro with inline <code>, which stays as it is. const ok: boolean = 1 < 2 && "<b>&amp;</b>" !== '';`);
  });

  it('gives headings anchor links in the body only, and the h2/h3 outline without footnote calls', async () => {
    const { rendered } = await render('headings-toc');
    expect(rendered.excerptHtml).toBe('<h2 id="getting-started">Getting started</h2>\n<p>The first paragraph.</p>\n');
    expect(rendered.summary).toBe('Getting started The first paragraph.');
    expect(rendered.toc.map((entry) => entry.text)).toEqual(['Getting started', 'Install blog & run it', 'Notes', 'Quoted heading', 'Hand-written HTML heading']);
  });

  it('reads image sizes from the files and warns, positioned, about one it cannot read', async () => {
    const { rendered, messages } = await render('images');
    expect(rendered.html.match(/<img [^>]*>/g)!.map((img) => /width="(\d+)" height="(\d+)"/.exec(img)?.slice(1).join('x') ?? '-')).toEqual([
      '3x2', '16x16', '40x20', '30x10', '-', '3x2', '-', '3x2', '-',
    ]);
    expect(rendered.html.match(/loading="lazy"/g)).toHaveLength(7);
    expect(messages).toEqual(['13:1 image-size Cannot read the size of broken.png: Invalid PNG']);
  });

  it('warns, positioned, about callouts of unknown types and keeps their content', async () => {
    const known = 'known: note, tip, info, important, warning, caution, danger';
    const admonitions = await render('admonitions');
    expect(admonitions.messages).toEqual([`67:1 unknown-callout Unknown callout type "foo": shown as ordinary content (${known})`]);
    expect(admonitions.rendered.html).toContain('<p>Kept title</p>\n<p>An unknown type keeps its content, with a warning.</p>');
    const alerts = await render('github-alerts');
    expect(alerts.messages).toEqual([`40:1 unknown-callout Unknown callout type "FOO": shown as ordinary content (${known})`]);
    expect(alerts.rendered.html).toContain('<blockquote>\n<p>An unknown type keeps its content, with a warning.</p>\n</blockquote>');
  });

  it('derives a plain-text summary from the excerpt when there is no description', async () => {
    const { rendered } = await render('excerpt-first-paragraph');
    expect(rendered.summary).toBe('The first paragraph is the excerpt.');
  });

  it('skips image-only paragraphs for the excerpt and the summary: lists show text', async () => {
    const { rendered } = await render('excerpt-image-first');
    expect(rendered.excerptHtml).toBe('<p>The <em>first</em> paragraph with text is the summary.</p>');
    expect(rendered.summary).toBe('The first paragraph with text is the summary.');
  });

  it('leaves images, figures, embeds and diagrams out of an excerpt before the marker, keeping text, links, code and math', async () => {
    const text = [
      '---\ntitle: T\n---\n',
      'Intro with ![an icon](https://example.org/i.png) inline, a [link](https://example.org/) and `code`.\n',
      '[![Slides](https://example.org/s.png)](https://example.org/s.pdf)\n',
      '<figure><img src="https://example.org/f.png" alt="F"><figcaption>A caption</figcaption></figure>\n',
      '<div class="embed"><iframe src="https://www.youtube-nocookie.com/embed/x" title="Talk"></iframe></div>\n',
      '<video src="https://example.org/v.mp4" controls></video>\n',
      '<p><span class="katex"><svg width="1" height="1"></svg>x</span> and <svg width="2" height="2"></svg>drawn.</p>\n',
      '```ts\nexport const a = 1;\n```\n',
      '<!-- more -->\n\nAfter.\n',
    ].join('\n');
    const { rendered } = await render('excerpt-image-first', text);
    expect(rendered.excerptHtml).not.toMatch(/<(img|figure|iframe|video|picture)\b/);
    expect(rendered.excerptHtml).not.toContain('Slides');
    expect(rendered.excerptHtml).not.toContain('A caption');
    expect(rendered.excerptHtml).toContain('<p>Intro with  inline, a <a href="https://example.org/">link</a> and <code>code</code>.</p>');
    // KaTeX's own SVG stays with its math; a bare SVG drawing goes.
    expect(rendered.excerptHtml).toContain('<p><span class="katex"><svg width="1" height="1"></svg>x</span> and drawn.</p>');
    expect(rendered.excerptHtml).toContain('class="code-block"');
    // The body keeps all of them.
    expect(rendered.html).toMatch(/<iframe[^>]*youtube/);
  });

  it('takes the first paragraph with text when the excerpt before the marker is only an image', async () => {
    const text = '---\ntitle: T\n---\n\n![Cover](https://example.org/c.png)\n\n<!-- more -->\n\nAfter the marker.\n';
    const { rendered } = await render('excerpt-image-first', text);
    expect(rendered.summary).toBe('After the marker.');
  });

  it('an explicit description still wins over the first paragraph with text', async () => {
    const text = '---\ntitle: T\ndescription: Written.\n---\n\n![Cover](https://example.org/c.png)\n\nText.\n';
    const { rendered } = await render('excerpt-image-first', text);
    expect(rendered.summary).toBe('Written.');
  });

  it('takes explicit heading ids, reporting empty, malformed and repeated ones at their place', async () => {
    const { rendered, messages } = await render('heading-id-explicit');
    expect(rendered.html).not.toMatch(/\{[#:.-]/);
    expect(messages).toEqual([
      '28:10 heading-id Heading id "start" is already used in this post; this heading gets "start-1"',
      '30:10 heading-id Empty heading id "{#}": the heading keeps the id made from its text',
      '32:11 heading-id Heading attributes not understood and left out: "id"',
    ]);
    const titled = await render('heading-id-explicit', '# The Title {#top}\n\nBody.\n');
    expect(titled.rendered.title).toBe('The Title');
  });

  it('renders MDX components as static HTML, reporting at their place what needs JavaScript', async () => {
    const { rendered, messages } = await render('mdx-components');
    const outsideCode = rendered.html.replace(/<div class="code-block"[\s\S]*?<\/pre><\/div>/g, '');
    expect(outsideCode).not.toMatch(/<link|<\/?[A-Z]|\{[^}]*\}|import |export /);
    expect(rendered.html.match(/<summary>[^<]*<\/summary>/g)).toEqual([
      '<summary>Apple</summary>', '<summary>Orange</summary>', '<summary>npm</summary>', '<summary>Yarn</summary>',
      '<summary>Click to expand</summary>', '<summary>Plain HTML details</summary>',
    ]);
    expect(messages.filter((message) => /unknown-component|mdx-/.test(message))).toEqual([
      '98:1 unknown-component Component <MyChart> needs a JavaScript runtime to show; left out, its content kept',
      '100:1 unknown-component Component <MyChart> needs a JavaScript runtime to show; left out, its content kept',
      '104:14 mdx-expression JavaScript expression {props.count} needs a JavaScript runtime to show; left out',
      '106:23 mdx-expression Attribute data-kind={kind} needs a JavaScript runtime; left out',
    ]);
  });

  it('reads a Docusaurus .md post as MDX: imports gone, tabs with blank lines, indented Markdown, {" "}', async () => {
    const { rendered, messages } = await render('mdx-docusaurus-md');
    expect(rendered.html).not.toMatch(/import |<\/?[A-Z]|\{' '\}|<pre[^>]*><code><span class="line"><span>Indented/);
    expect(rendered.html).toContain('and <abbr title="JavaScript XML">JSX</abbr>');
    expect(rendered.excerptHtml).not.toContain('Install it');
    expect(messages.filter((message) => /unknown-component|mdx-/.test(message))).toEqual([]);
  });

  it('drops MDX comments everywhere, keeping {/* truncate */} as the excerpt marker and {/* #id */} as an id', async () => {
    const { rendered, messages } = await render('mdx-comments');
    expect(rendered.html).not.toMatch(/\{\/\*|\*\/\}|truncate/);
    expect(rendered.excerptHtml).toBe('<p>First paragraph goes on.</p>\n');
    expect(rendered.toc.map(({ id, text }) => `${id} ${text}`)).toEqual(['setup-steps Setup', 'why-this-works Why this works']);
    expect(messages).toEqual([]);
  });

  it('reads an .mdx post that is not valid MDX as Markdown, without its component tags', async () => {
    const { rendered, messages } = await render('mdx-invalid');
    expect(rendered.html).toContain('<a href="/blog/posts/other-mdx/">a link</a>');
    expect(rendered.html).not.toMatch(/<link|<\/?[A-Z]|<\/?tab|\{\/\*/);
    expect(messages).toEqual([
      '5:4 mdx-syntax Not valid MDX (Unexpected character `3` (U+0033) before name, expected a character that can start a name, such as a letter, `$`, or `_`); read as Markdown instead',
      '7:1 unknown-component <Tabs> is not an HTML element: its tags are left out, its content kept',
      '8:1 unknown-component <TabItem> is not an HTML element: its tags are left out, its content kept',
    ]);
  });

  it('keeps a Markdown post whose JSX is only in code as Markdown', async () => {
    const { rendered, messages } = await render('mdx-code-only');
    expect(rendered.html).toContain('<span>&#x3C;Indented code={stays} /></span>');
    expect(rendered.html).toContain('<p>A set {1, 2} stays text.</p>');
    expect(messages).toEqual([]);
  });
});
