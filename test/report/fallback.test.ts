/** A text report whatever vfile-reporter trips on: one plain line per message instead of a crash. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { addMessage } from '../../src/messages.ts';
import { formatReport } from '../../src/report.ts';

/** The one stand-in: a formatter that fails as vfile-reporter did on 200,000 messages. (Passed in, not mocked: test files share modules.) */
const failing = (): string => {
  throw new RangeError('Maximum call stack size exceeded');
};

describe('formatReport when the formatter fails', () => {
  it('prints path:line:column severity message rule, one line each', () => {
    const file = new VFile({ path: 'content/posts/odd.md' });
    addMessage(file, 'Garbled text "Ã©" (UTF-8 read as Windows-1252): should read "é"', { place: { line: 3, column: 4 }, ruleId: 'mojibake', severity: 'warning' });
    addMessage(file, 'Broken link /nowhere/: the site has no page or file at /nowhere/', { place: { line: 5, column: 1 }, ruleId: 'broken-link', severity: 'error' });
    expect(formatReport([file], 'text', failing)).toBe(
      'content/posts/odd.md:3:4 warning Garbled text "Ã©" (UTF-8 read as Windows-1252): should read "é"  mojibake\n' +
        'content/posts/odd.md:5:1 error Broken link /nowhere/: the site has no page or file at /nowhere/  broken-link\n',
    );
  });
});
