/** Digests of any number of parts: a 100,000-post site's search key has over 200,000. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digest, digestAll } from '../../src/cache/store.ts';

describe('digestAll', () => {
  it('agrees with digest, and with sha256 over the parts and their separators', () => {
    const parts = ['a', new Uint8Array([1, 2]), ''];
    expect(digestAll(parts)).toBe(digest(...parts));
    expect(digestAll(parts)).toBe(createHash('sha256').update('a\0').update(new Uint8Array([1, 2])).update('\0').update('\0').digest('hex'));
  });

  it('takes more parts than a call can spread (the 100,000-post build stopped with "Maximum call stack size exceeded")', () => {
    const parts = Array.from({ length: 500_000 }, (_, i) => String(i));
    expect(() => digest(...parts)).toThrow(RangeError);
    expect(digestAll(parts)).toMatch(/^[0-9a-f]{64}$/);
  });
});
