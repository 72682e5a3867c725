import { describe, expect, it } from 'vitest';
import { backoff } from '../../src/lib/backoff.ts';

describe('backoff (widget spec §5: back-off with jitter)', () => {
  it('full jitter: a random share of min(cap, base·2^attempt)', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoff(a, { random: () => 1 }))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoff(3, { random: () => 0.25 })).toBe(2000);
    expect(backoff(3, { random: () => 0 })).toBe(0);
    expect(backoff(2, { base: 100, cap: 300, random: () => 1 })).toBe(300);
  });
  it('stays within bounds with the real random', () => {
    for (let i = 0; i < 50; i++) expect(backoff(10)).toBeLessThanOrEqual(30000);
  });
});
