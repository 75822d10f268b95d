/** Turn a template failure into a positioned message on the template's file. */
import { LiquidError } from 'liquidjs';
import { VFile } from 'vfile';
import { addMessage, fileFor } from '../messages.ts';

/** A VFile for the template that failed (or for the site when the error names none), carrying one error. */
export function templateFailure(error: unknown, cwd: string): VFile {
  if (LiquidError.is(error)) {
    const [line = 1, column = 1] = error.token.getPosition();
    const file = error.token.file ? fileFor(error.token.file, '', cwd) : new VFile({ path: 'templates', cwd });
    // Liquid's message repeats the position and adds a code frame; the first line is the reason.
    const reason = (error.originalError?.message ?? error.message).split('\n')[0]!.replace(/, line:\d+, col:\d+$/, '');
    addMessage(file, `Template error: ${reason}`, { place: { line, column }, ruleId: 'template-error', severity: 'error' });
    return file;
  }
  const file = new VFile({ path: 'templates', cwd });
  addMessage(file, `Rendering failed: ${(error as Error)?.message ?? String(error)}`, { ruleId: 'render-failed', severity: 'error' });
  return file;
}
