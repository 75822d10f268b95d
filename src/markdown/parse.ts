/**
 * Parse a post with the processor its text needs: MDX for `.mdx` files and for `.md` files that use
 * MDX (see mdx/detect.ts), Markdown for the rest. A post that looks like MDX but is not valid MDX
 * (MDX fails on a stray `<3`, an unclosed `<br>`, an unbalanced `{`) is read as Markdown instead, as
 * it was before MDX was read at all, with its component tags cleaned up (mdx/fallback.ts).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { addMessage } from '../messages.ts';
import { RenderRefusal } from './failures.ts';
import { screenText } from './limits.ts';
import { isMdxPath, usesMdx } from './mdx/detect.ts';
import { mdxProcessor, processorFor, type MarkdownProcessor } from './processor.ts';

/** Node types only MDX makes. */
const MDX_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

/** The processor for `file` and the tree it parsed, from `text` when given (the file's text with templates expanded). */
export function parsePost(file: VFile, text: string = String(file.value)): { processor: MarkdownProcessor; tree: Root } {
  const own = text === String(file.value);
  // Shapes the parser would take minutes over, or overflow the stack on, are refused before it sees them (limits.ts).
  const problem = screenText(text);
  if (problem) throw new RenderRefusal(problem.reason, problem.place, problem.ruleId);
  const mdxFile = isMdxPath(file.path);
  if (mdxFile || usesMdx(text)) {
    try {
      const tree = mdxProcessor.parse(own ? file : text);
      // A `.md` file whose MDX reading found nothing of MDX keeps Markdown's meaning (indented code).
      if (mdxFile || hasMdx(tree)) return { processor: mdxProcessor, tree };
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      const place = placeOf(error);
      // A `.md` file that is not MDX is most likely plain Markdown (`Option<T>` in a Hugo post): nothing to say.
      if (mdxFile) addMessage(file, `Not valid MDX (${error.reason}); read as Markdown instead`, { place, ruleId: 'mdx-syntax', severity: 'warning' });
      file.data.mdxFallback = true;
    }
  }
  const processor = processorFor(text);
  return { processor, tree: processor.parse(own ? file : text) };
}

/**
 * Where an MDX syntax error is. mdast-util-mdx-jsx's "Expected a closing tag for `<Foo>` (7:1-7:6)"
 * has no `line` of its own: its place is only in the reason, so it is read from there.
 */
function placeOf(error: { reason: string; line?: number; column?: number }): { line: number; column: number } | undefined {
  if (error.line !== undefined) return { line: error.line, column: error.column ?? 1 };
  const inReason = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(error.reason);
  return inReason ? { line: Number(inReason[1]), column: Number(inReason[2]) } : undefined;
}

/** The micromark and mdast MDX extensions fail with a positioned VFileMessage (anything else is a bug, and goes on up). */
function isSyntaxError(error: unknown): error is { reason: string; line?: number; column?: number } {
  return error instanceof Error && typeof (error as { reason?: unknown }).reason === 'string' && 'place' in error;
}

function hasMdx(node: Root | Root['children'][number]): boolean {
  if (MDX_NODES.has(node.type)) return true;
  return 'children' in node && node.children.some(hasMdx);
}
