/**
 * The components MDX blogs use most, as the static HTML that shows what they show, with no script:
 * Docusaurus's Tabs/TabItem (every tab's content, each under its label: a `<details open>` per tab,
 * which any reader can fold, in a `<div class="tabs">`), Admonition (the callout node remark-directive
 * makes of `:::tip[Title]`, so one callout plugin serves both), Details, Link, CodeBlock, Highlight,
 * and the image components of Docusaurus, Astro and Next (`Image`, `ThemedImage`, `IdealImage`).
 */
import type { Code, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { evaluate } from './evaluate.ts';
import { attributeValue, element, propertiesOf, report, short, stringAttribute, text, type Context, type JsxElement } from './elements.ts';

/** One component: the element, the context, and its children turned into HTML-ready nodes (in a given context). */
export type Component = (node: JsxElement, context: Context, children: (context?: Context) => RootContent[]) => RootContent[];

/** Attributes a link keeps from `Link`'s props. */
const LINK_ATTRIBUTES = /^(?:to|href|title|target|rel|id|class|className|download|hreflang|lang|aria-.+|data-.+)$/;

/** Attributes an image keeps from an image component's props. */
const IMAGE_ATTRIBUTES = /^(?:alt|title|width|height|id|class|className|loading|decoding)$/;

const tabs: Component = (node, context, children) => {
  // The older API: `<Tabs values={[{ label: 'Apple', value: 'apple' }]}>`.
  const values = attributeValue(node, 'values', context);
  const labels = new Map<string, string>();
  if (Array.isArray(values)) {
    for (const entry of values as Array<Record<string, unknown>>) if (entry?.value !== undefined) labels.set(String(entry.value), String(entry.label ?? entry.value));
  }
  return [element(node, 'div', { className: ['tabs'] }, children({ ...context, tabLabels: labels }))];
};

const tabItem: Component = (node, context, children) => {
  const value = stringAttribute(node, 'value', context);
  const label = stringAttribute(node, 'label', context) ?? (value === undefined ? undefined : (context.tabLabels?.get(value) ?? value)) ?? 'Tab';
  const summary = element(node, 'summary', {}, [text(node, label)]);
  return [element(node, 'details', { className: ['tab'], open: true }, [summary, ...children()])];
};

const admonition: Component = (node, context, children) => {
  const title = stringAttribute(node, 'title', context);
  const body = children();
  const label: RootContent[] = title === undefined ? [] : [{ type: 'paragraph', data: { directiveLabel: true }, children: [text(node, title) as never] } as RootContent];
  const blocks = node.type === 'mdxJsxTextElement' ? [{ type: 'paragraph', children: body } as RootContent] : body;
  const directive = { type: 'containerDirective', name: stringAttribute(node, 'type', context) ?? 'note', attributes: {}, children: [...label, ...blocks], position: node.position };
  return [directive as ContainerDirective];
};

const details: Component = (node, context, children) => {
  const summary = stringAttribute(node, 'summary', context);
  const head = summary === undefined ? [] : [element(node, 'summary', {}, [text(node, summary)])];
  return [element(node, 'details', propertiesOf(node, context, (name) => name !== 'summary'), [...head, ...children()])];
};

const link: Component = (node, context, children) => [element(node, 'a', propertiesOf(node, context, (name) => LINK_ATTRIBUTES.test(name), { to: 'href' }), children())];

const image: Component = (node, context) => {
  const sources = attributeValue(node, 'sources', context) as Record<string, unknown> | undefined;
  // IdealImage's `img={require('./x.png')}`, maybe as `{ src }`.
  const ideal = attributeValue(node, 'img', context) as { src?: unknown } | string | undefined;
  const src = [attributeValue(node, 'src', context), typeof ideal === 'object' ? ideal.src : ideal, sources?.light, sources?.dark].find((value) => typeof value === 'string');
  if (src === undefined) {
    report(context, `<${node.name}> has no src that can be known without JavaScript; left out`, node.position?.start);
    return [];
  }
  const img = element(node, 'img', { ...propertiesOf(node, context, (name) => IMAGE_ATTRIBUTES.test(name)), src: src as string }, []);
  // On its own lines it is a block, as a Markdown image alone in its paragraph is.
  return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: [img as never], position: node.position }] : [img];
};

/**
 * Docusaurus's `<Highlight color="#25c2a0">` sets only the background; the text keeps the page's
 * colour, light in dark mode, which on a mid-tone background fails contrast. The text colour is
 * picked against the background (WCAG luminance); a colour that is not hex keeps the theme's mark.
 */
function highlightStyle(color: string | undefined): string | undefined {
  const hex = /^#(?:([\da-f])([\da-f])([\da-f])|([\da-f]{2})([\da-f]{2})([\da-f]{2}))$/i.exec(color?.trim() ?? '');
  if (!hex) return undefined;
  const channels = (hex[1] ? [hex[1] + hex[1], hex[2]! + hex[2], hex[3]! + hex[3]] : [hex[4]!, hex[5]!, hex[6]!]).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  // Black wins when its contrast, (L + 0.05) / 0.05, beats white's, 1.05 / (L + 0.05).
  const text = (luminance + 0.05) ** 2 > 0.0525 ? '#000' : '#fff';
  return `background-color: ${color!.trim()}; color: ${text}`;
}

const highlight: Component = (node, context, children) => {
  const style = highlightStyle(stringAttribute(node, 'color', context));
  return [element(node, 'mark', style === undefined ? {} : { style }, children())];
};

const kbd: Component = (node, _, children) => [element(node, 'kbd', {}, children())];

const codeBlock: Component = (node, context) => {
  const lang = stringAttribute(node, 'language', context) ?? stringAttribute(node, 'className', context)?.replace(/^language-/, '');
  const title = stringAttribute(node, 'title', context);
  const value = codeText(node.children as RootContent[], context).replace(/^\n|\n$/g, '');
  const code: Code = { type: 'code', lang: lang ?? null, meta: title === undefined ? null : `title="${title}"`, value, position: node.position };
  return [code];
};

/** The source text a CodeBlock holds: its text, and the strings of its expressions (`{`…`}`). */
function codeText(nodes: readonly RootContent[], context: Context): string {
  return nodes
    .map((node) => {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        const result = evaluate(node.value, new Map());
        if (typeof result?.value === 'string') return result.value;
        report(context, `Code {${short(node.value)}} needs a JavaScript runtime; left out`, node.position?.start);
        return '';
      }
      if ('value' in node) return node.value;
      return 'children' in node ? codeText(node.children as RootContent[], context) : '';
    })
    .join(nodes.some((node) => node.type === 'paragraph') ? '\n\n' : '');
}

/** The known components by name. */
export const COMPONENTS: Readonly<Record<string, Component>> = {
  Tabs: tabs,
  TabItem: tabItem,
  Admonition: admonition,
  Details: details,
  Link: link,
  Image: image,
  Img: image,
  Picture: image,
  ThemedImage: image,
  IdealImage: image,
  Highlight: highlight,
  Kbd: kbd,
  CodeBlock: codeBlock,
};
