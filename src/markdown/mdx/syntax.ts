/**
 * remark plugin: read MDX, as Docusaurus 3 and Astro's MDX integration read it. JSX and `{…}`
 * expressions come from micromark-extension-mdx, the JavaScript-agnostic build of MDX's own
 * syntax: an expression only has to balance its braces, so `{#id}` after a heading and a stray
 * `{1, 2}` parse instead of failing the post. `import`/`export` blocks need JavaScript to find
 * their end, so they are parsed with acorn (JSX allowed, as `export const X = () => <b/>` is
 * common). `<!-- comments -->` stay readable through the extension Docusaurus adds for the same
 * reason (its `mdx1Compat.comments`): the `<!-- truncate -->` marker is one.
 */
import { comment, commentFromMarkdown } from '@slorber/remark-comment';
import { Parser } from 'acorn';
import acornJsx from 'acorn-jsx';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdx } from 'micromark-extension-mdx';
import { mdxjsEsm } from 'micromark-extension-mdxjs-esm';
import type { Processor } from 'unified';

/** acorn with JSX: the parser MDX itself uses for ESM. */
export const acornWithJsx = Parser.extend(acornJsx());

/** Register MDX's micromark and mdast extensions, then comments (registered last, so tried first at `<!--`, before JSX). */
export default function remarkMdxSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    mdxjsEsm({ acorn: acornWithJsx as never, acornOptions: { ecmaVersion: 'latest', sourceType: 'module' }, addResult: true }),
    mdx(),
    // Typed against micromark 3's types; the construct itself is what Docusaurus runs on micromark 4.
    comment as never,
  );
  (data.fromMarkdownExtensions ??= []).push(mdxFromMarkdown(), commentsFromMarkdown({ ast: true }));
}

/** The package's types describe an older API: the function takes `{ ast }` and keeps comments as `comment` nodes. */
const commentsFromMarkdown = commentFromMarkdown as unknown as (options: { ast: boolean }) => FromMarkdownExtension;
