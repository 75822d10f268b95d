/**
 * Split a post into front matter and body (gray-matter) and parse the front matter
 * (YAML through the `yaml` package, TOML through smol-toml), keeping source positions
 * so that every later message can point at file:line:column.
 */
import matter from 'gray-matter';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { location } from 'vfile-location';
import type { FrontMatter, KeyPath, Point } from '../types.ts';
import { plainFences } from './fences.ts';
import { escapeRegExp } from '../shared/regexp.ts';
import { YAML_OPTIONS, yamlData } from './yaml-data.ts';

/** A front matter problem, positioned in the whole file. */
export interface FrontMatterProblem {
  reason: string;
  place: Point;
  ruleId: string;
}

/** The result of splitting one file: parsed front matter, or the problems that stopped it. */
export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter }
  | { ok: false; problems: FrontMatterProblem[] };

type Parsed = { data: unknown; locateOffset: (path: KeyPath) => number | undefined };

/** The delimiter opening the text's front matter, if it has any. */
function openerOf(text: string): '---' | '+++' | undefined {
  // Only a first line that is exactly the delimiter opens front matter, as remark-frontmatter
  // sees it too: `----` is a thematic break, and `---yaml` would be split here but not there.
  const opener = /^(---|\+\+\+)[ \t]*\r?$/m.exec(text.slice(0, text.indexOf('\n') + 1 || text.length));
  return opener?.index === 0 ? (opener[1] as '---' | '+++') : undefined;
}

/**
 * The start of `text` up to the end of the line that closes its front matter, as a string of its
 * own: it parses exactly as the whole text does (the body plays no part), and what is kept of it
 * (values, positions) does not keep the whole text alive. V8 makes a slice of 13 or more
 * characters a view into its parent, so one front matter value would otherwise hold the post's
 * whole text for as long as the post lives, ~10 KB a post.
 */
export function frontMatterHead(whole: string): string {
  // A `------` fence (Hugo reads it) is `---` to everything after this: see fences.ts.
  const text = plainFences(whole).text;
  const opener = openerOf(text);
  if (!opener) return '';
  const close = text.indexOf(`\n${opener}`, opener.length);
  const end = close === -1 ? -1 : text.indexOf('\n', close + 1 + opener.length);
  const head = close === -1 || end === -1 ? text : text.slice(0, end + 1);
  // A copy, not a view: JSON round trips build new strings.
  return JSON.parse(JSON.stringify(head)) as string;
}

/** Parse the front matter of a whole post text (BOM already removed). */
export function parseFrontMatter(whole: string): FrontMatterResult {
  const text = frontMatterHead(whole);
  const opener = openerOf(text);
  if (!opener) return { ok: true, frontMatter: emptyFrontMatter() };
  const toml = opener === '+++';

  const place = location(text);
  let parsed: Parsed | undefined;
  const problems: FrontMatterProblem[] = [];
  // gray-matter hands the raw block to our engine; the engine records positions and problems,
  // because gray-matter itself neither keeps a YAML document nor catches parse errors.
  let blockStart = 0;
  const engine = (block: string): object => {
    blockStart = text.indexOf(block, 3);
    const at = (offset: number): Point => toPoint(place.toPoint(blockStart + offset));
    // The block ends just before `\n---`; with CRLF line ends a lone `\r` would stick to the last value.
    const body = block.endsWith('\r') ? block.slice(0, -1) : block;
    const result = toml ? parseTomlBlock(body, at, problems) : parseYamlBlock(body, at, problems);
    parsed = result;
    return {};
  };
  const split = matter(text, {
    language: toml ? 'toml' : 'yaml',
    delimiters: toml ? '+++' : '---',
    engines: { yaml: engine, toml: engine },
  });

  const delimiter = toml ? '+++' : '---';
  if (split.content === '' && !hasClosingDelimiter(text, delimiter)) {
    return {
      ok: false,
      problems: [{ reason: `Front matter opened with \`${delimiter}\` is never closed`, place: { line: 1, column: 1 }, ruleId: 'frontmatter-unclosed' }],
    };
  }
  if (problems.length > 0) return { ok: false, problems };
  if (!parsed) return { ok: true, frontMatter: emptyFrontMatter(toml ? 'toml' : 'yaml') };
  const data = parsed.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ reason: 'Front matter must be a mapping of keys to values', place: { line: 2, column: 1 }, ruleId: 'frontmatter-syntax' }],
    };
  }
  const locateOffset = parsed.locateOffset;
  const blockPoint = toPoint(place.toPoint(text.indexOf('\n', blockStart) + 1));
  return {
    ok: true,
    frontMatter: {
      format: toml ? 'toml' : 'yaml',
      data: data as Record<string, unknown>,
      locate(path) {
        const offset = locateOffset(path);
        return offset === undefined ? blockPoint : toPoint(place.toPoint(blockStart + offset));
      },
    },
  };
}

function parseYamlBlock(block: string, at: (offset: number) => Point, problems: FrontMatterProblem[]): Parsed {
  const doc = parseDocument(block, YAML_OPTIONS);
  for (const error of doc.errors) {
    problems.push({ reason: `Invalid YAML front matter: ${firstLine(error.message)}`, place: at(error.pos[0]), ruleId: 'frontmatter-syntax' });
  }
  if (doc.errors.length > 0) return { data: {}, locateOffset: () => undefined };
  // Aliases are bounded, and one too many is pointed at: see yaml-data.ts.
  const converted = yamlData(doc);
  if (converted.ok) return { data: converted.data, locateOffset: lazyYamlOffset(block) };
  problems.push({ reason: `Invalid YAML front matter: ${converted.reason}`, place: at(converted.offset), ruleId: 'frontmatter-syntax' });
  return { data: {}, locateOffset: () => undefined };
}

/**
 * Offsets in a block, from the document parsed again for each question. Most posts are never
 * asked (they have no front matter message), and a kept Document (every node with its range)
 * cost ~5 KB a post: half a gigabyte on a 100,000-post site.
 */
function lazyYamlOffset(block: string): (path: KeyPath) => number | undefined {
  // Not kept after answering either: a post with an `image` is asked once, for its job (render.ts).
  return (path) => yamlOffset(parseDocument(block, YAML_OPTIONS), path);
}

/** Offset of the value at `path`, else of the deepest key found on the way. */
function yamlOffset(doc: Document, path: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(doc, node, String(segment));
      if (!pair) return best;
      best = (pair.key as Node).range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return best;
    }
    best = (node as Node | null)?.range?.[0] ?? best;
  }
  return best;
}

/** The pair of `map` with key `key`, own keys first, then those merged in by `<<` (first source wins, as in toJS). */
function pairOf(doc: Document, map: YAMLMap, key: string, depth = 0): YAMLMap['items'][number] | undefined {
  const own = map.items.find((item) => isPair(item) && isScalar(item.key) && typeof item.key.value !== 'symbol' && String(item.key.value) === key);
  if (own || depth > 10) return own;
  for (const merge of map.items) {
    // With `merge: true` the parser gives a plain `<<` key a symbol for value (a quoted "<<" is an ordinary key).
    if (!isScalar(merge.key) || typeof merge.key.value !== 'symbol') continue;
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(target) ? pairOf(doc, target, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function parseTomlBlock(block: string, at: (offset: number) => Point, problems: FrontMatterProblem[]): Parsed {
  try {
    const data = parseToml(block);
    return { data, locateOffset: (path) => tomlOffset(block, path) };
  } catch (error) {
    if (error instanceof TomlError) {
      const lineStart = nthLineOffset(block, error.line);
      problems.push({ reason: `Invalid TOML front matter: ${firstLine(error.message)}`, place: at(lineStart + error.column - 1), ruleId: 'frontmatter-syntax' });
    } else {
      problems.push({ reason: `Invalid TOML front matter: ${(error as Error).message}`, place: at(0), ruleId: 'frontmatter-syntax' });
    }
    return { data: {}, locateOffset: () => undefined };
  }
}

/** smol-toml keeps no positions: find the line that assigns the last named key of the path. */
function tomlOffset(block: string, path: KeyPath): number | undefined {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  for (const key of keys.reverse()) {
    const escaped = escapeRegExp(key);
    const match = new RegExp(`^[ \\t]*["']?${escaped}["']?[ \\t]*=`, 'm').exec(block);
    if (match) return match.index + match[0].length - match[0].trimStart().length;
  }
  return undefined;
}

function nthLineOffset(text: string, line: number): number {
  let offset = 0;
  // smol-toml counts lines of the block it was given, starting at 1.
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset;
}

function hasClosingDelimiter(text: string, delimiter: string): boolean {
  return new RegExp(`\\r?\\n${delimiter.replace(/\+/g, '\\+')}[ \\t]*(\\r?\\n|$)`).test(text.slice(delimiter.length));
}

function emptyFrontMatter(format: FrontMatter['format'] = 'none'): FrontMatter {
  return { format, data: {}, locate: () => undefined };
}

function toPoint(point: { line: number; column: number } | undefined): Point {
  return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
