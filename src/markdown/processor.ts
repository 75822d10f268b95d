/**
 * The unified processors: each frozen once and reused. The Markdown ones differ only in which GFM
 * constructs the parser knows, picked per post from its text (see gfm.ts), and whether it reads `:::`
 * directives (only posts with `:::` can hold one), and skip rehype-raw where it changes nothing
 * (see raw.ts); MDX posts have one of their own (parse.ts picks). The stage around them is render.ts.
 */
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { VFile } from 'vfile';
import remarkCallouts, { calloutHandlers } from './callouts/index.ts';
import remarkCalloutSyntax from './callouts/syntax.ts';
import remarkCloseRawText from './close-raw-text.ts';
import rehypeCodeBlocks from './code-blocks.ts';
import { rehypeDepthGuard, remarkDepthGuard } from './depth.ts';
import rehypeExcerpt from './excerpt.ts';
import remarkGfmSubset, { ALL_GFM, GFM, gfmFeatures, remarkLiteralsOnDemand } from './gfm.ts';
import remarkHeadingAttributes from './heading-attributes.ts';
import rehypeHeadingIds from './heading-ids.ts';
import rehypeHeadings from './headings.ts';
import rehypeImages from './images.ts';
import rehypeLinks from './links.ts';
import rehypeRawWhenNeeded from './raw.ts';
import rehypeSanitizeWhenAsked from './sanitize.ts';
import rehypeValidAttributes from './valid-attributes.ts';
import rehypeTableScroll from './table-scroll.ts';
import rehypeCheckFacts from './facts/collect.ts';
import remarkTitleHeading from './title-heading.ts';
import { mayHoldMath, rehypeMath, rehypeMathExcerpt, remarkMathDollars } from './math.ts';
import rehypeMermaid from './mermaid.ts';
import remarkMdxFallback from './mdx/fallback.ts';
import remarkMdxSyntax from './mdx/syntax.ts';
import remarkMdxPlain from './mdx/transform.ts';

/**
 * The whole chain around `syntax` and `raw`. The full file text goes in, so positions in messages
 * are positions in the file. `math` adds KaTeX (see math.ts): only texts that can hold math pay for it.
 */
function chain(syntax: PluggableList, raw: typeof rehypeRaw | typeof rehypeRawWhenNeeded, plain: PluggableList = [], math = true) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(syntax)
    // First of the transforms, which walk the tree recursively: a tree too deep for them is refused at its place (depth.ts).
    .use(remarkDepthGuard)
    // Before the title plugin: `# Title {#id}` as the title must lose its `{#id}` too.
    .use(remarkHeadingAttributes)
    // MDX made plain once heading ids took their `{#id}`, and before the title and callout plugins see the tree.
    .use(plain)
    .use(remarkMdxFallback)
    .use(remarkTitleHeading)
    .use(remarkCloseRawText)
    // Last before HTML: it also converts the directives that plugins before it made.
    .use(remarkCallouts)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: calloutHandlers })
    // Re-parse raw HTML into real nodes, so an unclosed `<iframe>` is closed within its post
    // instead of swallowing the rest of the page.
    .use(raw)
    // Raw HTML can nest what markdown did not (1,000 `<div>`): measured again before the rest walks it.
    .use(rehypeDepthGuard)
    .use(rehypeSanitizeWhenAsked)
    .use(rehypeHeadingIds)
    .use(rehypeCheckFacts)
    .use(rehypeLinks)
    .use(rehypeValidAttributes)
    .use(rehypeImages)
    // Before code blocks, which would take `$$` blocks and ```math fences for code; after the
    // heading ids and check facts, which see the TeX source (ids and word counts from what was written).
    .use(math ? [rehypeMath] : [])
    // After rehype-raw (highlighted blocks would only slow its re-parse) and the check facts
    // (word counts stay counts of the author's words); before the excerpt, which shows code too.
    .use(rehypeCodeBlocks)
    .use(rehypeTableScroll)
    // Mermaid fences, once highlighted as code: the code block stays as the fallback (see mermaid.ts).
    .use(rehypeMermaid)
    .use(rehypeExcerpt)
    .use(math ? [rehypeMathExcerpt] : [])
    // Anchor links and the outline are the body's alone: see headings.ts.
    .use(rehypeHeadings)
    .use(rehypeStringify)
    .freeze();
}

/** The reference: remark-gfm, directives, math and rehype-raw as they are. Every other processor must render as this one does. */
export const fullProcessor = chain([remarkGfm, remarkCalloutSyntax, remarkMathDollars], rehypeRaw);

/**
 * MDX posts (see parse.ts): remark-gfm as Docusaurus and Astro use it, and always rehype-raw, since
 * JSX nests elements in ways only an HTML parser sorts out (a `<div>` inside a paragraph).
 */
export const mdxProcessor = chain([remarkMdxSyntax, remarkGfm, remarkCalloutSyntax, remarkMathDollars], rehypeRaw, [remarkMdxPlain]);

/** A frozen processor of the chain. */
export type MarkdownProcessor = typeof fullProcessor;

/** Set in a processor key: autolink literals are parsed in a second pass, only when text could hold one. */
const ON_DEMAND = 32;
/** Set in a processor key: `:::` container directives are parsed (the text has `:::`). */
const DIRECTIVES = 64;
/** Set in a processor key: math is parsed and typeset (the text has a `$`, or `math`: see math.ts). */
const MATH = 128;
const processors = new Map<number, MarkdownProcessor>();

/** The processor for a key: a GFM feature mask, maybe with `ON_DEMAND`, `DIRECTIVES` and `MATH`. Built and frozen on first use. */
function processorOf(key: number): MarkdownProcessor {
  let processor = processors.get(key);
  if (processor === undefined) {
    const gfm = key & ALL_GFM;
    // Directives before the literals' second pass, whose parse wraps theirs, as in the full processor.
    const directives: PluggableList = key & DIRECTIVES ? [remarkCalloutSyntax] : [];
    // After directives, as in the full processor; the literals' second pass parses with math of its own.
    const math: PluggableList = key & MATH ? [remarkMathDollars] : [];
    if (key & ON_DEMAND) {
      const eager = processorOf(key & ~ON_DEMAND);
      const parseWithLiterals = (document: string, file: VFile) => eager.parser!(document, file);
      processor = chain([[remarkGfmSubset, gfm & ~GFM.autolinkLiteral], ...directives, ...math, [remarkLiteralsOnDemand, parseWithLiterals]], rehypeRawWhenNeeded, [], (key & MATH) !== 0);
    } else {
      processor = chain([[remarkGfmSubset, gfm], ...directives, ...math], rehypeRawWhenNeeded, [], (key & MATH) !== 0);
    }
    processors.set(key, processor);
  }
  return processor;
}

let forceFull = false;

/** Tests: make `processorFor` return `fullProcessor`, to compare against it. */
export function useFullProcessor(on: boolean): void {
  forceFull = on;
}

/**
 * The processor for one post's text: only the GFM constructs the text could contain,
 * directives only if it has `:::`, math only if it has a `$` or `math`. Most posts mention `http`, `www` or `@` only in link
 * destinations, so autolink literals are parsed on demand.
 */
export function processorFor(text: string): MarkdownProcessor {
  if (forceFull) return fullProcessor;
  const features = gfmFeatures(text) | (text.includes(':::') ? DIRECTIVES : 0) | (mayHoldMath(text) ? MATH : 0);
  return processorOf(features & GFM.autolinkLiteral ? features | ON_DEMAND : features);
}
