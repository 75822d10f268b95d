import { describe, expect, it } from 'vitest';
import { alternate, median, pairedRatio, quantile } from '../../scripts/bench-pairs.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-round ratios, not the ratio of the medians', () => {
    // Per round 3, 0.25, 0.5 → median 0.5; the medians (1 and 4) would say 0.25.
    const paired = pairedRatio([12, 1, 1], [4, 4, 2]);
    expect(paired.ratios).toEqual([3, 0.25, 0.5]);
    expect(paired.ratio).toBe(0.5);
    expect(paired.ours).toBe(1);
    expect(paired.peer).toBe(4);
  });

  it('refuses runs that do not pair up', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/differ/);
    expect(() => pairedRatio([], [])).toThrow();
  });
});

describe('quantile', () => {
  it('gives nearest-rank p50 and p95 over 20 samples', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(quantile(samples, 0.5)).toBe(10);
    expect(quantile(samples, 0.95)).toBe(19);
    expect(quantile(samples, 1)).toBe(20);
    expect(quantile([7], 0.95)).toBe(7);
  });
});

describe('alternate', () => {
  it('runs the steps A B A B …, keeping each step’s results in round order', async () => {
    const order: string[] = [];
    const step = (name: string) => ({ name, run: async (round: number) => (order.push(`${name}${round}`), `${name}${round}`) });
    const results = await alternate(3, [step('a'), step('b')]);
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(results).toEqual({ a: ['a0', 'a1', 'a2'], b: ['b0', 'b1', 'b2'] });
  });
});
