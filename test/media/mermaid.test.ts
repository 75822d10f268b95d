/**
 * Mermaid diagrams without a browser: a renderer that counts its drawings stands in for Chromium,
 * so these tests prove the placeholder, the cache (a warm build opens no renderer at all), the
 * messages, and ids unique per page. test/e2e/mermaid.test.ts draws in real Chromium.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadConfig } from '../../src/config.ts';
import type { DiagramRenderer } from '../../src/media/mermaid-browser.ts';
import { DRAWING_ID } from '../../src/media/mermaid-browser.ts';
import { accessibleSvg, uniqueIds, validSvg } from '../../src/media/mermaid-svg.ts';
import { SiteSession } from '../../src/session/site-session.ts';
import type { BuildOptions } from '../../src/types.ts';
import { readOut, runCli, tempDir } from '../helpers/cli.ts';

const FLOW = 'graph TD\n  A[Start] --> B[End]';
const SEQUENCE = 'sequenceDiagram\n  accTitle: Greeting\n  Alice->>Bob: Hi';
const BROKEN = 'graph TD\n  A -->';

const POST = `---
title: Two diagrams
date: 2025-01-02
---
Intro.

\`\`\`mermaid
${FLOW}
\`\`\`

\`\`\`mermaid
${SEQUENCE}
\`\`\`

\`\`\`mermaid
${BROKEN}
\`\`\`
`;

/** Mermaid's shape of a drawing: ids made from the drawing id, and one it leaves alone (`actor1`, as sequence diagrams do). */
function fakeSvg(source: string): string {
  const title = source.includes('accTitle') ? `<title id="chart-title-${DRAWING_ID}">Greeting</title>` : '';
  return (
    `<svg id="${DRAWING_ID}" role="graphics-document document" aria-roledescription="flowchart-v2"${title ? ` aria-labelledby="chart-title-${DRAWING_ID}"` : ''}>` +
    `${title}<style>#${DRAWING_ID} .node{fill:#eee}</style><marker id="${DRAWING_ID}_arrow"></marker><g class="node" id="actor1"><rect name="x"></rect></g>` +
    `<path marker-end="url(#${DRAWING_ID}_arrow)"></path><use href="#actor1"></use></svg>`
  );
}

/** A renderer that draws `fakeSvg`, fails on BROKEN as Mermaid does, and counts what it is asked. */
function countingRenderer() {
  const counts = { opened: 0, drawn: 0, closed: 0 };
  const open = async (): Promise<DiagramRenderer> => {
    counts.opened++;
    return {
      draw: async (source) => {
        counts.drawn++;
        return source === BROKEN ? { error: "Parse error on line 2:\ngraph TD  A -->\n---------------^\nExpecting 'AMP', got 'EOF'" } : { svg: fakeSvg(source) };
      },
      close: async () => void counts.closed++,
    };
  };
  return { counts, open };
}

async function site(): Promise<string> {
  const root = await tempDir('blog-mermaid-');
  await mkdir(path.join(root, 'content/posts'), { recursive: true });
  await writeFile(path.join(root, 'content/posts/diagrams.md'), POST);
  await writeFile(path.join(root, 'site.config.json'), JSON.stringify({ title: 'M', url: 'https://m.example/blog/', search: false }));
  return root;
}

async function buildSite(root: string, extra: Partial<BuildOptions>, written = true) {
  const config = await loadConfig(root, {}, root);
  const options: BuildOptions = { root, out: path.join(root, 'dist'), cwd: root, drafts: false, future: false, strict: false, dryRun: false, now: new Date('2026-01-01T00:00:00Z'), threads: 1, ...extra };
  const result = await build(options, config);
  expect(result.exitCode).toBe(0);
  const messages = result.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.fatal === false ? 'warning' : m.fatal ? 'error' : 'info'} ${m.ruleId} ${m.reason}`));
  return { html: written ? await readOut(path.join(root, 'dist'), 'posts/diagrams/index.html') : '', messages: messages.filter((m) => m.includes('mermaid')) };
}

describe('Mermaid diagrams', () => {
  let root = '';
  const renderer = countingRenderer();
  let cold: Awaited<ReturnType<typeof buildSite>>;
  beforeAll(async () => {
    root = await site();
    cold = await buildSite(root, { openDiagramRenderer: renderer.open });
  });

  it('draws each diagram once, in one renderer, closed at the end', () => {
    expect(renderer.counts).toEqual({ opened: 1, drawn: 3, closed: 1 });
    expect(cold.html.match(/<figure class="diagram"><svg role="img"/g)).toHaveLength(2);
  });

  it('names each drawing for screen readers: its title, else its first line', () => {
    expect(cold.html).toContain('aria-label="Diagram: graph TD"');
    expect(cold.html).toContain('aria-label="Diagram: Greeting"');
    expect(cold.html).not.toContain('aria-roledescription');
    expect(cold.html).not.toContain(' name="x"');
  });

  it('gives every diagram on the page ids of its own, references included', () => {
    const ids = [...cold.html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(cold.html).not.toContain(DRAWING_ID);
    for (const reference of cold.html.matchAll(/(?:url\(|href=")#([\w-]+)/g)) {
      if (reference[1]!.startsWith('mermaid-')) expect(ids, reference[1]).toContain(reference[1]);
    }
  });

  it("keeps a broken diagram's code block, with Mermaid's message at its line", () => {
    expect(cold.messages).toEqual(["20:1 warning mermaid-error Mermaid diagram not drawn: Parse error on line 2: Expecting 'AMP', got 'EOF'"]);
    expect(cold.html).toContain('<div class="code-block" data-lang="mermaid"><span class="code-lang">Mermaid</span>');
  });

  it('draws nothing on a warm build, even without any Chromium: the cache has every drawing and error', async () => {
    // A changed post renders its markdown again; its diagrams come from the cache.
    await writeFile(path.join(root, 'content/posts/diagrams.md'), POST.replace('Intro.', 'Intro, edited.'));
    const warm = countingRenderer();
    const again = await buildSite(root, { openDiagramRenderer: warm.open, chromium: path.join(root, 'no-chromium') });
    expect(warm.counts.opened).toBe(0);
    expect(again.html.match(/<svg role="img"/g)).toHaveLength(2);
    expect(again.messages).toEqual(cold.messages);
  });

  it('without Chromium, leaves each diagram as a labelled code block with an info message', async () => {
    const bare = await site();
    const missing = path.join(bare, 'no-chromium');
    const { html, messages } = await buildSite(bare, { chromium: missing });
    expect(html).not.toContain('<svg role="img"');
    expect(html.match(/<span class="code-lang">Mermaid<\/span>/g)).toHaveLength(3);
    expect(html).not.toContain('data-diagram');
    expect(messages).toEqual([7, 12, 18].map((line) => `${line}:1 info mermaid-not-drawn Mermaid diagram not drawn (no Chromium at ${missing} (set CHROMIUM_PATH to one)); shown as code`));
  });
});

describe('check', () => {
  it('starts no browser: cached drawings and errors only, no message for the others', async () => {
    const root = await site();
    const renderer = countingRenderer();
    const { messages } = await buildSite(root, { openDiagramRenderer: renderer.open, dryRun: true }, false);
    expect(renderer.counts.opened).toBe(0);
    expect(messages).toEqual([]);
    await buildSite(root, { openDiagramRenderer: renderer.open });
    const checked = await buildSite(root, { openDiagramRenderer: renderer.open, dryRun: true }, false);
    expect(renderer.counts.opened).toBe(1);
    expect(checked.messages).toEqual(['20:1 warning mermaid-error Mermaid diagram not drawn: Parse error on line 2: Expecting \'AMP\', got \'EOF\'']);
  });
});

describe('the dev session', () => {
  it('draws an edited diagram, the others from the cache, and files each message once', async () => {
    const root = await site();
    const renderer = countingRenderer();
    const session = new SiteSession(root, await loadConfig(root, {}, root), () => new Date('2026-01-01T00:00:00Z'), root, { open: renderer.open });
    await session.start();
    const page = () => session.output.get('posts/diagrams/index.html')!;
    const mermaidMessages = () => session.files.flatMap((file) => file.messages.filter((m) => m.ruleId?.startsWith('mermaid')).map((m) => `${m.line}:${m.ruleId}`));
    expect(page().match(/<svg role="img"/g)).toHaveLength(2);
    expect(renderer.counts.drawn).toBe(3);
    expect(mermaidMessages()).toEqual(['20:mermaid-error']);

    const file = path.join(root, 'content/posts/diagrams.md');
    await writeFile(file, POST.replace('A[Start] --> B[End]', 'A[Start] --> C[Middle] --> B[End]').replace('Intro.', 'Intro, edited.'));
    await session.update({ posts: new Set([file]), registries: false });
    expect(renderer.counts).toEqual({ opened: 2, drawn: 4, closed: 2 });
    expect(page()).toContain('Intro, edited.');
    expect(page().match(/<svg role="img"/g)).toHaveLength(2);
    expect(mermaidMessages()).toEqual(['20:mermaid-error']);
  });
});

describe('a build without Chromium', () => {
  it('is not taken as the last word: the next run, with Chromium, draws', async () => {
    const root = await site();
    const first = await runCli(['build', '--root', root], { CHROMIUM_PATH: path.join(root, 'no-chromium') });
    expect(first.stdout + first.stderr).toContain('mermaid-not-drawn');
    // Nothing changed but the browser: a run that replayed the last one would draw nothing.
    const again = await runCli(['build', '--root', root], { CHROMIUM_PATH: path.join(root, 'still-none') });
    expect(again.stdout + again.stderr).not.toContain('nothing changed');
    expect(again.stdout + again.stderr).toContain('mermaid-not-drawn');
  });
});

describe('drawings on a page', () => {
  it('renames ids and every reference to them', () => {
    const svg = uniqueIds(fakeSvg(SEQUENCE), 'mermaid-abc-1');
    expect(svg).toContain('id="mermaid-abc-1"');
    expect(svg).toContain('id="mermaid-abc-1-actor1"');
    expect(svg).toContain('href="#mermaid-abc-1-actor1"');
    expect(svg).toContain('url(#mermaid-abc-1_arrow)');
    expect(svg).toContain('#mermaid-abc-1 .node{fill:#eee}');
    expect(svg).toContain('aria-labelledby="chart-title-mermaid-abc-1"');
  });

  it('drops the attributes Mermaid 11 writes that SVG has not (the W3C checker rejects each)', () => {
    const svg = '<svg><rect name="Bob" x="1"></rect><circle r="5" width="10" height="10"></circle><path d="M0" viewBox="0 0 1 1"></path><tspan font-weight="" font-style="">a</tspan><rect width="3"></rect></svg>';
    expect(validSvg(svg)).toBe('<svg><rect x="1"></rect><circle r="5"></circle><path d="M0"></path><tspan>a</tspan><rect width="3"></rect></svg>');
  });

  it('takes a `title:` from the diagram front matter, and escapes it', () => {
    const svg = accessibleSvg('<svg id="x" role="graphics-document document"><g></g></svg>', '---\ntitle: Costs & "benefits"\n---\npie\n "a": 1');
    expect(svg).toBe('<svg role="img" aria-label="Diagram: Costs &amp; &quot;benefits&quot;" id="x"><g></g></svg>');
  });
});
