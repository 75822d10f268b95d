/**
 * JSX elements as HTML elements: the mdast node keeps its place and children and gets the HTML
 * element to become (`data.hName`, `data.hProperties`, which remark-rehype applies to nodes it
 * does not know). Attributes are read as JSX writes them (`className`, `htmlFor`, `style={{…}}`,
 * `src={cover}`) and given their HTML names; a value that needs JavaScript is reported and left out.
 */
import type { Properties } from 'hast';
import type { RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { find, html } from 'property-information';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { addMessage } from '../../messages.ts';
import { evaluate, type Imports } from './evaluate.ts';

/** A JSX element of the tree, on its own lines (flow) or inside text. */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** What the MDX plugin carries down the tree. */
export interface Context {
  file: VFile;
  /** Names the post imports, for `src={cover}`. */
  imports: Imports;
  /** Inside `<Tabs values={[…]}>`: each tab's label by its value. */
  tabLabels?: ReadonlyMap<string, string>;
}

/** `source` as the HTML element `tagName`, with `children` (already turned into HTML-ready nodes). */
export function element(source: JsxElement, tagName: string, properties: Properties, children: RootContent[]): JsxElement {
  return { type: source.type, name: source.name, attributes: [], children, position: source.position, data: { hName: tagName, hProperties: properties } } as JsxElement;
}

/** A text node at `source`'s place. */
export function text(source: JsxElement, value: string): RootContent {
  return { type: 'text', value, position: source.position };
}

/** The value of attribute `name`: its string, `true` when bare, an expression's static value; undefined when absent or unknowable (reported). */
export function attributeValue(node: JsxElement, name: string, context: Context): unknown {
  const attribute = node.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  return attribute === undefined ? undefined : valueOf(attribute, context);
}

/** The attribute's value when it is a string or a number; undefined otherwise. */
export function stringAttribute(node: JsxElement, name: string, context: Context): string | undefined {
  const value = attributeValue(node, name, context);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * The element's attributes as hast properties, under their HTML names. `keep` picks the attributes
 * that mean something in HTML (a component's own props do not); `rename` maps props to attributes
 * (`Link`'s `to` to `href`).
 */
export function propertiesOf(node: JsxElement, context: Context, keep: (name: string) => boolean = () => true, rename: Record<string, string> = {}): Properties {
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(context, `Spread attribute {${short(attribute.value)}} needs a JavaScript runtime; left out`, attribute.position?.start ?? node.position?.start);
      continue;
    }
    if (!keep(attribute.name)) continue;
    const value = valueOf(attribute, context);
    const name = rename[attribute.name] ?? attribute.name;
    const info = find(html, name);
    const property = name === 'style' && isObject(value) ? css(value) : value;
    if (typeof property === 'string') properties[info.property] = info.spaceSeparated || info.commaSeparated ? property.split(info.commaSeparated ? /\s*,\s*/ : /\s+/).filter(Boolean) : property;
    else if (typeof property === 'number' || typeof property === 'boolean') properties[info.property] = property;
    // An object or list a component would have used (`data={[1, 2]}`, `dangerouslySetInnerHTML`) has no attribute form.
    else if (property !== undefined && property !== null) report(context, `Attribute ${attribute.name} holds a JavaScript ${Array.isArray(property) ? 'list' : 'object'}; left out`, attribute.position?.start);
  }
  return properties;
}

function valueOf(attribute: MdxJsxAttribute, context: Context): unknown {
  if (attribute.value === null || attribute.value === undefined) return true;
  if (typeof attribute.value === 'string') return attribute.value;
  const result = evaluate(attribute.value.value, context.imports);
  if (result === undefined) report(context, `Attribute ${attribute.name}={${short(attribute.value.value)}} needs a JavaScript runtime; left out`, attribute.position?.start);
  return result?.value;
}

/** Report something the post says in JavaScript that a static page cannot show. */
export function report(context: Context, reason: string, place: Point | undefined): void {
  addMessage(context.file, reason, { place, ruleId: 'mdx-expression', severity: 'warning' });
}

/** An expression's text, cut for a message. */
export function short(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** React's style properties that take plain numbers; every other number is in pixels. */
const UNITLESS = new Set(['flex', 'flexGrow', 'flexShrink', 'fontWeight', 'lineHeight', 'opacity', 'order', 'zIndex', 'zoom']);

/** A React style object as the CSS React writes for it: `{ marginTop: 8 }` → `margin-top: 8px`. */
function css(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([name, value]) => {
      const unit = typeof value === 'number' && value !== 0 && !UNITLESS.has(name) ? 'px' : '';
      return `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${String(value)}${unit}`;
    })
    .join('; ');
}
