/**
 * A shortcode call, Hugo's `{{< name >}}` / `{{% name %}}` or a Liquid/Nunjucks tag that is not
 * Liquid's own (an Eleventy shortcode, a Jekyll plugin tag): the site's template of that name if
 * there is one, else a built-in (hugo-shortcodes.ts), else a warning, keeping a paired call's inner text.
 */
import { parseArgs } from './args.ts';
import type { Expander, Mode } from './expand.ts';
import { builtinFor } from './hugo-shortcodes.ts';
import type { Construct } from './scan.ts';
import { scopeOf, siteAnswer } from './scope.ts';
import { hasTemplate, renderTemplate, templateAnswer } from './shortcode-templates.ts';

/** Names a template's scope gives meaning to: a named argument of one of these names is only in `params`. */
const RESERVED = new Set(['params', 'args', 'inner', 'name', 'page', 'site']);

/** Liquid's and Nunjucks' own logic, variables and includes: what a template would say for these makes no sense. */
const LIQUID_LOGIC = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture', 'assign', 'increment', 'decrement', 'cycle', 'include', 'include_relative', 'render', 'layout', 'block', 'extends', 'set', 'macro', 'call', 'filter', 'import', 'from', 'liquid', 'echo']);

/** Expand one call; returns where scanning goes on. */
export function callShortcode(construct: Construct, expander: Expander, mode: Mode): number {
  const { env } = expander;
  const { name } = construct;
  const syntax = written(construct);
  if (construct.closing) {
    expander.report(`${syntax} closes no shortcode: left out`, 'unknown-shortcode', 'warning', construct.start);
    expander.replace(construct.start, construct.end, '');
    return construct.end;
  }
  const closer = construct.selfClosing ? undefined : expander.closerOf(construct, expander.text.length, mode);
  // Whichever way it renders now, a template of this name appearing or changing changes it.
  env.deps.push({ lookup: `shortcode:${name}`, answer: templateAnswer(env.shortcodes, name) });
  if (hasTemplate(env.shortcodes, name)) return siteShortcode(construct, closer, expander, mode);
  const builtin = builtinFor(construct);
  if (builtin) return builtin(construct, closer, expander, mode);
  const kept = closer ? ', its inner text kept' : '';
  expander.report(
    construct.type === 'tag' && LIQUID_LOGIC.has(name)
      ? `Liquid's ${syntax} is not run in posts: left out${kept}`
      : `Unknown ${construct.type === 'shortcode' ? 'shortcode' : 'tag'} ${syntax}: left out${kept}; add templates/shortcodes/${name}.liquid to render it`,
    'unknown-shortcode',
    'warning',
    construct.start,
  );
  expander.replace(construct.start, construct.end, '');
  if (!closer) return construct.end;
  expander.expand(construct.end, closer.start, mode);
  expander.replace(closer.start, closer.end, '');
  return closer.end;
}

/** The call's head as a reader recognises it: `{{< name >}}`, `{% name %}`. */
export function written(construct: Construct): string {
  const slash = construct.closing ? '/' : '';
  const close = construct.delimiter === '<' ? '>' : '%';
  return construct.type === 'shortcode' ? `{{${construct.delimiter} ${slash}${construct.name} ${close}}}` : `{% ${construct.name} %}`;
}

/**
 * `templates/shortcodes/<name>.liquid` with the call's arguments: named ones as variables and in
 * `params`, positional ones in `args`, a paired call's inner text (its own calls expanded) in
 * `inner`, and `page` and `site`. Hugo's `{{< >}}` output is HTML, kept away from markdown; the
 * output of `{{% %}}` and of Liquid tags is markdown, read as part of the post, as those generators do.
 */
/** Stands for a paired call's markdown content in a template's output: letters only, so no escaping changes it. */
const INNER_TOKEN = 'blogsmithInnerContent7f3a';

function siteShortcode(construct: Construct, closer: Construct | undefined, expander: Expander, mode: Mode): number {
  const { env } = expander;
  const args = parseArgs(construct.args);
  const inner = closer ? expander.expandToString(construct.end, closer.start, mode) : undefined;
  env.deps.push({ lookup: 'site', answer: siteAnswer(env.site) });
  const named = Object.fromEntries(Object.entries(args.named).filter(([key]) => !RESERVED.has(key)));
  // Markdown-mode block content (several lines) goes through the template as a token and is put back
  // between blank lines: inside the template's HTML block it would be raw HTML, never read as markdown
  // (Hugo renders it with `.Inner | markdownify`), and escaping would show a code block's `<` as `&lt;`.
  const block = construct.delimiter !== '<' && inner !== undefined && inner.includes('\n');
  const scope = { ...named, params: args.named, args: args.positional, inner: block ? INNER_TOKEN : inner, name: construct.name, ...scopeOf(env) };
  const result = renderTemplate(env.shortcodes!, construct.name, scope);
  if (block && !('error' in result)) result.output = result.output.split(INNER_TOKEN).join(`\n\n${inner!.trim()}\n\n`);
  const end = closer?.end ?? construct.end;
  if ('error' in result) {
    expander.report(`Shortcode template templates/shortcodes/${construct.name}.liquid failed: ${result.error}`, 'shortcode-template', 'error', construct.start);
    expander.replace(construct.start, end, inner ?? '');
  } else if (construct.delimiter === '<') {
    expander.replaceWithHtml(construct.start, end, result.output);
  } else {
    expander.replace(construct.start, end, result.output);
  }
  return end;
}
