/**
 * The HTML of Hugo's built-in `figure`, `youtube` and `vimeo` shortcodes, built as hast and
 * serialised, so every value is escaped where it lands. Videos come from the privacy-friendly
 * hosts (youtube-nocookie.com, Vimeo's do-not-track player), load lazily, carry a title for
 * screen readers, and scale with the column through the theme's `.video-embed` rule (the
 * width and height attributes are the fallback of a theme without it).
 */
import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { argOf, isOn, type Args } from './args.ts';

function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

const inlineMarkdown = unified().use(remarkParse).use(remarkRehype);

/** Hugo markdownifies captions and titles: `[links](…)` and `*emphasis*` work there. */
function markdownify(text: string): ElementContent[] {
  const tree = inlineMarkdown.runSync(inlineMarkdown.parse(text));
  const first = tree.children[0];
  // One paragraph gives its inline content; anything else (a list, two paragraphs) stays text.
  if (tree.children.length === 1 && first?.type === 'element' && first.tagName === 'p') return first.children;
  return [{ type: 'text', value: text }];
}

/** Plain text of a caption, for an image without its own `alt`. */
function plain(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : 'children' in node ? plain(node.children) : '')).join('');
}

/** `{{< figure src alt title caption link target rel width height loading class attr attrlink >}}`. */
export function figureHtml(args: Args): string {
  const get = (name: string) => argOf(args, name);
  const title = get('title');
  const caption = get('caption');
  const captionNodes = caption === undefined ? [] : markdownify(caption);
  const image = h('img', {
    src: get('src') ?? '',
    alt: get('alt') ?? (caption === undefined ? (title ?? '') : plain(captionNodes)),
    width: get('width'),
    height: get('height'),
    loading: get('loading'),
  });
  const link = get('link');
  const children: ElementContent[] = [link === undefined ? image : h('a', { href: link, target: get('target'), rel: get('rel')?.split(/\s+/) }, [image])];
  const attr = get('attr');
  const captionParts: ElementContent[] = [];
  if (title !== undefined) captionParts.push(h('strong', {}, markdownify(title)));
  if (caption !== undefined) captionParts.push(...(captionParts.length > 0 ? [{ type: 'text', value: ' ' } as const] : []), ...captionNodes);
  if (attr !== undefined) {
    const attrLink = get('attrlink');
    const nodes = markdownify(attr);
    captionParts.push({ type: 'text', value: captionParts.length > 0 ? ' ' : '' }, attrLink === undefined ? h('span', {}, nodes) : h('a', { href: attrLink }, nodes));
  }
  if (captionParts.length > 0) children.push(h('figcaption', {}, captionParts));
  return toHtml(h('figure', { className: get('class')?.split(/\s+/) }, children));
}

/** A video player: `src` in an iframe inside the responsive wrapper. */
function player(src: string, title: string, args: Args): string {
  const classes = ['video-embed', ...(argOf(args, 'class')?.split(/\s+/) ?? [])];
  const iframe = h('iframe', {
    src,
    title,
    width: '560',
    height: '315',
    loading: argOf(args, 'loading') ?? 'lazy',
    allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
    referrerPolicy: 'strict-origin-when-cross-origin',
    allowFullScreen: argOf(args, 'allowFullScreen') !== 'false',
  });
  return toHtml(h('div', { className: classes }, [iframe]));
}

/** A YouTube id, also out of a pasted URL (`watch?v=`, `youtu.be/`, `/embed/`). */
export function youtubeId(value: string): string {
  return /(?:[?&]v=|youtu\.be\/|\/embed\/|\/shorts\/)([\w-]{6,})/.exec(value)?.[1] ?? value;
}

/** `{{< youtube ID >}}` / `{{< youtube id=ID start=30 title="…" >}}`. */
export function youtubeHtml(args: Args): string | undefined {
  const id = argOf(args, 'id', 0);
  if (id === undefined || id === '') return undefined;
  const query = new URLSearchParams();
  for (const name of ['start', 'end']) if (argOf(args, name) !== undefined) query.set(name, argOf(args, name)!);
  const autoplay = isOn(argOf(args, 'autoplay'));
  if (autoplay) query.set('autoplay', '1');
  if (autoplay || isOn(argOf(args, 'mute'))) query.set('mute', '1');
  if (argOf(args, 'controls') === 'false') query.set('controls', '0');
  const videoId = encodeURIComponent(youtubeId(id));
  if (isOn(argOf(args, 'loop'))) {
    // YouTube loops a single video only when it is also its own playlist.
    query.set('loop', '1');
    query.set('playlist', videoId);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return player(`https://www.youtube-nocookie.com/embed/${videoId}${search}`, argOf(args, 'title') ?? 'YouTube video', args);
}

/** `{{< vimeo ID >}}` / `{{< vimeo id=ID title="…" >}}`. */
export function vimeoHtml(args: Args): string | undefined {
  const id = argOf(args, 'id', 0);
  if (id === undefined || id === '') return undefined;
  const videoId = /(\d+)\/?$/.exec(id)?.[1] ?? id;
  return player(`https://player.vimeo.com/video/${encodeURIComponent(videoId)}?dnt=1`, argOf(args, 'title') ?? 'Vimeo video', args);
}
