/**
 * Other generators' template syntax in post bodies: Liquid and Nunjucks (Jekyll, Eleventy) and
 * Hugo shortcodes. Those generators expand it before or around markdown, and `[x]({{< ref "a.md" >}})`
 * only becomes a link if it is expanded first, so this is a pass over the text before remark-parse.
 * Code stays as written: the text's own parse says where code is, and is reused when nothing changes.
 * The tests of recorded lookups, which the main thread needs without the pass, are in lookups.ts.
 */
import type { Html, Root } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { parseFrontMatter } from '../../content/frontmatter.ts';
import type { LinkContext, LinkDependency } from '../data.ts';
import { walk } from '../../shared/walk.ts';
import { callShortcode } from './calls.ts';
import { NO_SITE, type DialectContext } from './context.ts';
import { Expander, PLACEHOLDER, type ExpandEnv, type Handler } from './expand.ts';
import { liquidOutput, liquidTag } from './liquid.ts';
import type { Construct } from './scan.ts';
import { joinPieces, mapPositions, type SourceMap } from './source-map.ts';

/** The text markdown parses instead of the file's, and the HTML its placeholders stand for. */
export interface Expansion extends SourceMap {
  html: string[];
}

/** Whether a text can hold any construct: most posts can't, and skip the pass for one scan. */
export function mayHoldTemplates(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || (text.includes('{#') && text.includes('#}'));
}

/** What the pass needs of the post. */
export interface ExpandInput {
  text: string;
  file: VFile;
  sourcePath: string;
  pagePath: string;
  context: Pick<LinkContext, 'basePath' | 'contentDir' | 'postPaths'> & DialectContext;
  deps: LinkDependency[];
}

/** The closing character of a shortcode delimiter: `{{< … >}}`, `{{% … %}}`. */
function closing(delimiter: Construct['delimiter']): string {
  return delimiter === '<' ? '>' : '%';
}

const handle: Handler = (construct, expander, mode) => {
  switch (construct.type) {
    case 'escaped':
      expander.replace(construct.start, construct.end, `{{${construct.delimiter}${construct.args}${closing(construct.delimiter)}}}`);
      return construct.end;
    case 'comment':
      expander.replace(construct.start, construct.end, '');
      return construct.end;
    case 'output':
      // `style={{ color: 'red' }}` is a JSX attribute of an MDX post, not Liquid: left for MDX.
      if (expander.text[construct.start - 1] === '=') return construct.start + 2;
      return liquidOutput(construct, expander);
    case 'tag':
      return liquidTag(construct, expander, mode);
    default:
      return callShortcode(construct, expander, mode);
  }
};

/** Expand the body of `tree` (the text's own parse); undefined when nothing is to change. */
export function expandTemplates(tree: Root, input: ExpandInput): Expansion | undefined {
  const { text, context } = input;
  const front = tree.children[0];
  const bodyStart = front && (front.type === 'yaml' || (front.type as string) === 'toml') ? (front.position?.end.offset ?? 0) : 0;
  const code: Array<[number, number]> = [];
  walk(tree, 'code', (node) => void code.push([node.position!.start.offset!, node.position!.end.offset!]));
  walk(tree, 'inlineCode', (node) => void code.push([node.position!.start.offset!, node.position!.end.offset!]));
  code.sort((a, b) => a[0] - b[0]);
  let frontMatter: Record<string, unknown> | undefined;
  const env: ExpandEnv = {
    file: input.file,
    deps: input.deps,
    contentDir: context.contentDir,
    basePath: context.basePath,
    postPaths: context.postPaths,
    sourcePath: input.sourcePath,
    pagePath: input.pagePath,
    site: context.site ?? NO_SITE,
    shortcodes: context.shortcodes,
    frontMatter: () => (frontMatter ??= frontMatterOf(text)),
    points: location(text),
  };
  const html: string[] = [];
  const expander = new Expander(text, env, code, handle, html, 0);
  expander.expand(bodyStart, text.length, 'text');
  if (expander.pieces.length === 0) return undefined;
  expander.keep(text.length);
  return { ...joinPieces(text, expander.pieces), html };
}

function frontMatterOf(text: string): Record<string, unknown> {
  const parsed = parseFrontMatter(text);
  return parsed.ok ? parsed.frontMatter.data : {};
}

const PLACEHOLDERS = new RegExp(`<!--${PLACEHOLDER}(\\d+)-->`, 'g');
const LEFTOVERS = new RegExp(`<?!--${PLACEHOLDER}\\d+-->?`, 'g');

/** Point the parse of an expansion at the original file, and put each placeholder's HTML in its place. */
export function applyExpansion(tree: Root, expansion: Expansion, original: string): void {
  mapPositions(tree, expansion, original);
  if (expansion.html.length === 0) return;
  walk<Html>(tree, 'html', (node) => {
    // A site template's HTML may hold the placeholder of a call in its inner text: a few rounds.
    for (let round = 0; round < 8 && node.value.includes(PLACEHOLDER); round++) {
      node.value = node.value.replace(PLACEHOLDERS, (_, index: string) => expansion.html[Number(index)] ?? '');
    }
  });
  // HTML written where markdown takes no HTML (a link's URL, an image's alt) has no place to go;
  // in `[a](<!--…-->)` markdown took the brackets as the URL's own.
  const scrub = (node: Record<string, unknown>): void => {
    for (const key of ['url', 'title', 'alt', 'value']) {
      const value = node[key];
      if (typeof value === 'string' && value.includes(PLACEHOLDER)) node[key] = value.replace(LEFTOVERS, '');
    }
    for (const child of (node.children as Array<Record<string, unknown>> | undefined) ?? []) scrub(child);
  };
  scrub(tree as unknown as Record<string, unknown>);
}
