/**
 * Jekyll's and Eleventy's Liquid (and Nunjucks) in post bodies, which those generators render
 * before markdown: `{% raw %}`, `{% comment %}`, `{% highlight %}`, `{% post_url %}`, `{% link %}`,
 * and outputs like `{{ site.baseurl }}/x.png` or `{{ "/x" | relative_url }}`. Any other tag is a
 * shortcode (calls.ts). Outputs are evaluated by LiquidJS against the few values a post can mean.
 */
import { Liquid } from 'liquidjs';
import { parseArgs } from './args.ts';
import { callShortcode } from './calls.ts';
import { fenceBlock, restBlank, startsLine } from './code-fence.ts';
import type { Expander, Mode } from './expand.ts';
import { inUrlPlace, postUrl } from './post-links.ts';
import type { Construct } from './scan.ts';
import { scopeOf, siteAnswer } from './scope.ts';
import { hasTemplate, templateAnswer } from './shortcode-templates.ts';

/** Paired tags whose inner text is literal, by opening name. */
const RAW = new Map([['raw', 'endraw'], ['verbatim', 'endverbatim']]);

/** Branch markers of Liquid's own blocks: whoever reported the block reported these. */
const BRANCHES = new Set(['else', 'elsif', 'elif', 'when', 'empty', 'break', 'continue']);

/** Expand one Liquid/Nunjucks tag. */
export function liquidTag(construct: Construct, expander: Expander, mode: Mode): number {
  const { name } = construct;
  const raw = RAW.get(name);
  if (raw !== undefined) return rawBlock(construct, raw, expander, mode);
  // In code only raw markers act; a lone end marker (its opener was elsewhere) stays as written there.
  if (mode === 'code') return construct.end;
  // A site template of the name wins over what the tag means to Jekyll; whether there is one is a
  // lookup too, so a template added later (`highlight.liquid`) renders cached posts again.
  expander.env.deps.push({ lookup: `shortcode:${name}`, answer: templateAnswer(expander.env.shortcodes, name) });
  if (hasTemplate(expander.env.shortcodes, name)) return callShortcode(construct, expander, mode);
  if (name === 'comment') {
    const end = endTag(expander.text, 'endcomment', construct.end);
    expander.replace(construct.start, end?.end ?? construct.end, '');
    return end?.end ?? construct.end;
  }
  if (name === 'highlight') {
    const close = expander.closerOf(construct, expander.text.length, mode);
    if (close) return fenceBlock(expander, construct, close, String(parseArgs(construct.args).positional[0] ?? ''));
  }
  if (name === 'post_url' || name === 'link') {
    expander.replace(construct.start, construct.end, postUrl(construct, expander));
    return construct.end;
  }
  if (BRANCHES.has(name) || name === 'endraw' || name === 'endverbatim') {
    expander.replace(construct.start, construct.end, '');
    return construct.end;
  }
  return callShortcode(construct, expander, mode);
}

/** `{% raw %}…{% endraw %}`: the markers go (a marker alone on a line of code takes its line along), the inner text stays as written. */
function rawBlock(open: Construct, closeName: string, expander: Expander, mode: Mode): number {
  const { text } = expander;
  const close = endTag(text, closeName, open.end);
  if (close === undefined) {
    // Unpaired in code it is just text about Liquid (`{% raw %}` in backticks); in prose Jekyll would stop.
    if (mode === 'code') return open.end;
    expander.report(`{% ${open.name} %} without {% ${closeName} %}: the marker is left out`, 'unknown-shortcode', 'warning', open.start);
    expander.replace(open.start, open.end, '');
    return open.end;
  }
  removeMarker(expander, open.start, open.end, mode === 'code' || expander.inCode(open.start));
  removeMarker(expander, close.start, close.end, mode === 'code' || expander.inCode(close.start));
  return close.end;
}

/** Remove a raw marker; in code, one alone on its line takes the line along (no empty first line in the block). */
function removeMarker(expander: Expander, start: number, end: number, inCode: boolean): void {
  const { text } = expander;
  if (inCode && startsLine(text, start) && restBlank(text, end)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    expander.replace(lineStart, lineEnd === -1 ? text.length : lineEnd + 1, '');
  } else {
    expander.replace(start, end, '');
  }
}

/** The first `{% name %}` tag from `from`, found in the text as it is (raw and comment bodies hold anything). */
function endTag(text: string, name: string, from: number): { start: number; end: number } | undefined {
  const pattern = new RegExp(`{%-?\\s*${name}\\s*-?%}`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** `{{ expression }}`: its value as text, or left out with a warning when it names what a post cannot know. */
export function liquidOutput(construct: Construct, expander: Expander): number {
  const { env } = expander;
  if (/\bsite\b/.test(construct.args)) env.deps.push({ lookup: 'site', answer: siteAnswer(env.site) });
  let value = '';
  try {
    value = String(outputEngine.parseAndRenderSync(`{{ ${construct.args} }}`, scopeOf(env)) ?? '');
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/, line:\d+, col:\d+$/, '');
    expander.report(`Cannot read {{ ${construct.args} }} (${reason}): left out`, 'unknown-variable', 'warning', construct.start);
    // An empty link would be reported again as one: `#` leads nowhere, quietly.
    if (inUrlPlace(expander, construct.start)) value = '#';
  }
  expander.replace(construct.start, construct.end, value);
  return construct.end;
}

/** Root-relative: links.ts adds the base path, and feeds make every URL absolute. */
function rootRelative(value: unknown): string {
  const url = String(value ?? '');
  return /^(?:[a-z][a-z\d+.-]*:|\/\/|\/|#)/i.test(url) ? url : `/${url}`;
}

const outputEngine = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, renderLimit: 1_000 });
// Jekyll's URL filters and Eleventy's `url`: the base path is ours to add.
for (const name of ['relative_url', 'absolute_url', 'url']) outputEngine.registerFilter(name, rootRelative);
