/**
 * The light half of the markdown stage (see render.ts): what a job and its result are, making a
 * job of a post, and filing a result on it. The main thread needs only these; it loads render.ts,
 * and the unified chain with it (~0.4 s of CPU), only when it renders on this thread itself.
 */
import { VFile } from 'vfile';
import { plainFences } from '../content/fences.ts';
import { FRONT_MATTER_KEYS } from '../content/keys.ts';
import { addMessage, restoreMessage, storeMessage, type StoredMessage } from '../messages.ts';
import type { Point, Post, RenderedPost } from '../types.ts';
import type { CheckFacts } from './facts/facts.ts';
import { packUrlFacts } from './facts/packed-urls.ts';
import type { LinkContext, TocEntry, LinkDependency } from './data.ts';
import type { DialectContext } from './dialects/context.ts';
import type { DiagramSource } from './mermaid.ts';
import type { HeroImage, ImageJob } from '../media/image-plan.ts';
import { isFailure } from './failures.ts';

/** Site-wide facts the markdown stage needs for every post. */
export type MarkdownContext = Omit<LinkContext, 'pagePath' | 'sourcePath' | 'deps'> & DialectContext;

/** Everything needed to render one post's body, except the site-wide context. */
export interface MarkdownJob {
  /** The VFile's path (absolute) and cwd, so messages name the file as the content stage does. */
  path: string;
  cwd: string;
  /** Absolute path on disk: links and assets resolve from here. */
  sourcePath: string;
  /** The whole decoded file, front matter included, so positions are positions in the file. */
  text: string;
  pagePath: string;
  title?: string;
  fileTitle: string;
  description?: string;
  image?: string;
  imagePlace?: Point;
}

/** What rendering one body gives, as plain data. */
export interface MarkdownResult {
  title: string;
  html: string;
  excerptHtml: string;
  summary: string;
  image?: string;
  /** The social image shown at the top of the post, when it is a local file: its size and resized copies. */
  hero?: HeroImage;
  assets: Array<[string, string]>;
  /** The resized copies of local images the HTML names, for the media stage to encode (see media/image-plan.ts). */
  images: ImageJob[];
  /** The body's h2/h3 outline; it follows from `html`, so the digest need not cover it. */
  toc: TocEntry[];
  facts: Omit<CheckFacts, 'links' | 'ids'> & { ids: string[] };
  messages: StoredMessage[];
  /** What the result was decided on beyond the job itself: a cached result holds while these hold. */
  deps: LinkDependency[];
  /** A digest of what the post shows (HTML, excerpt, title, summary, image), for the keys of pages showing it. */
  digest: string;
  /** For lists, which show these but not the body (see reading.ts). */
  readingMinutes: number;
  hasMore: boolean;
  /** KaTeX typeset math in the body: its page links the KaTeX stylesheet. Absent when not. */
  math?: true;
  /** Mermaid diagrams, drawn into their placeholders on the main thread (media/mermaid.ts). Absent when none. */
  diagrams?: DiagramSource[];
}

/** The job for one normalised post. */
export function jobOf(post: Post): MarkdownJob {
  const file = post.raw.file;
  return {
    path: file.path,
    cwd: file.cwd,
    sourcePath: file.data.absolutePath ?? file.path,
    // A `------` front matter fence as `---`, so remark-frontmatter keeps it out of the body (content/fences.ts).
    text: plainFences(String(file.value)).text,
    pagePath: post.path,
    title: post.title,
    fileTitle: post.fileTitle,
    description: post.description,
    image: post.image,
    // Image messages point at the preferred `image:` key; an image from another key gets the front matter's first line.
    imagePlace: post.image === undefined ? undefined : post.raw.frontMatter.locate(FRONT_MATTER_KEYS.image[0]),
  };
}

/** The result of a post whose rendering was stopped from outside (pool.ts: its budget ran out, its worker died). */
export function failedResult(job: MarkdownJob, failure: { reason: string; place: Point; ruleId: string }): MarkdownResult {
  const file = new VFile({ path: job.path, cwd: job.cwd });
  addMessage(file, failure.reason, { place: failure.place, ruleId: failure.ruleId, severity: 'error' });
  return { ...emptyResult(job), messages: file.messages.map(storeMessage), deps: [], digest: '' };
}

/** What a post that rendered nothing shows: its own title and description, no body. */
export function emptyResult(job: MarkdownJob): Omit<MarkdownResult, 'messages' | 'deps' | 'digest'> {
  return {
    title: job.title ?? job.fileTitle,
    html: '',
    excerptHtml: '',
    summary: job.description ?? '',
    assets: [],
    images: [],
    toc: [],
    facts: { urls: [], images: [], ids: [], foreignIds: [], fragments: [], marker: false, words: 0, mojibake: [], invisible: [] },
    readingMinutes: 1,
    hasMore: false,
  };
}

/** The rendered post, with the result's messages filed on the post's own file and its facts left for the checks. */
export function applyResult(post: Post, result: MarkdownResult, context: MarkdownContext): RenderedPost | undefined {
  const file = post.raw.file;
  for (const stored of result.messages) restoreMessage(file, stored);
  if (isFailure(result.messages)) return undefined;
  file.data.check = {
    ...result.facts,
    urls: packUrlFacts(result.facts.urls),
    ids: new Set(result.facts.ids),
    links: { ...context, pagePath: post.path, sourcePath: file.data.absolutePath ?? file.path },
  };
  return {
    ...post,
    title: result.title,
    html: result.html,
    excerptHtml: result.excerptHtml,
    summary: result.summary,
    image: result.image,
    ...(result.hero && { hero: result.hero }),
    assets: new Map(result.assets),
    images: result.images,
    toc: result.toc,
    digest: result.digest,
    readingMinutes: result.readingMinutes,
    hasMore: result.hasMore,
    ...(result.math ? { math: true } : {}),
    ...(result.diagrams ? { diagrams: result.diagrams } : {}),
  };
}
