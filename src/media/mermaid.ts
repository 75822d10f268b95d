/**
 * Mermaid diagrams drawn into the placeholders the markdown stage left (markdown/mermaid.ts), on
 * the main thread after that stage, for a build and the dev session alike. Each drawing is cached
 * by its source, Mermaid's version and config in `.cache/mermaid/`, failures too: a warm build
 * launches no browser. Only when some drawing is missing does one browser start, draw all of
 * them, and close. Without Chromium the code block stays, with an info message per diagram.
 */
import { digest, type CacheBucket } from '../cache/store.ts';
import { addMessage } from '../messages.ts';
import type { Point, RenderedPost } from '../types.ts';
import { DEFAULT_CHROMIUM, MERMAID_CONFIG, MERMAID_VERSION, chromiumMissing, openChromium, type DiagramRenderer, type Drawing } from './mermaid-browser.ts';
import { accessibleSvg, uniqueIds } from './mermaid-svg.ts';

/** How diagrams are drawn: the build's Chromium, or (tests) a renderer of one's own. */
export interface DiagramOptions {
  /** Chromium's executable: `CHROMIUM_PATH`, else /usr/bin/chromium. */
  chromium?: string;
  /** Opens the renderer instead of Chromium (tests count its drawings). */
  open?: () => Promise<DiagramRenderer>;
  /**
   * Draw nothing new (`check`, which writes no pages: no browser for it): drawings and errors come
   * from the cache, and diagrams not in it stay code blocks without a message.
   */
  cachedOnly?: boolean;
}

/** What the cache keeps per diagram: the drawing, made accessible, or Mermaid's error. */
export type CachedDrawing = Drawing;

/** Changes whenever what is done to Mermaid's SVG before caching it (mermaid-svg.ts) changes. */
const SVG_FORMAT = '3';

/** Every diagram's key: its text, and everything else its drawing depends on. */
export function drawingKey(source: string): string {
  return digest('mermaid', MERMAID_VERSION, JSON.stringify(MERMAID_CONFIG), SVG_FORMAT, source);
}

/**
 * The posts with their diagrams drawn (new objects; posts without diagrams are returned as they
 * are), and a message on each post's file for every diagram that was not.
 */
export async function drawDiagrams(posts: readonly RenderedPost[], cache: CacheBucket<CachedDrawing>, options: DiagramOptions = {}): Promise<RenderedPost[]> {
  const withDiagrams = posts.filter((post) => post.diagrams?.length && PLACEHOLDER_TEST.test(post.html));
  if (withDiagrams.length === 0) return [...posts];
  const drawings = new Map<string, CachedDrawing>();
  const missing = new Set<string>();
  const sources = new Map<string, string>();
  for (const post of withDiagrams) {
    for (const { source } of post.diagrams!) {
      const key = drawingKey(source);
      if (drawings.has(key) || missing.has(key)) continue;
      const cached = cache.get(key);
      if (cached) drawings.set(key, cached);
      else {
        missing.add(key);
        sources.set(key, source);
      }
    }
  }
  if (options.cachedOnly) for (const key of missing) drawings.set(key, { error: '' });
  const notDrawn = missing.size > 0 && !options.cachedOnly ? await drawMissing([...missing].map((key) => [key, sources.get(key)!] as const), drawings, cache, options) : undefined;
  const filled = new Map(withDiagrams.map((post) => [post, fill(post, drawings, notDrawn)]));
  return posts.map((post) => filled.get(post) ?? post);
}

/**
 * A placeholder the markdown stage (markdown/mermaid.ts) left in rendered HTML: `$1` its number, `$2`
 * the code block. Its code is escaped text, so its first `</figure>` is its own. Defined here, not
 * there: the markdown stage comes after this one (it imports media/image-plan.ts).
 */
const PLACEHOLDER = /<figure class="diagram" data-diagram="(\d+)">([\s\S]*?)<\/figure>/g;
const PLACEHOLDER_TEST = new RegExp(PLACEHOLDER.source);

/** Draw what the cache lacks in one browser, closed whatever happens; returns why nothing could be drawn, if so. */
async function drawMissing(
  missing: ReadonlyArray<readonly [string, string]>,
  drawings: Map<string, CachedDrawing>,
  cache: CacheBucket<CachedDrawing>,
  options: DiagramOptions,
): Promise<string | undefined> {
  const executable = options.chromium ?? DEFAULT_CHROMIUM;
  const absent = options.open ? undefined : chromiumMissing(executable);
  if (absent) return absent;
  let renderer: DiagramRenderer;
  try {
    renderer = await (options.open ?? (() => openChromium(executable)))();
  } catch (error) {
    return `Chromium (${executable}) did not start: ${firstLineOf((error as Error).message)}`;
  }
  try {
    for (const [key, source] of missing) {
      const drawing = await renderer.draw(source);
      const kept = 'svg' in drawing ? { svg: accessibleSvg(drawing.svg, source) } : drawing;
      drawings.set(key, kept);
      cache.set(key, kept);
    }
  } finally {
    await renderer.close();
  }
  return undefined;
}

/** The post with each placeholder replaced: the drawing, or the code block it holds. */
function fill(post: RenderedPost, drawings: ReadonlyMap<string, CachedDrawing>, notDrawn: string | undefined): RenderedPost {
  const file = post.raw.file;
  const diagrams = post.diagrams!;
  // Ids unique across every page that may show this post's diagrams: its own, and lists of excerpts.
  const prefix = `mermaid-${digest(post.raw.file.path).slice(0, 8)}`;
  const reported = new Set<number>();
  const replace = (html: string) =>
    html.replace(PLACEHOLDER, (whole, index: string, codeBlock: string) => {
      const n = Number(index);
      const diagram = diagrams[n];
      if (diagram === undefined) return whole;
      const drawing = drawings.get(drawingKey(diagram.source));
      if (drawing && 'svg' in drawing) return `<figure class="diagram">${uniqueIds(drawing.svg, `${prefix}-${n}`)}</figure>`;
      // Once per diagram, though the excerpt may show it too.
      if (!reported.has(n)) {
        reported.add(n);
        report(file, diagram, drawing, notDrawn);
      }
      return codeBlock;
    });
  const html = replace(post.html);
  const excerptHtml = replace(post.excerptHtml);
  const drawn = diagrams.map(({ source }) => drawings.get(drawingKey(source)) ?? null);
  return { ...post, html, excerptHtml, digest: digest(post.digest, JSON.stringify(drawn)) };
}

function report(file: RenderedPost['raw']['file'], diagram: { source: string; place?: Point }, drawing: CachedDrawing | undefined, notDrawn: string | undefined): void {
  // Not drawn by `check`, which does not say so.
  if (drawing && 'error' in drawing && drawing.error === '') return;
  if (drawing && 'error' in drawing) {
    // "Parse error on line 3: …": line 3 of the diagram is 3 lines below the fence.
    const line = Math.min(Number(/line (\d+)/.exec(drawing.error)?.[1] ?? 0), diagram.source.split('\n').length);
    const place = diagram.place && line > 0 ? { line: diagram.place.line + line, column: 1 } : diagram.place;
    addMessage(file, `Mermaid diagram not drawn: ${mermaidReason(drawing.error)}`, { place, ruleId: 'mermaid-error', severity: 'warning' });
    return;
  }
  addMessage(file, `Mermaid diagram not drawn (${notDrawn ?? 'not drawn'}); shown as code`, { place: diagram.place, ruleId: 'mermaid-not-drawn', severity: 'info' });
}

/** Mermaid's message on one line, without the caret drawing under the source line it quotes. */
function mermaidReason(error: string): string {
  const lines = error.split('\n').filter((line) => !/^-*\^$/.test(line.trim()));
  // "Parse error on line 3:", the quoted source, "Expecting …": the quote repeats the post's own text.
  const kept = /^Parse error on line \d+:$/.test(lines[0] ?? '') ? [lines[0], ...lines.slice(2)] : lines;
  return kept.join(' ').replace(/\s+/g, ' ').trim();
}

function firstLineOf(text: string): string {
  return text.split('\n')[0]!.trim();
}
