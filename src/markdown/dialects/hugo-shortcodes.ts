/**
 * Hugo's embedded shortcodes (gohugo.io/shortcodes): `figure`, `youtube`, `vimeo`, `gist`, `x`
 * (and the older `tweet`), `instagram`, `highlight`, `ref`, `relref`, `param`, `details`,
 * `comment`. Embeds of third-party scripts (gists, posts on X, Instagram) become plain links:
 * the blog loads no script of theirs. `youtube`, `vimeo` and `gist` also serve as Liquid tags
 * (Eleventy shortcodes, the jekyll-gist plugin), which take the id first as Hugo's do.
 */
import { toHtml } from 'hast-util-to-html';
import { argOf, isOn, parseArgs, type Args } from './args.ts';
import { fenceBlock } from './code-fence.ts';
import { figureHtml, vimeoHtml, youtubeHtml } from './embeds.ts';
import type { Expander, Mode } from './expand.ts';
import { refUrl } from './post-links.ts';
import type { Construct } from './scan.ts';
import { siteAnswer } from './scope.ts';

/** Expands one built-in call (with its closer when paired); returns where scanning goes on. */
export type Builtin = (construct: Construct, closer: Construct | undefined, expander: Expander, mode: Mode) => number;

/** A built-in that replaces the call with text or HTML made from its arguments. */
function replacing(make: (args: Args, construct: Construct, expander: Expander) => { text: string } | { html: string } | undefined): Builtin {
  return (construct, _closer, expander) => {
    const made = make(parseArgs(construct.args), construct, expander);
    if (made === undefined) {
      expander.report(`${construct.name} without the id it needs: left out`, 'unknown-shortcode', 'warning', construct.start);
      expander.replace(construct.start, construct.end, '');
    } else if ('html' in made) {
      expander.replaceWithHtml(construct.start, construct.end, made.html);
    } else {
      expander.replace(construct.start, construct.end, made.text);
    }
    return construct.end;
  };
}

/**
 * A markdown link, for embeds whose script we leave out. The label is the author's arguments
 * (`x](javascript:…) [y`): every markdown punctuation in it is escaped, so it stays text, and the
 * URL goes in angle brackets, where no `)` can end it.
 */
function linkTo(label: string, url: string): { text: string } {
  return { text: `[${label.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, '\\$&')}](<${encodeURI(url)}>)` };
}

const html = (value: string | undefined) => (value === undefined ? undefined : { html: value });

const BUILTINS: Record<string, Builtin> = {
  figure: replacing((args) => ({ html: figureHtml(args) })),
  youtube: replacing((args) => html(youtubeHtml(args))),
  vimeo: replacing((args) => html(vimeoHtml(args))),
  gist: replacing((args) => {
    const [first, second, third] = args.positional.map(String);
    // Hugo: `gist user id [file]`; jekyll-gist: `gist user/id [file]` or `gist id`.
    const [user, id, file] = first?.includes('/') ? [...first.split('/', 2), second] : second === undefined ? [undefined, first, undefined] : [first, second, third];
    if (!id) return undefined;
    const url = `https://gist.github.com/${user ? `${user}/` : ''}${id}`;
    return linkTo(`View the gist ${user ? `${user}/` : ''}${id}${file ? ` (${file})` : ''} on GitHub`, file ? `${url}#file-${file.replace(/\W/g, '-').toLowerCase()}` : url);
  }),
  x: replacing(post),
  tweet: replacing(post),
  instagram: replacing((args) => {
    const id = argOf(args, 'id', 0);
    return id ? linkTo('View this post on Instagram', `https://www.instagram.com/p/${id}/`) : undefined;
  }),
  ref: replacing((_args, construct, expander) => ({ text: refUrl(construct, expander) })),
  relref: replacing((_args, construct, expander) => ({ text: refUrl(construct, expander) })),
  param: replacing((args, construct, expander) => ({ text: param(args, construct, expander) })),
  highlight: (construct, closer, expander) => {
    if (closer) return fenceBlock(expander, construct, closer, argOf(parseArgs(construct.args), 'lang', 0) ?? '');
    expander.report(`${construct.name} without its closing shortcode: left out`, 'unknown-shortcode', 'warning', construct.start);
    expander.replace(construct.start, construct.end, '');
    return construct.end;
  },
  details: (construct, closer, expander, mode) => {
    if (!closer) return BUILTINS.comment!(construct, closer, expander, mode);
    const args = parseArgs(construct.args);
    const details = toHtml({
      type: 'element',
      tagName: 'details',
      properties: { className: argOf(args, 'class')?.split(/\s+/), open: isOn(argOf(args, 'open')), name: argOf(args, 'name'), title: argOf(args, 'title') },
      children: [{ type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: argOf(args, 'summary') ?? 'Details' }] }],
    });
    // Blank lines around the inner text: markdown reads it as markdown, not as part of an HTML block.
    expander.replace(construct.start, construct.end, `${details.replace(/<\/details>$/, '')}\n\n`);
    expander.expand(construct.end, closer.start, mode);
    expander.replace(closer.start, closer.end, '\n\n</details>');
    return closer.end;
  },
  comment: (construct, closer, expander) => {
    const end = closer?.end ?? construct.end;
    expander.replace(construct.start, end, '');
    return end;
  },
};

/** Names that are built-ins for Liquid tags too. */
const LIQUID_BUILTINS = new Set(['youtube', 'vimeo', 'gist']);

/** The built-in for a call, if there is one. */
export function builtinFor(construct: Construct): Builtin | undefined {
  if (!Object.hasOwn(BUILTINS, construct.name)) return undefined;
  return construct.type === 'shortcode' || LIQUID_BUILTINS.has(construct.name) ? BUILTINS[construct.name] : undefined;
}

/** `{{< x user="…" id="…" >}}`, `{{< tweet user="…" id="…" >}}`, the older `{{< tweet ID >}}`. */
function post(args: Args): { text: string } | undefined {
  const id = argOf(args, 'id', args.positional.length > 1 ? 1 : 0);
  const user = argOf(args, 'user', args.positional.length > 1 ? 0 : undefined);
  if (!id) return undefined;
  return linkTo(user ? `Post by @${user} on X` : 'Post on X', `https://x.com/${user ?? 'i'}/status/${id}`);
}

/** `{{< param "key" >}}` (or `"a.b"`): the post's front matter value, else the site's, as text. */
function param(args: Args, construct: Construct, expander: Expander): string {
  const key = argOf(args, 'name', 0) ?? '';
  const { env } = expander;
  const fromPage = key.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined), env.frontMatter());
  let value = fromPage;
  if (value === undefined) {
    env.deps.push({ lookup: 'site', answer: siteAnswer(env.site) });
    value = Object.hasOwn(env.site, key) ? (env.site as unknown as Record<string, unknown>)[key] : undefined;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  expander.report(`No front matter value or site setting "${key}" for ${expander.text.slice(construct.start, construct.end)}: left out`, 'unknown-variable', 'warning', construct.start);
  return '';
}
