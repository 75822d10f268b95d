/**
 * remark plugin: callouts. A container directive whose name is a callout kind (`:::tip[Title]`,
 * or one another plugin made, such as an MDX `<Admonition>`) and a GitHub alert (`> [!TIP]`)
 * become `<div class="callout callout-tip" role="note">`, led by `<p class="callout-title">`.
 * Runs last among the remark plugins, so it converts directives the plugins before it made.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Element } from 'hast';
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Options as ToHastOptions } from 'remark-rehype';
import type { VFile } from 'vfile';
import { addMessage } from '../../messages.ts';
import { alertOf } from './alerts.ts';
import { CALLOUT_KINDS, calloutKind, type CalloutKind } from './kinds.ts';

const KNOWN = Object.keys(CALLOUT_KINDS).join(', ');

/** Turn every callout of the tree into its HTML shape; report and unwrap directives of unknown kinds. */
export default function remarkCallouts() {
  return (tree: Root, file: VFile): void => convertIn(tree, file);
}

type Handlers = NonNullable<ToHastOptions['handlers']>;

/**
 * remark-rehype handlers: a callout is a block like a block quote, each child on a line of its own
 * (mdast-util-to-hast's fallback for unknown nodes runs them together, and so would their text).
 */
export const calloutHandlers: Handlers = {
  containerDirective(state, node) {
    const result: Element = { type: 'element', tagName: 'div', properties: {}, children: state.wrap(state.all(node), true) };
    state.patch(node, result);
    return state.applyData(node, result);
  },
};

function convertIn(parent: Parent, file: VFile): void {
  for (let index = 0; index < parent.children.length; index++) {
    let node: RootContent = parent.children[index]!;
    if (node.type === 'blockquote') {
      const alert = alertOf(node, file);
      if (alert && calloutKind(alert.name)) parent.children[index] = node = alert;
      else if (alert) node.children = unknown(alert, file);
    }
    if (node.type === 'containerDirective') {
      const kind = calloutKind(node.name);
      if (kind === undefined) {
        // Its content takes its place, and is looked at in turn.
        parent.children.splice(index, 1, ...unknown(node, file));
        index--;
        continue;
      }
      toCallout(node, kind);
    }
    // Callouts are flow content: nothing inside a paragraph, heading or table can be one.
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') convertIn(node, file);
  }
}

/** The label paragraph of a directive (`[Title]`), taken out of its children; undefined when it has none. */
function takeLabel(directive: ContainerDirective): Paragraph | undefined {
  const first = directive.children[0];
  if (first?.type !== 'paragraph' || !first.data?.directiveLabel) return undefined;
  directive.children.shift();
  return first;
}

function toCallout(directive: ContainerDirective, kind: CalloutKind): void {
  const label = takeLabel(directive);
  const name = CALLOUT_KINDS[kind];
  const own = label !== undefined && toString(label).trim() !== '' ? label.children : undefined;
  const title: PhrasingContent[] = own === undefined ? [{ type: 'text', value: name }] : [...kindFor(own, name), ...own];
  directive.children.unshift({
    type: 'paragraph',
    data: { hProperties: { className: ['callout-title'] } },
    // Bold, so the title reads as one where no style sheet says so: in feed readers.
    children: [{ type: 'strong', children: title }],
    position: label?.position,
  });
  directive.data = { ...directive.data, hName: 'div', hProperties: { className: ['callout', `callout-${kind}`], role: 'note' } };
}

/**
 * An own title replaces the kind's name, which the border colour alone would then carry: say it
 * in text that only screen readers and unstyled readers (feeds) show, unless the title says it.
 */
function kindFor(title: PhrasingContent[], name: string): PhrasingContent[] {
  if (toString(title).trim().toLowerCase() === name.toLowerCase()) return [];
  return [{ type: 'emphasis', data: { hName: 'span', hProperties: { className: ['visually-hidden'] } }, children: [{ type: 'text', value: `${name}: ` }] }];
}

/** Report a directive or alert of a kind the theme does not know; its content, the title first, is kept as it is. */
function unknown(directive: ContainerDirective, file: VFile): ContainerDirective['children'] {
  addMessage(file, `Unknown callout type "${directive.name}": shown as ordinary content (known: ${KNOWN})`, {
    place: directive.position?.start ?? { line: 1, column: 1 },
    ruleId: 'unknown-callout',
    severity: 'warning',
  });
  const label = takeLabel(directive);
  const title: Paragraph[] = label && label.children.length > 0 ? [{ type: 'paragraph', children: label.children, position: label.position }] : [];
  return [...title, ...directive.children];
}
