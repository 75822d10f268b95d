/**
 * The markdown stage: Post → RenderedPost, split in three so the middle can run anywhere:
 * `jobOf` (job.ts, main thread) → `renderJob` (here: a worker, the main thread, or skipped for a
 * cache hit) → `applyResult` (job.ts). Jobs and results are plain data: they cross to worker
 * threads and into the cache as they are. This module loads the unified chain: the main thread
 * imports it only when it renders itself (render-thread.ts `onMainThread`).
 */
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'hast';
import { VFile } from 'vfile';
import { digest } from '../cache/store.ts';
import { cutAtWord } from '../content/normalize/description.ts';
import { addMessage, storeMessage } from '../messages.ts';
import type { Point, Post, RenderedPost } from '../types.ts';
import type { CheckFacts } from './facts/facts.ts';
import type { LinkDependency } from './data.ts';
import { applyExpansion, expandTemplates, mayHoldTemplates } from './dialects/index.ts';
import type { HeroImage } from '../media/image-plan.ts';
import { localImage } from './images.ts';
import { resolveLocal } from './links.ts';
import { failureOf } from './failures.ts';
import { applyResult, emptyResult, jobOf, type MarkdownContext, type MarkdownJob, type MarkdownResult } from './job.ts';
import { parsePost } from './parse.ts';
import { hasMore, readingMinutes } from './reading.ts';

/** Render one body. Pure apart from reading the file system for assets; a plugin failure becomes an error message. */
export function renderJob(job: MarkdownJob, context: MarkdownContext): MarkdownResult {
  const file = new VFile({ path: job.path, cwd: job.cwd, value: job.text });
  const deps: LinkDependency[] = [];
  file.data.absolutePath = job.sourcePath;
  file.data.links = { ...context, pagePath: job.pagePath, sourcePath: job.sourcePath, deps };
  file.data.needsTitle = job.title === undefined;
  try {
    return render(job, file, deps);
  } catch (cause) {
    const { reason, place, ruleId } = failureOf(cause);
    addMessage(file, reason, { place, ruleId, severity: 'error' });
    return { ...emptyResult(job), messages: file.messages.map(storeMessage), deps, digest: '' };
  }
}

function render(job: MarkdownJob, file: VFile, deps: LinkDependency[]): MarkdownResult {
  // parse/run/stringify instead of process(): process() would replace the file's source text.
  let { processor, tree } = parsePost(file);
  // Other generators' template syntax is expanded in the text, and the expanded text parsed instead;
  // the file keeps its own text (the text checks and `--fix` work on it), and the tree its positions.
  if (mayHoldTemplates(job.text)) {
    const expansion = expandTemplates(tree, { text: job.text, file, sourcePath: job.sourcePath, pagePath: job.pagePath, context: file.data.links!, deps });
    if (expansion) {
      ({ processor, tree } = parsePost(file, expansion.text));
      applyExpansion(tree, expansion, job.text);
    }
  }
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);

  let title = job.title ?? file.data.headingTitle;
  if (title === undefined) {
    title = job.fileTitle;
    addMessage(file, `No title in front matter or first heading; using the file name: "${title}"`, {
      place: { line: 1, column: 1 },
      ruleId: 'title-from-filename',
      severity: 'warning',
    });
  }
  const assets = file.data.assets ?? new Map<string, string>();
  // The social image may sit next to the post like any body image: resolve, check and copy it the same way.
  const imagePlace = job.imagePlace ?? { line: 1, column: 1 };
  const resolved = job.image === undefined ? undefined : resolveLocal(job.image, file.data.links!, assets, (reason, ruleId) =>
    addMessage(file, reason, { place: imagePlace, ruleId, severity: 'warning' }), true);
  const image = resolved?.url;
  const hero = resolved?.file === undefined ? undefined : heroOf(resolved.file, resolved.url, file, imagePlace);
  const excerpt = file.data.excerpt ?? { type: 'root', children: [] };
  const excerptText = plainText(excerpt).replace(/\s+/g, ' ').trim();
  const facts = file.data.check;
  // An excerpt that is only an image says nothing to meta tags and feeds: the first paragraph with text does.
  const summaryText = excerptText === '' ? firstParagraphText(hast) : excerptText;
  const shown = { title, html, excerptHtml: toHtml(excerpt), summary: job.description ?? cutAtWord(summaryText, 160), image, ...(hero && { hero }), assets: [...assets] };
  return {
    ...shown,
    digest: digest(JSON.stringify(shown)),
    readingMinutes: readingMinutes(shown.html),
    // The excerpt as cut, before its math became MathML alone (math.ts): "Read more" only when the body has more.
    hasMore: hasMore(file.data.excerptAsCut ?? shown.excerptHtml, shown.html),
    toc: file.data.toc ?? [],
    images: file.data.images ?? [],
    facts: facts ? storedFacts(facts) : emptyResult(job).facts,
    messages: file.messages.map(storeMessage),
    deps: distinct(deps),
    ...(file.data.math ? { math: true as const } : {}),
    ...(file.data.diagrams ? { diagrams: file.data.diagrams } : {}),
  };
}

/** The hero image's size and copies; its job joins the body's, so the media stage makes its files too. */
function heroOf(source: string, src: string, file: VFile, place: Point): HeroImage | undefined {
  const shown = localImage(source, src, file, place);
  if (!shown) return undefined;
  if (shown.plan) (file.data.images ??= []).push(shown.plan.job);
  return { ...shown.size, sources: shown.plan?.sources ?? [], sizes: shown.plan?.sizes ?? '' };
}

/** The text a summary is cut from: what the excerpt says, without the language labels of code blocks. */
function plainText(tree: Root | RootContent): string {
  const labels = (node: Root | RootContent): boolean => node.type === 'element' && node.tagName === 'span' && String(node.properties.className) === 'code-lang';
  const walk = (node: Root | RootContent): string =>
    node.type === 'text' ? node.value : 'children' in node && !labels(node) ? node.children.map(walk).join('') : '';
  return walk(tree);
}

/** The text of the body's first top-level paragraph that has any (image-only paragraphs have none), else ''. */
function firstParagraphText(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'element' || node.tagName !== 'p') continue;
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    if (text !== '') return text;
  }
  return '';
}

/** Each lookup once: a post linking one page ten times made it ten times, and results stay in memory until pages are written. */
function distinct(deps: readonly LinkDependency[]): LinkDependency[] {
  const seen = new Set<string>();
  return deps.filter((dep) => {
    const key = JSON.stringify(dep);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Check facts as plain data: the link context is the site's (the main thread has it), the ids a list. */
function storedFacts({ links: _, ids, ...facts }: CheckFacts): MarkdownResult['facts'] {
  return { ...facts, ids: [...ids] };
}

/** Render one post on this thread: the three steps in a row. */
export function renderMarkdown(post: Post, context: MarkdownContext): RenderedPost | undefined {
  return applyResult(post, renderJob(jobOf(post), context), context);
}
