/**
 * What a post that ran out of its render budget is made of, so its error can say where to look.
 * The screen (limits.ts) refused the shapes known to be slow past a limit; a post stopped by its
 * budget is one below those limits, or of a shape nobody measured yet. The busiest construct
 * found here, each measured against what ordinary posts hold, is named with its first line.
 */
import type { Point } from '../types.ts';

/** A construct that made a post slow, and where it starts. */
export interface Shape {
  what: string;
  place: Point;
}

/** A count found in the text, what it is, where, and how many an ordinary post has at most (to rank them). */
interface Measure {
  count: number;
  ordinary: number;
  what: (count: number) => string;
  line: number;
}

const number = (count: number) => count.toLocaleString('en-US');

/** The busiest of the constructs counted, or undefined when none stands out. */
export function shapeOf(text: string): Shape | undefined {
  const lines = text.split('\n');
  const measures: Measure[] = [
    { count: 0, ordinary: 200, what: (count) => `${number(count)} footnotes`, line: 0 },
    { count: 0, ordinary: 500, what: (count) => `${number(count)} "[" in one paragraph`, line: 0 },
    { count: 0, ordinary: 500, what: (count) => `${number(count)} runs of "*" and "_" in one paragraph`, line: 0 },
    { count: 0, ordinary: 20, what: (count) => `${number(count)} nested list items and block quotes`, line: 0 },
    { count: 0, ordinary: 1000, what: (count) => `a paragraph of ${number(count)} lines`, line: 0 },
  ];
  const [footnotes, brackets, runs, depth, paragraphLines] = measures as [Measure, Measure, Measure, Measure, Measure];
  let paragraph = { start: 0, brackets: 0, runs: 0, lines: 0 };
  lines.forEach((line, index) => {
    if (/^\s*\[\^[^\]]+\]:/.test(line)) {
      footnotes.count++;
      if (footnotes.count === 1) footnotes.line = index + 1;
    }
    if (line.trim() === '') {
      paragraph = { start: index + 2, brackets: 0, runs: 0, lines: 0 };
      return;
    }
    if (paragraph.lines === 0) paragraph.start = index + 1;
    paragraph.lines++;
    paragraph.brackets += line.split('[').length - 1;
    paragraph.runs += line.match(/\*+|_+/g)?.length ?? 0;
    const nested = /^(?:\s*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s)))*/.exec(line)![0];
    const levels = (nested.match(/[>\-*+]|\d+[.)]/g)?.length ?? 0) + Math.floor((nested.length - nested.trimStart().length) / 2);
    keepMax(brackets, paragraph.brackets, paragraph.start);
    keepMax(runs, paragraph.runs, paragraph.start);
    keepMax(paragraphLines, paragraph.lines, paragraph.start);
    keepMax(depth, levels, index + 1);
  });
  const busiest = measures.filter((measure) => measure.count > measure.ordinary).sort((a, b) => b.count / b.ordinary - a.count / a.ordinary)[0];
  return busiest && { what: busiest.what(busiest.count), place: { line: busiest.line, column: 1 } };
}

function keepMax(measure: Measure, count: number, line: number): void {
  if (count > measure.count) {
    measure.count = count;
    measure.line = line;
  }
}
