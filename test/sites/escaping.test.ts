/**
 * Front matter values with markup in them reach every output escaped for where they land: HTML
 * text, attributes, JSON-LD inside <script>, RSS/Atom XML and the JSON feed. Each output is parsed
 * the way its consumer parses it, and the value must come back exactly as written, with no
 * element, attribute or CDATA section of its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readOut, runCli, tempDir } from '../helpers/cli.ts';
import { byTag, jsonLd, meta, parseHtml, text } from '../helpers/html.ts';

/** Every way out of a text node, an attribute, a script, a CDATA section and a JSON string. */
const HOSTILE = `</title><script>alert("t")</script> "dq" 'sq' & ]]> </script><!-- -->`;
const DESCRIPTION = `" onmouseover="alert(1)" data-x='<b>' ]]></script>`;
const TAG = `<img src=x onerror=alert(1)>`;
const AUTHOR = `Mallory "</script>" <m@x>`;

let out: string;

/** The text of an Atom text construct: decoded as HTML when its type says so. */
function fromHtmlText(title: { '#text': string; '@_type'?: string } | string): string {
  if (typeof title === 'string') return title;
  return title['@_type'] === 'html' ? text(fromHtml(title['#text'], { fragment: true })) : title['#text'];
}

beforeAll(async () => {
  const root = await tempDir('blog-escape-');
  out = path.join(root, 'dist');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  const yaml = (value: string) => JSON.stringify(value);
  await writeFile(
    path.join(root, 'content/posts/hostile.md'),
    `---\ntitle: ${yaml(HOSTILE)}\ndescription: ${yaml(DESCRIPTION)}\ndate: 2025-01-02\ntags: [${yaml(TAG)}]\nauthor: ${yaml(AUTHOR)}\n---\nBody text.\n`,
  );
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'Esc', url: 'https://esc.example/' }));
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

describe('hostile front matter values', () => {
  it('are plain text in every HTML page: no element or attribute of their own', async () => {
    for (const file of (await listFiles(out)).filter((name) => name.endsWith('.html'))) {
      const tree = parseHtml(await readOut(out, file));
      // JSON-LD holds the values as data (checked below); no other script may hold them.
      const scripts = byTag(tree, 'script').filter((script) => script.properties.type !== 'application/ld+json');
      for (const script of scripts) expect(text(script), `${file}: a script holding a value`).not.toContain('alert(');
      for (const img of byTag(tree, 'img')) expect(img.properties.onError, file).toBeUndefined();
      const attributes = JSON.stringify(byTag(tree, 'meta').map((element) => Object.keys(element.properties)));
      expect(attributes, file).not.toMatch(/onMouseOver|dataX/);
    }
  });

  it('come back exactly as written from the post page: title, description, tag and author', async () => {
    const tree = parseHtml(await readOut(out, 'posts/hostile/index.html'));
    expect(text(byTag(tree, 'title')[0]!)).toContain(HOSTILE);
    expect(text(byTag(tree, 'h1')[0]!)).toBe(HOSTILE);
    expect(meta(tree, 'description')).toBe(DESCRIPTION);
    expect(meta(tree, 'og:title')).toBe(HOSTILE);
    const page = text(byTag(tree, 'main')[0]!);
    expect(page).toContain(TAG);
    expect(page).toContain(AUTHOR);
  });

  it('are data in JSON-LD, which cannot close its <script>', async () => {
    const html = await readOut(out, 'posts/hostile/index.html');
    const posting = jsonLd(parseHtml(html)).find((block) => block['@type'] === 'BlogPosting')!;
    expect(posting.headline).toBe(HOSTILE);
    expect(posting.description).toBe(DESCRIPTION);
    // The raw page text between the JSON-LD tags has no `<` at all, so no `</script` either.
    for (const [, inner] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(inner).not.toContain('<');
  });

  it('are well-formed, exact text in the RSS and Atom feeds', async () => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const xml = await readOut(out, file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(xml) as { rss: { channel: { item: { title: unknown } } }; feed: { entry: { title: { '#text': string; '@_type'?: string } } } };
      // Atom says its title is `type="html"`: a reader decodes that text as HTML once more.
      const title = file === 'rss.xml' ? String(parsed.rss.channel.item.title) : fromHtmlText(parsed.feed.entry.title);
      expect(title, file).toBe(HOSTILE);
    }
  });

  it('are exact strings in the JSON feed', async () => {
    const feed = JSON.parse(await readOut(out, 'feed.json')) as { items: Array<{ title: string; summary?: string; tags?: string[] }> };
    expect(feed.items[0]!.title).toBe(HOSTILE);
    expect(feed.items[0]!.summary).toBe(DESCRIPTION);
  });
});
