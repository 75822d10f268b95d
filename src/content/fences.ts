/**
 * Front matter fenced by a longer dash line (`------`), which Hugo reads as front matter and
 * CommonMark as a setext heading or a thematic break. Written back as `---` padded with spaces,
 * the text keeps every offset, line and column, and both the front matter parser and
 * remark-frontmatter (which allows spaces after a fence) read it as front matter.
 */

/** A line of three or more dashes, maybe followed by spaces. */
const DASHES = /^(-{3,})[ \t]*\r?$/;

/** A YAML mapping's first line (`title: x`, `"a b": c`): what tells front matter from a post that opens with a rule. */
const YAML_KEY = /^(?:[^\s#:'"-][^:]*|"[^"]*"|'[^']*'):(?:[ \t]|$)/;

/** A fence that was not `---`: which one, and where. */
export interface FenceNote {
  fence: string;
  /** 1-based line of the fence. */
  line: number;
  role: 'opened' | 'closed';
}

/** Each line of `text` up to and including the first dash line after the first, with its offset; the text after stays unsplit. */
function headLines(text: string): Array<{ line: string; at: number }> {
  const lines: Array<{ line: string; at: number }> = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    lines.push({ line, at });
    if (lines.length > 1 && DASHES.test(line)) break;
    if (end === -1) break;
    at = end + 1;
  }
  return lines;
}

/** The text with a longer front matter fence written as `---` and spaces (same length), and a note per such fence. */
export function plainFences(text: string): { text: string; notes: FenceNote[] } {
  const unchanged = { text, notes: [] };
  // Most posts: the first line decides, and a `---` post is split only down to its closing fence.
  if (!text.startsWith('---')) return unchanged;
  const lines = headLines(text);
  const open = DASHES.exec(lines[0]!.line)?.[1];
  const last = lines.at(-1)!;
  if (open === undefined || lines.length < 2 || !DASHES.test(last.line)) return unchanged;
  const closing = DASHES.exec(last.line)![1]!;
  if (open === '---' && closing === '---') return unchanged;
  // A longer opener over text that is no YAML mapping is a post opening with a rule, as it was before.
  const first = lines.slice(1, -1).find(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (open !== '---' && (first === undefined || !YAML_KEY.test(first.line))) return unchanged;
  const notes: FenceNote[] = [];
  let result = text;
  for (const [index, fence, role] of [[0, open, 'opened'], [lines.length - 1, closing, 'closed']] as const) {
    if (fence === '---') continue;
    const { at } = lines[index]!;
    // Same length: every later offset, line and column stays where it was.
    result = `${result.slice(0, at)}---${' '.repeat(fence.length - 3)}${result.slice(at + fence.length)}`;
    notes.push({ fence, line: index + 1, role });
  }
  return { text: result, notes };
}
