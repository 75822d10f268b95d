/**
 * Text for feeds, escaped the way each place in the `feed` package's XML wants it.
 * xml-js (under `feed`) splits only the first `]]>` of a CDATA section and escapes only `"` in
 * attributes, so the gaps are closed here.
 */

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Stands in for `<` inside attributes: xml-js escapes only `"` there and the feed package
 * escapes only `&`, so a `<` would make the feed ill-formed. It is itself an XML-invalid
 * character, so `xmlText` has removed every other occurrence before it is swapped for `&lt;`.
 */
export const LT_PLACEHOLDER = '\u0001';

/** Text for an XML document: characters XML cannot carry are dropped. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * Text for a CDATA section written by xml-js, which splits only the first `]]>`:
 * every later one is split here, so any number of them stays inside the section.
 */
export function cdataText(text: string): string {
  const clean = xmlText(text);
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  return clean.slice(0, first + 3) + clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}

/** Plain text as HTML, for fields that feed readers render as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text for an attribute value the feed package writes unescaped (see LT_PLACEHOLDER). */
export function attributeText(text: string): string {
  return xmlText(text).replaceAll('<', LT_PLACEHOLDER);
}

/** Adds a namespace or other attribute to the document element when the package left it out. */
export function ensureRootAttribute(xml: string, root: string, name: string, value: string): string {
  const open = new RegExp(`<${root}\\b[^>]*>`).exec(xml);
  if (!open || open[0].includes(` ${name}=`)) return xml;
  const at = open.index + root.length + 1;
  return `${xml.slice(0, at)} ${name}="${escapeHtml(value)}"${xml.slice(at)}`;
}
