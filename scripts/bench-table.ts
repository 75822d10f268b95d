/** The results table of `npm run bench`: one row per figure, with its ratio to the floor and its target. */

/** One figure; `ratio` is already divided by the floor, `ratioOf` says by which floor figure. */
export interface Row {
  name: string;
  value: string;
  ratio?: number;
  ratioOf?: 'floor' | 'floor/post' | 'floor rate';
  target?: string;
  met?: boolean;
}

/** `12.3 s` from a second up, `45.6 ms` below. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Peak RSS in MiB, or why there is none. */
export function formatRss(kib: number | undefined): string {
  return kib === undefined ? 'n/a (no /usr/bin/time)' : `${Math.round(kib / 1024)} MiB`;
}

/** Ratios keep two significant decimals below 10, one above. */
function formatRatio(row: Row): string {
  if (row.ratio === undefined) return '—';
  return `${row.ratio < 10 ? row.ratio.toFixed(2) : row.ratio.toFixed(1)}× ${row.ratioOf ?? 'floor'}`;
}

/** Aligned plain-text columns: figure, value, ratio to floor, target, met/missed. */
export function formatTable(rows: Row[]): string {
  const cells = [
    ['figure', 'value', 'ratio', 'target', 'result'],
    ...rows.map((row) => [row.name, row.value, formatRatio(row), row.target ?? '—', row.met === undefined ? '' : row.met ? 'met' : 'MISSED']),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const lines = cells.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  return lines.join('\n') + '\n';
}
