import { describe, expect, it } from 'vitest';
import { pcg } from '../../src/core/noise';

// An independent BigInt statement of the same PCG round, to check the Math.imul version bit for bit.
function pcgBig(v: number): number {
  const M = 0xffffffffn;
  const state = (BigInt(v) * 747796405n + 2891336453n) & M;
  const shift = (state >> 28n) + 4n;
  const word = (((state >> shift) ^ state) * 277803737n) & M;
  return Number((word >> 22n) ^ word);
}

describe('pcg hash', () => {
  it('matches a BigInt statement of the same u32 arithmetic', () => {
    const inputs = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 12345, 987654321];
    for (let i = 0; i < 2000; i++) inputs.push((i * 2654435761) >>> 0);
    for (const v of inputs) expect(pcg(v)).toBe(pcgBig(v));
  });

  it('spreads consecutive inputs (no two of 10k collide, bits balanced)', () => {
    const seen = new Set<number>();
    let ones = 0;
    for (let i = 0; i < 10000; i++) {
      const h = pcg(i);
      seen.add(h);
      ones += h.toString(2).split('1').length - 1;
    }
    expect(seen.size).toBe(10000);
    expect(ones / (10000 * 32)).toBeGreaterThan(0.48);
    expect(ones / (10000 * 32)).toBeLessThan(0.52);
  });
});
