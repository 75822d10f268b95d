/**
 * Point links of a rendered body (an HTML string, as the markdown stage and its cache give it)
 * at other hrefs. Only attributes of the start tags of the elements named are touched: the text,
 * code samples (their `<` is escaped), comments and raw-text elements stay as they are.
 */
import { toHtml } from 'hast-util-to-html';

/** Replace `from` by `to` as the value of `attribute` on `tagName` elements. */
export interface HrefRewrite {
  tagName: string;
  attribute: string;
  from: string;
  to: string;
}

/**
 * Raw-text elements and comments (skipped whole), or a start tag of a link element with its
 * attributes. hast-util-to-html writes every value in double quotes, with `"` escaped inside,
 * so an attribute's end is always the next `"`.
 */
const TAGS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(a|area|iframe)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/gi;

/** One `name="value"` attribute with the white space before it. */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+="[^"]*")/g;

/** `html` with every rewrite applied; the same string when none applies. */
export function rewriteHrefs(html: string, rewrites: readonly HrefRewrite[]): string {
  if (rewrites.length === 0) return html;
  const byTag = new Map<string, Map<string, string>>();
  for (const { tagName, attribute, from, to } of rewrites) {
    const attributes = byTag.get(tagName) ?? new Map<string, string>();
    byTag.set(tagName, attributes);
    attributes.set(serialised(tagName, attribute, from), serialised(tagName, attribute, to));
  }
  return html.replace(TAGS, (whole, rawText: string | undefined, tagName: string | undefined) => {
    const attributes = rawText === undefined && tagName ? byTag.get(tagName.toLowerCase()) : undefined;
    if (!attributes) return whole;
    return whole.replace(ATTRIBUTE, (attribute, space: string, pair: string) => space + (attributes.get(pair) ?? pair));
  });
}

/** `name="value"` exactly as hast-util-to-html writes it (its escaping of `&` and `"` included). */
function serialised(tagName: string, attribute: string, value: string): string {
  const tag = toHtml({ type: 'element', tagName, properties: { [attribute]: value }, children: [] });
  return new RegExp(ATTRIBUTE.source).exec(tag)?.[2] ?? '';
}
