/** A post as the site session keeps it, with its markdown stage cached between rebuilds. */
import type { VFile } from 'vfile';
import type { MarkdownContext } from '../markdown/job.ts';
import type { Post, RenderedPost } from '../types.ts';

/** A post as the session keeps it. */
export interface Entry {
  file: VFile;
  post?: Post;
  /** The markdown stage's result and messages, reused while the text and URL stay the same. */
  rendered?: RenderedPost;
  renderedText?: string;
  markdownMessages?: VFile['messages'];
}

/** How the session renders one post's markdown: on its worker, within the post's budget (markdown/stage.ts). */
export type RenderOne = (post: Post, context: MarkdownContext) => Promise<RenderedPost | undefined>;

/** Render an entry's markdown unless the cached result still fits; keep its messages either way. */
export async function renderEntry(entry: Entry, post: Post, context: MarkdownContext, force: boolean, render: RenderOne): Promise<void> {
  const text = String(entry.file.value);
  const cached = entry.rendered;
  // A broken edit: the post is the last good one, from an older read; its rendering stays.
  if (post.raw.file !== entry.file) return;
  if (!force && cached && entry.renderedText === text && cached.path === post.path) {
    // Same markdown, new normalisation (e.g. authors.yml changed): keep the HTML, take the new front matter,
    // and the facts the markdown stage left for the checks on the file it read.
    entry.file.data.check = cached.raw.file.data.check;
    entry.rendered = { ...cached, ...post, title: post.title ?? cached.title };
    entry.file.messages.push(...(entry.markdownMessages ?? []));
    return;
  }
  // A forced render of an unchanged file (a linked post moved) replaces its earlier markdown messages.
  const previous = new Set(entry.markdownMessages ?? []);
  entry.file.messages = entry.file.messages.filter((message) => !previous.has(message));
  const before = entry.file.messages.length;
  entry.rendered = (await render(post, context)) ?? cached;
  entry.renderedText = text;
  entry.markdownMessages = entry.file.messages.slice(before);
}
