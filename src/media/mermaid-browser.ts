/**
 * Mermaid drawn by the machine's Chromium (never a downloaded one) through playwright-core: one
 * browser and one blank page for all the diagrams a build still needs, Mermaid loaded into it
 * from node_modules (the page has no network at all), the browser closed when the build is done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One diagram's outcome: Mermaid's SVG, or its error message (a syntax error, say). */
export type Drawing = { svg: string } | { error: string };

/** Draws diagrams one after another; `close` ends it (the browser), also after a failure. */
export interface DiagramRenderer {
  draw(source: string): Promise<Drawing>;
  close(): Promise<void>;
}

/** Where the machine's Chromium is, unless `CHROMIUM_PATH` says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The flags a closed network and a container need: no sandbox, GPU, background connections or first-run work. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const require = createRequire(import.meta.url);
const MERMAID_PACKAGE = path.dirname(require.resolve('mermaid/package.json'));

/** Mermaid's version: a cached drawing holds only for the version that drew it. */
export const MERMAID_VERSION = (JSON.parse(readFileSync(path.join(MERMAID_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

/** The id Mermaid draws with; each page gets ids of its own in its place (mermaid-svg.ts). */
export const DRAWING_ID = 'blogsmith-mermaid-drawing';

/**
 * How every diagram is drawn; part of each drawing's cache key. The neutral theme's greys on a
 * white ground (mermaid-svg.ts gives the drawing its own) read in light and dark mode alike;
 * SVG text rather than HTML labels, so the drawing is SVG alone (feeds, the HTML checker);
 * `strict`: no click handlers or scripts from a diagram's text.
 */
export const MERMAID_CONFIG = { startOnLoad: false, theme: 'neutral', securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } } as const;

/** Why no browser can draw: undefined when `executable` is there. */
export function chromiumMissing(executable: string): string | undefined {
  return existsSync(executable) ? undefined : `no Chromium at ${executable} (set CHROMIUM_PATH to one)`;
}

/** Start Chromium with Mermaid loaded into a blank page. */
export async function openChromium(executable: string): Promise<DiagramRenderer> {
  // Loaded only when a diagram must be drawn: most builds never need it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: executable, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    // Nothing leaves the page: a diagram naming an image or a font URL gets nothing.
    await page.route('**/*', (route) => route.abort());
    await page.addScriptTag({ content: readFileSync(path.join(MERMAID_PACKAGE, 'dist', 'mermaid.min.js'), 'utf8') });
    await page.evaluate((config) => (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config), MERMAID_CONFIG);
    return {
      draw: (source) =>
        page.evaluate(
          async ({ id, source }) => {
            const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            try {
              return { svg: (await mermaid.render(id, source)).svg };
            } catch (error) {
              // Mermaid leaves an error drawing in the page after a failure: gone, so the next diagram starts clean.
              document.querySelectorAll(`#${id}, #d${id}`).forEach((node) => node.remove());
              return { error: String((error as Error)?.message ?? error) };
            }
          },
          { id: DRAWING_ID, source },
        ),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
