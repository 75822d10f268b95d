/**
 * Paired measurement for `npm run bench`: runs alternate (A B A B …, or A B C A B C … when a
 * scenario has several peers) so load that comes and goes on a shared machine lands on both
 * sides, and each ratio is the median of the per-round ratios.
 */

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Ours against one peer over paired rounds: each side's median, and the median of ours/peer per round. */
export interface PairedRatio {
  ours: number;
  peer: number;
  ratio: number;
  ratios: number[];
}

/** Compare `ours[i]` with `peer[i]` round by round; both lists come from the same rounds. */
export function pairedRatio(ours: number[], peer: number[]): PairedRatio {
  if (ours.length !== peer.length || ours.length === 0) throw new Error(`paired runs differ in count: ${ours.length} against ${peer.length}`);
  const ratios = ours.map((value, i) => value / peer[i]!);
  return { ours: median(ours), peer: median(peer), ratio: median(ratios), ratios };
}

/** A value at quantile `q` (0–1) of `samples`, nearest rank: p50 and p95 of the dev latencies. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Run `rounds` rounds of `steps` in order (a round runs every step once); return each step's results in round order. */
export async function alternate<T>(
  rounds: number,
  steps: Array<{ name: string; run: (round: number) => Promise<T> }>,
  progress: (name: string, round: number, result: T) => void = () => undefined,
): Promise<Record<string, T[]>> {
  const results: Record<string, T[]> = Object.fromEntries(steps.map((step) => [step.name, [] as T[]]));
  for (let round = 0; round < rounds; round++) {
    for (const step of steps) {
      const result = await step.run(round);
      results[step.name]!.push(result);
      progress(step.name, round, result);
    }
  }
  return results;
}
