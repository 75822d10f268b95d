/** The one unified processor (frozen once, reused for every post) and the markdown stage: Post → RenderedPost. */
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { cutAtWord } from '../content/normalize/description.ts';
import { addMessage } from '../messages.ts';
import type { Post, RenderedPost } from '../types.ts';
import type { LinkContext } from './data.ts';
import remarkCloseRawText from './close-raw-text.ts';
import rehypeExcerpt from './excerpt.ts';
import rehypeLinks, { resolveUrl } from './links.ts';
import rehypeCheckFacts from '../check/collect.ts';
import remarkTitleHeading from './title-heading.ts';

/** The whole chain. The full file text goes in, so positions in messages are positions in the file. */
export const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkTitleHeading)
  .use(remarkCloseRawText)
  .use(remarkRehype, { allowDangerousHtml: true })
  // Re-parse raw HTML into real nodes, so an unclosed `<iframe>` is closed within its post
  // instead of swallowing the rest of the page.
  .use(rehypeRaw)
  .use(rehypeSlug)
  .use(rehypeCheckFacts)
  .use(rehypeLinks)
  .use(rehypeExcerpt)
  .use(rehypeStringify)
  .freeze();

/** Site-wide facts the markdown stage needs for every post. */
export type MarkdownContext = Omit<LinkContext, 'pagePath' | 'sourcePath'>;

/** Render one post's body; problems go to the post's VFile. */
export function renderMarkdown(post: Post, context: MarkdownContext): RenderedPost {
  const file = post.raw.file;
  file.data.links = { ...context, pagePath: post.path, sourcePath: file.data.absolutePath ?? file.path };
  file.data.needsTitle = post.title === undefined;
  // parse/run/stringify instead of process(): process() would replace the file's source text.
  const tree = processor.parse(file);
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);

  let title = post.title ?? file.data.headingTitle;
  if (title === undefined) {
    title = post.fileTitle;
    addMessage(file, `No title in front matter or first heading; using the file name: "${title}"`, {
      place: { line: 1, column: 1 },
      ruleId: 'title-from-filename',
      severity: 'warning',
    });
  }
  const assets = file.data.assets ?? new Map<string, string>();
  // The social image may sit next to the post like any body image: resolve, check and copy it the same way.
  const image = post.image === undefined ? undefined : resolveUrl(post.image, file.data.links, assets, (reason, ruleId) =>
    addMessage(file, reason, { place: post.raw.frontMatter.locate(['image']) ?? { line: 1, column: 1 }, ruleId, severity: 'warning' }), true);
  const excerpt = file.data.excerpt ?? { type: 'root', children: [] };
  const excerptText = toString(excerpt).replace(/\s+/g, ' ').trim();
  return {
    ...post,
    title,
    html,
    excerptHtml: toHtml(excerpt),
    summary: post.description ?? cutAtWord(excerptText, 160),
    image,
    assets,
  };
}
