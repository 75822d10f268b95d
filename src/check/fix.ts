/**
 * `npm run check -- --fix`: apply the certain fixes (mojibake repair, invisible-character removal)
 * to the post files in place. The one place that writes into content/, and only under `--fix`;
 * nothing else is ever rewritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { fixOf, type Fix } from './file-message.ts';

/** One change made to a file. */
export interface AppliedFix {
  file: string;
  line: number;
  column: number;
  rule: string;
  /** The text replaced, and what replaced it. */
  from: string;
  to: string;
}

/** A file left as it was, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const BOM = '\uFEFF';

/**
 * Apply every fix the messages of `files` carry, and drop those messages (they are fixed).
 * A file whose text changed since it was checked is left alone, so no edit is lost.
 */
export async function applyFixes(files: readonly VFile[]): Promise<{ applied: AppliedFix[]; skipped: SkippedFile[] }> {
  const applied: AppliedFix[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const fixable = file.messages.flatMap((message) => {
      const fix = fixOf(message);
      return fix ? [{ message, fix }] : [];
    });
    const absolute = file.data.absolutePath;
    if (fixable.length === 0 || absolute === undefined) continue;
    const current = await readText(absolute);
    if (current?.text !== String(file.value)) {
      skipped.push({ file: file.path, reason: 'it changed while being checked; run check --fix again' });
      continue;
    }
    const { text, hadBom } = current;
    // From the end backwards, so earlier offsets stay valid; overlapping fixes after the first are skipped.
    const ordered = [...fixable].sort((a, b) => b.fix.range[0] - a.fix.range[0]);
    let fixed = text;
    let limit = Infinity;
    const done: typeof fixable = [];
    for (const entry of ordered) {
      if (entry.fix.range[1] > limit) continue;
      fixed = replace(fixed, entry.fix);
      limit = entry.fix.range[0];
      done.push(entry);
    }
    try {
      await writeFile(absolute, (hadBom ? BOM : '') + fixed);
    } catch (error) {
      skipped.push({ file: file.path, reason: `it could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
      continue;
    }
    for (const { message, fix } of done) {
      applied.push({ file: file.path, line: message.line ?? 0, column: message.column ?? 0, rule: message.ruleId ?? '', from: text.slice(...fix.range), to: fix.text });
    }
    const fixedMessages = new Set(done.map((entry) => entry.message));
    file.messages = file.messages.filter((message) => !fixedMessages.has(message));
  }
  applied.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { applied, skipped };
}

/** A post's text as the content reader decodes it (strict UTF-8, BOM dropped), or undefined when it cannot be read. */
async function readText(absolute: string): Promise<{ text: string; hadBom: boolean } | undefined> {
  try {
    const bytes = await readFile(absolute);
    // TextDecoder drops a leading BOM, as the content reader does: fix offsets are into the text after it.
    return { text: UTF8.decode(bytes), hadBom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    return undefined;
  }
}

function replace(text: string, { range: [start, end], text: replacement }: Fix): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/** One line per change: `file:line:column  rule  "ðŸ˜›" → "😛"`, or `removed U+FE0F` for invisible characters. */
export function formatFix(fix: AppliedFix): string {
  const what = fix.to === '' ? `removed ${codePoints(fix.from)}` : `${JSON.stringify(fix.from)} → ${JSON.stringify(fix.to)}`;
  return `${fix.file}:${fix.line}:${fix.column}  ${fix.rule}  ${what}`;
}

function codePoints(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
