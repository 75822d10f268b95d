/**
 * The ways rendering one post can fail, each an error on that post alone: the others still build.
 * A failed result is never cached (the next run tries again and reports it again), and its post
 * gets no page.
 */
import type { Point } from '../types.ts';

/** Rule ids of a post that could not be rendered. */
export const FAILURE_RULES: ReadonlySet<string> = new Set(['markdown-failed', 'render-nesting', 'render-depth', 'render-timeout', 'render-crashed']);

/** Whether a result's messages say it failed. */
export function isFailure(messages: ReadonlyArray<{ ruleId?: string | null }>): boolean {
  return messages.some((message) => FAILURE_RULES.has(message.ruleId ?? ''));
}

/** A refusal with its place, thrown from inside the chain (parse.ts, depth.ts) and filed by render.ts. */
export class RenderRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly place: Point,
    readonly ruleId: string,
  ) {
    super(reason);
  }
}

/** What to file for an error out of the chain: a refusal as it is; a stack overflow as too deep; anything else as a failure. */
export function failureOf(cause: unknown): { reason: string; place: Point; ruleId: string } {
  if (cause instanceof RenderRefusal) return { reason: cause.reason, place: cause.place, ruleId: cause.ruleId };
  // V8's "Maximum call stack size exceeded": some construct nests deeper than a recursive step of the chain can follow.
  if (cause instanceof RangeError && /call stack/i.test(cause.message)) {
    return { reason: 'Nested too deeply to render (the stack ran out): not rendered', place: { line: 1, column: 1 }, ruleId: 'render-depth' };
  }
  return { reason: `Rendering failed: ${(cause as Error)?.message ?? String(cause)}`, place: { line: 1, column: 1 }, ruleId: 'markdown-failed' };
}
