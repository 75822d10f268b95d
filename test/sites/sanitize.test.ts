/**
 * `sanitize: true`: post bodies from untrusted authors lose scripts, styles, frames, event
 * handlers and `javascript:` URLs, while what the site adds itself (heading ids and anchors,
 * footnote links, highlighted code, callouts) keeps working. Off by default: trusted authors' HTML stays.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOut, runCli, tempDir } from '../helpers/cli.ts';
import { byTag, findAll, parseHtml } from '../helpers/html.ts';

const POST = `---
title: Untrusted
date: 2025-01-02
---
Hello <script>alert(1)</script> <img src=x onerror="alert(2)" alt="x">

[click](javascript:alert(3)) <a href=" JaVaScRiPt:alert(4)">mixed case</a> <a href="https://example.org/" onclick="alert(5)">fine</a>

<iframe src="https://evil.example/"></iframe>
<style>body { display: none }</style>
<div onmouseover="alert(6)" style="position:fixed">overlay</div>

## A heading

A note.[^1]

:::tip[Careful]
A callout.
:::

\`\`\`js
const x = 1;
\`\`\`

[^1]: The footnote.
`;

/** The post body of a site built with or without `sanitize`. */
async function buildBody(sanitize: boolean | undefined): Promise<Element> {
  const root = await tempDir('blog-sanitize-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/untrusted.md'), POST);
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'S', url: 'https://s.example/', ...(sanitize === undefined ? {} : { sanitize }) }));
  const run = await runCli(['build', '--root', root, '--out', path.join(root, 'dist')]);
  expect(run.code, run.stderr).toBe(0);
  const tree = parseHtml(await readOut(path.join(root, 'dist'), 'posts/untrusted/index.html'));
  return findAll(tree, (element) => Array.isArray(element.properties.className) && element.properties.className.includes('post-body'))[0]!;
}

const inBody = (body: Element, test: (element: Element) => boolean) => findAll({ type: 'root', children: [body] }, test);

describe('sanitize: true', () => {
  let body: Element;
  beforeAll(async () => {
    body = await buildBody(true);
  }, 60_000);

  it('removes scripts, styles, frames and event handlers', () => {
    for (const tag of ['script', 'style', 'iframe']) expect(inBody(body, (element) => element.tagName === tag), tag).toEqual([]);
    const handlers = inBody(body, (element) => Object.keys(element.properties).some((key) => /^on/i.test(key)));
    expect(handlers).toEqual([]);
    expect(inBody(body, (element) => element.properties.style !== undefined && !String(element.properties.style).includes('--shiki'))).toEqual([]);
  });

  it('removes javascript: URLs in any spelling, keeps https links', () => {
    const hrefs = inBody(body, (element) => element.tagName === 'a').map((element) => element.properties.href);
    expect(hrefs.filter((href) => /script:/i.test(String(href)))).toEqual([]);
    expect(hrefs).toContain('https://example.org/');
  });

  it('keeps what the site adds: heading ids and anchors, footnote links, highlighted code, callouts', () => {
    const heading = inBody(body, (element) => element.tagName === 'h2' && element.properties.id === 'a-heading');
    expect(heading).toHaveLength(1);
    expect(inBody(body, (element) => element.properties.href === '#a-heading')).toHaveLength(1);
    const call = inBody(body, (element) => element.tagName === 'a' && String(element.properties.href).startsWith('#user-content-fn-'))[0]!;
    const target = String(call.properties.href).slice(1);
    expect(inBody(body, (element) => element.properties.id === target)).toHaveLength(1);
    expect(inBody(body, (element) => element.tagName === 'pre' && String(element.properties.style ?? '').includes('--shiki-light'))).toHaveLength(1);
    const callout = inBody(body, (element) => element.tagName === 'div' && element.properties.role === 'note')[0]!;
    expect(callout.properties.className).toEqual(['callout', 'callout-tip']);
    expect(inBody(callout, (element) => String(element.properties.className) === 'visually-hidden')).toHaveLength(1);
  });
});

describe('sanitize off (the default)', () => {
  it('keeps trusted authors\u2019 HTML as written', async () => {
    const body = await buildBody(undefined);
    expect(byTag({ type: 'root', children: [body] }, 'iframe')).toHaveLength(1);
    expect(byTag({ type: 'root', children: [body] }, 'script')).toHaveLength(1);
  }, 60_000);
});
