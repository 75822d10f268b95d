/** The results table of `npm run bench`: one row per scenario, ours against its peer, with the target. */

/** One scenario's figures, already formatted, with the ratio and whether it meets its target. */
export interface Row {
  scenario: string;
  ours: string;
  peer: string;
  ratio?: number;
  target: string;
  met?: boolean;
  /** A word on how the row was measured (rounds, which peer stood in): printed under the table. */
  note?: string;
}

/** `12.3 s` from a second up, `45.6 ms` below. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Peak RSS in MiB, or why there is none. */
export function formatRss(kib: number | undefined): string {
  return kib === undefined ? 'n/a (no /usr/bin/time)' : `${Math.round(kib / 1024).toLocaleString('en')} MiB`;
}

/** Ratios keep two decimals below 10, one above. */
function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '—';
  return ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1);
}

/** Aligned plain-text columns, notes numbered under the table. */
export function formatTable(rows: Row[]): string {
  const notes: string[] = [];
  const cells = [
    ['scenario', 'ours', 'peer', 'ratio', 'target', 'result'],
    ...rows.map((row) => {
      const mark = row.note ? ` [${notes.push(row.note)}]` : '';
      return [row.scenario + mark, row.ours, row.peer, formatRatio(row.ratio), row.target, row.met === undefined ? '' : row.met ? 'met' : 'MISSED'];
    }),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const lines = cells.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n') + '\n' + notes.map((note, i) => `[${i + 1}] ${note}\n`).join('');
}

/** The same rows as a Markdown table, for README's Performance section. */
export function markdownTable(rows: Row[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['scenario', 'ours', 'peer', 'ratio', 'target', 'result']),
    line(['---', '---:', '---:', '---:', '---', '---']),
    ...rows.map((row) => line([row.scenario, row.ours, row.peer, formatRatio(row.ratio), row.target, row.met === undefined ? '' : row.met ? 'met' : 'missed'])),
  ].join('\n') + '\n';
}
