/**
 * Point links of a rendered body (an HTML string, as the markdown stage and its cache give it)
 * at other hrefs. Only attributes of the start tags of the elements named are touched: the text,
 * code samples (their `<` is escaped), comments and raw-text elements stay as they are.
 */
import { toHtml } from 'hast-util-to-html';
import { asciiLower, endTagAfter, forwardFinder } from '../../shared/forward-finder.ts';

/** Replace `from` by `to` as the value of `attribute` on `tagName` elements. */
export interface HrefRewrite {
  tagName: string;
  attribute: string;
  from: string;
  to: string;
}

/** Elements whose content is raw text (`<` and all), skipped whole. */
const RAW_TEXT = new Set(['script', 'style']);

/** Elements whose start tags are rewritten. */
const LINKING = new Set(['a', 'area', 'iframe']);

/** A start tag's name, just after its `<`. */
const NAME = /[A-Za-z][^\s/>]*/y;

/**
 * One attribute with the white space before it: `name` alone, or `name="` (its value runs to the
 * next `"`: hast-util-to-html writes every value in double quotes, with `"` escaped inside).
 */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(=")?/y;

/** The end of a start tag. */
const TAG_END = /\s*\/?>/y;

/** One `name="value"` attribute with the white space before it: how `serialised` reads toHtml's output. */
const SERIALISED = /(\s+)([^\s"'>/=]+="[^"]*")/;

/**
 * `html` with every rewrite applied; the same string when none applies. One forward pass over
 * the body: comments and raw-text elements are skipped whole, every other start tag is read
 * attribute by attribute, and only those of the elements named are touched. The regex this
 * replaces looked for `-->` or `</script>` from every `<!--` or `<script` and read attribute
 * lists from every `<a` (attribute values keep their `<` raw): quadratic, minutes for 1 MB.
 */
export function rewriteHrefs(html: string, rewrites: readonly HrefRewrite[]): string {
  if (rewrites.length === 0) return html;
  const byTag = new Map<string, Map<string, string>>();
  for (const { tagName, attribute, from, to } of rewrites) {
    const attributes = byTag.get(tagName) ?? new Map<string, string>();
    byTag.set(tagName, attributes);
    attributes.set(serialised(tagName, attribute, from), serialised(tagName, attribute, to));
  }
  const lower = asciiLower(html);
  const find = forwardFinder(lower);
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const end = find('-->', open + 4);
      if (end === -1) break;
      at = end + 3;
      continue;
    }
    const tag = startTag(html, open + 1, find);
    if (!tag.ok) {
      // Not a start tag: what was read is text, so no character is read twice.
      at = Math.max(tag.at, open + 1);
      continue;
    }
    at = tag.end;
    const name = tag.name.toLowerCase();
    if (RAW_TEXT.has(name)) {
      const end = endTagAfter(lower, name, at, find);
      if (end === -1) break;
      at = end;
      continue;
    }
    const attributes = LINKING.has(name) ? byTag.get(name) : undefined;
    for (const attribute of attributes ? tag.attributes : []) {
      const to = attributes!.get(html.slice(attribute.start, attribute.end));
      if (to === undefined) continue;
      parts.push(html.slice(copied, attribute.start), to);
      copied = attribute.end;
    }
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

/** A start tag read from just after its `<`: its name, its `name="value"` attributes' places, and where it ends; or where reading stopped. */
type StartTag = { ok: true; name: string; attributes: Array<{ start: number; end: number }>; end: number } | { ok: false; at: number };

function startTag(html: string, from: number, find: (needle: string, from: number) => number): StartTag {
  NAME.lastIndex = from;
  const name = NAME.exec(html)?.[0];
  if (name === undefined) return { ok: false, at: from };
  const attributes: Array<{ start: number; end: number }> = [];
  let at = from + name.length;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const attribute = ATTRIBUTE.exec(html);
    if (!attribute) break;
    const start = at + attribute[1]!.length;
    at += attribute[0].length;
    if (attribute[3] === undefined) continue;
    const quote = find('"', at);
    if (quote === -1) return { ok: false, at: html.length };
    attributes.push({ start, end: quote + 1 });
    at = quote + 1;
  }
  TAG_END.lastIndex = at;
  const end = TAG_END.exec(html);
  return end ? { ok: true, name, attributes, end: at + end[0].length } : { ok: false, at };
}

/** `name="value"` exactly as hast-util-to-html writes it (its escaping of `&` and `"` included). */
function serialised(tagName: string, attribute: string, value: string): string {
  const tag = toHtml({ type: 'element', tagName, properties: { [attribute]: value }, children: [] });
  return SERIALISED.exec(tag)?.[2] ?? '';
}
