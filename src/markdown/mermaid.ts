/**
 * rehype plugin: a ```` ```mermaid ```` fence becomes a placeholder for its diagram. Drawing needs
 * a browser, which a worker thread cannot share and a cached result must not depend on, so this
 * stage only marks the place: `<figure class="diagram" data-diagram="N">` around the code block
 * (labelled "Mermaid"), and the source on `file.data.diagrams[N]`. After the markdown stage, the
 * main thread puts each diagram's SVG in its figure, or leaves the code block (media/mermaid.ts).
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { Point } from '../types.ts';
import { walk } from '../shared/walk.ts';

// The placeholder this plugin writes is read back by media/mermaid.ts (its PLACEHOLDER): `<figure class="diagram" data-diagram="N">`.

/** One diagram of a post: its source and where its fence starts. */
export interface DiagramSource {
  source: string;
  place?: Point;
}

declare module 'vfile' {
  interface DataMap {
    /** The post's Mermaid diagrams in order: `data-diagram="N"` is the N-th. */
    diagrams: DiagramSource[];
  }
}

/** Wrap every Mermaid code block (code-blocks.ts made it) in a numbered placeholder. */
export default function rehypeMermaid() {
  return (tree: Root, file: VFile): void => {
    walk<Element>(tree, 'element', (node, index, parent) => {
      if (node.properties.dataLang !== 'mermaid' || parent === undefined || index === undefined) return;
      const pre = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'pre');
      if (pre === undefined) return;
      const diagrams = (file.data.diagrams ??= []);
      const start = node.position?.start;
      diagrams.push({ source: toString(pre), ...(start ? { place: { line: start.line, column: start.column } } : {}) });
      // Shiki does not know Mermaid: the label it would have had.
      node.children.unshift({ type: 'element', tagName: 'span', properties: { className: ['code-lang'] }, children: [{ type: 'text', value: 'Mermaid' }] });
      (parent.children as Element[])[index] = { type: 'element', tagName: 'figure', properties: { className: ['diagram'], dataDiagram: String(diagrams.length - 1) }, children: [node], position: node.position };
      return 'skip';
    });
  };
}
