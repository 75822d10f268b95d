/** The unified processor: frozen once, reused for every post. The stage around it is render.ts. */
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCloseRawText from './close-raw-text.ts';
import rehypeExcerpt from './excerpt.ts';
import rehypeLinks from './links.ts';
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

/**
 * The processor for one post's text. Every post gets the same frozen processor for now;
 * the point of asking per text is that cheaper processors can serve posts that cannot need every construct.
 */
export function processorFor(_text: string): typeof processor {
  return processor;
}
