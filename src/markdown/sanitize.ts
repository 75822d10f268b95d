/**
 * rehype plugin: with `sanitize: true` in the site config, post bodies go through rehype-sanitize
 * (GitHub's rules) for sites that publish authors they don't trust: no script, style, iframe or
 * event handler, and only http(s), mailto and relative URLs (`javascript:` links lose their href).
 * It runs right after raw HTML is parsed, so the check stage sees what is published, and before
 * heading ids, code highlighting and anchors, which the site adds itself.
 */
import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema, type Options } from 'rehype-sanitize';
import type { VFile } from 'vfile';
import { CALLOUT_KINDS } from './callouts/kinds.ts';

const ATTRIBUTES = defaultSchema.attributes ?? {};

/**
 * GitHub's schema, with its `user-content-` prefix on `name` (an `<img name="querySelector">`
 * would shadow `document.querySelector` and break the theme's script) but not on ids:
 * remark-rehype already gives footnotes that prefix, and their links point at it.
 * Callouts (callouts/index.ts) keep their classes and role, and only those.
 */
const SCHEMA: Options = {
  ...defaultSchema,
  clobber: ['name'],
  attributes: {
    ...ATTRIBUTES,
    div: [...(ATTRIBUTES.div ?? []), ['className', 'callout', ...Object.keys(CALLOUT_KINDS).map((kind) => `callout-${kind}`)], ['role', 'note']],
    p: [...(ATTRIBUTES.p ?? []), ['className', 'callout-title']],
    span: [...(ATTRIBUTES.span ?? []), ['className', 'visually-hidden']],
  },
};

export default function rehypeSanitizeWhenAsked() {
  const sanitize = rehypeSanitize(SCHEMA) as unknown as (tree: Root) => Root;
  return (tree: Root, file: VFile): Root | undefined => (file.data.links?.sanitize ? sanitize(tree) : undefined);
}
