/**
 * A drawing as a page shows it: an image with a name for screen readers, and ids of its own.
 * Mermaid prefixes some ids with the id it drew with and leaves others as they are (`actor1`,
 * `root-0` in sequence diagrams), so two diagrams on one page would share ids; every id is
 * renamed under a prefix per page and diagram, with every reference to it.
 */
import { DRAWING_ID } from './mermaid-browser.ts';

/**
 * The drawing as an image named by the diagram's title (`accTitle:`, a `title:` in its front
 * matter), else its first line, on a white ground (it reads in dark mode and in feeds alike),
 * and without the attributes the HTML checker rejects (see `validSvg`).
 */
export function accessibleSvg(drawing: string, source: string): string {
  const label = `Diagram: ${titleOf(drawing, source) ?? firstLine(source)}`;
  const svg = validSvg(drawing);
  return svg.replace(/^<svg\b[^>]*>/, (open) =>
    open
      .replace(/\s(?:role|aria-roledescription|aria-labelledby)="[^"]*"/g, '')
      .replace(/^<svg/, `<svg role="img" aria-label="${escapeAttribute(label)}"`)
      // The theme's lines and labels are dark greys: on a dark page they need their own white ground.
      .replace(/\sstyle="([^"]*)"/, (_, style: string) => ` style="${style.replace(/;?\s*$/, ';')} background-color: white;"`),
  );
}

/** Shapes that take no box of their own: Mermaid 11 gives some a `width`, `height` or `viewBox` anyway. */
const SHAPE = /<(circle|ellipse|line|path|polygon|polyline)\b([^>]*)>/g;

/**
 * Mermaid's SVG without the attributes SVG does not have, which the W3C checker reports (found by
 * checking a page of every common diagram kind): `name` on sequence diagrams' shapes, a box on
 * shapes (state and flowchart circles, class diagram paths), empty `font-weight`/`font-style`.
 */
export function validSvg(svg: string): string {
  return svg
    .replace(/(<[a-zA-Z]+\b[^>]*?)\sname="[^"]*"/g, '$1')
    .replace(SHAPE, (_, tag: string, attributes: string) => `<${tag}${attributes.replace(/\s(?:width|height|viewBox)="[^"]*"/g, '')}>`)
    .replace(/\s(?:font-weight|font-style)=""/g, '');
}

function titleOf(svg: string, source: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? /^\s*(?:accTitle\s*:|title\s*:?)\s*(.+)$/m.exec(source)?.[1];
  const text = title && decodeText(title).trim();
  return text || undefined;
}

function firstLine(source: string): string {
  return source.split('\n').find((line) => line.trim() !== '' && line.trim() !== '---')?.trim() ?? 'Mermaid';
}

/** Characters that can stand after `#` in an id reference (`url(#x)`, `href="#x"`, `#x .node` in the style). */
const REFERENCE = /#([A-Za-z_][\w-]*)/g;

/** Every id of the drawing under `prefix`, unique on its page: the drawing's own id becomes `prefix`. */
export function uniqueIds(drawing: string, prefix: string): string {
  // Ids Mermaid made from the id it drew with, and references to them, even to ids it never defined.
  const svg = drawing.replaceAll(DRAWING_ID, prefix);
  const renamed = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!id!.includes(prefix)) renamed.set(id!, `${prefix}-${id}`);
  if (renamed.size === 0) return svg;
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/(\s(?:id|aria-labelledby|aria-describedby)=")([^"]+)"/g, (_, attribute: string, ids: string) => `${attribute}${ids.split(/\s+/).map(rename).join(' ')}"`)
    .replace(REFERENCE, (match, id: string) => (renamed.has(id) ? `#${rename(id)}` : match));
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function decodeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
