import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';

describe('Prng', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 100 }, () => a.nextU32());
    const sb = Array.from({ length: 100 }, () => b.nextU32());
    const sc = Array.from({ length: 100 }, () => c.nextU32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(sa.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
  });

  it('produces uniform floats in [0, 1) (chi-square over 16 bins)', () => {
    const p = new Prng(7);
    const bins = new Array(16).fill(0);
    const n = 160000;
    for (let i = 0; i < n; i++) {
      const v = p.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      bins[Math.floor(v * 16)]++;
    }
    const e = n / 16;
    const chi = bins.reduce((s, o) => s + ((o - e) * (o - e)) / e, 0);
    // 15 degrees of freedom: p = 0.001 at 37.7.
    expect(chi).toBeLessThan(37.7);
  });

  it('int() covers the inclusive range evenly, and refuses a bad range', () => {
    const p = new Prng(1);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60000; i++) {
      const v = p.int(-2, 3);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const c of counts.values()) expect(Math.abs(c - 10000)).toBeLessThan(500);
    expect(() => p.int(5, 4)).toThrow(RangeError);
  });

  it('fork() gives stable, independent streams that do not depend on draws already made', () => {
    const a = new Prng(9);
    const b = new Prng(9);
    b.nextU32();
    b.nextU32();
    expect(a.fork('rooms').nextU32()).toBe(b.fork('rooms').nextU32());
    expect(a.fork('rooms').nextU32()).not.toBe(a.fork('props').nextU32());
  });

  it('shuffle() is a permutation and deterministic', () => {
    const s1 = new Prng(3).shuffle([...Array(50).keys()]);
    const s2 = new Prng(3).shuffle([...Array(50).keys()]);
    expect(s1).toEqual(s2);
    expect([...s1].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    expect(s1).not.toEqual([...Array(50).keys()]);
  });
});
