/**
 * rehype plugin: highlight code blocks at build time, so readers get colours without any script.
 * Each block becomes
 * `<div class="code-block" data-lang="ts"><span class="code-lang" data-pagefind-ignore>TypeScript</span><pre class="shiki …" tabindex="0"><code>…</code></pre></div>`:
 * the theme's CSS picks the light or dark variables, and its script adds a copy button to the div.
 * A block without a language, or in one we do not highlight, keeps the wrapper without a label.
 */
import type { Element, ElementContent, Root } from 'hast';
import { walk } from '../shared/walk.ts';
import { languageOf } from './shiki.ts';
import { highlightShared } from './shiki-memo.ts';

/** Replace every markdown code block (`pre > code`, text only) with its highlighted block. */
export default function rehypeCodeBlocks() {
  return (tree: Root): void => {
    walk<Element>(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || parent === undefined || index === undefined) return;
      const code = codeOf(node);
      if (code === undefined) return;
      parent.children[index] = codeBlock(code.text, code.lang, node);
      return 'skip';
    });
  };
}

/** The code and language of a `<pre>` as markdown makes it; undefined for a hand-written `<pre>` with attributes or markup. */
function codeOf(pre: Element): { text: string; lang?: string } | undefined {
  if (Object.keys(pre.properties).length > 0 || pre.children.length !== 1) return undefined;
  const code = pre.children[0]!;
  if (code.type !== 'element' || code.tagName !== 'code' || !code.children.every((child) => child.type === 'text')) return undefined;
  const classes = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
  const lang = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
  // remark-rehype ends the text with the fence's last line ending; Shiki would make it an empty line.
  const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('').replace(/\n$/, '');
  return { text, lang: lang || undefined };
}

function codeBlock(text: string, lang: string | undefined, pre: Element): Element {
  const highlighted = highlightShared(text, lang).children[0] as Element;
  const known = lang === undefined ? undefined : languageOf(lang);
  const children: ElementContent[] = [highlighted];
  // Real text, so readers, screen readers and feed readers get it; but not for the search index, where
  // it ran into the code's first word ("TypeScriptexport") in every excerpt that showed the block.
  if (known !== undefined) children.unshift({ type: 'element', tagName: 'span', properties: { className: ['code-lang'], dataPagefindIgnore: '' }, children: [{ type: 'text', value: known.label }] });
  return {
    type: 'element',
    tagName: 'div',
    properties: lang === undefined ? { className: ['code-block'] } : { className: ['code-block'], dataLang: lang.toLowerCase() },
    children,
    position: pre.position,
  };
}
