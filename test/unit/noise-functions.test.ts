import { describe, expect, it } from 'vitest';
import {
  NOISE_KINDS,
  createNoiseField,
  perlin2,
  perlin3,
  simplex2,
  value2,
  worley2,
  worley3,
  type NoiseSettings,
} from '../../src/core/noise';
import { hash2i, signed1 } from '../../src/core/noise/hash';

const settings = (over: Partial<NoiseSettings>): NoiseSettings => ({
  kind: 'simplex',
  dimensions: 2,
  fractal: 'none',
  octaves: 1,
  lacunarity: 2,
  gain: 0.5,
  warp: 0,
  seed: 42,
  ...over,
});

function samplePoints(n: number): [number, number, number][] {
  const pts: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    pts.push([Math.sin(i) * 300, Math.cos(i * 1.7) * 300, Math.sin(i * 0.3) * 300]);
  return pts;
}

describe('noise functions', () => {
  it('value noise equals the hashed lattice value at integer points', () => {
    for (let x = -5; x < 5; x++) {
      for (let y = -5; y < 5; y++) {
        expect(value2(x, y, 9)).toBeCloseTo(signed1(hash2i(x, y, 9)), 12);
      }
    }
  });

  it('gradient noise is zero at lattice points', () => {
    for (let x = -4; x < 4; x++) {
      expect(perlin2(x, x * 2, 3)).toBe(0);
      expect(perlin3(x, -x, x + 1, 3)).toBe(0);
    }
  });

  for (const kind of NOISE_KINDS) {
    for (const dimensions of [2, 3] as const) {
      it(`${kind} ${dimensions}D stays in [-1, 1], is deterministic, seeded and continuous`, () => {
        const f = createNoiseField(settings({ kind, dimensions }));
        const g = createNoiseField(settings({ kind, dimensions }));
        const other = createNoiseField(settings({ kind, dimensions, seed: 43 }));
        let differs = 0;
        let lo = Infinity;
        let hi = -Infinity;
        for (const [x, y, z] of samplePoints(4000)) {
          const v = f(x, y, z);
          expect(g(x, y, z)).toBe(v);
          if (Math.abs(other(x, y, z) - v) > 1e-6) differs++;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
          // A step of 1e-4 moves the value by far less than the range: no seams.
          expect(Math.abs(f(x + 1e-4, y, z) - v)).toBeLessThan(0.01);
          expect(Math.abs(f(x, y + 1e-4, z) - v)).toBeLessThan(0.01);
        }
        expect(lo).toBeGreaterThanOrEqual(-1);
        expect(hi).toBeLessThanOrEqual(1);
        expect(hi - lo).toBeGreaterThan(0.8);
        expect(differs).toBeGreaterThan(3900);
      });
    }
  }

  it('simplex 2D has mean near zero', () => {
    let sum = 0;
    const pts = samplePoints(20000);
    for (const [x, y] of pts) sum += simplex2(x, y, 1);
    expect(Math.abs(sum / pts.length)).toBeLessThan(0.02);
  });

  it('worley returns F1 <= F2 and a zero distance at a feature point', () => {
    for (const [x, y, z] of samplePoints(500)) {
      const a = worley2(x, y, 5);
      const b = worley3(x, y, z, 5);
      expect(a.f1).toBeLessThanOrEqual(a.f2);
      expect(b.f1).toBeLessThanOrEqual(b.f2);
      expect(a.f1).toBeGreaterThanOrEqual(0);
    }
  });

  it('FBM with one octave is the base noise; more octaves add detail', () => {
    const base = createNoiseField(settings({ fractal: 'none' }));
    const one = createNoiseField(settings({ fractal: 'fbm', octaves: 1 }));
    const six = createNoiseField(settings({ fractal: 'fbm', octaves: 6 }));
    let roughBase = 0;
    let roughSix = 0;
    for (let i = 0; i < 2000; i++) {
      const x = i * 0.01;
      expect(one(x, 0.3, 0)).toBe(base(x, 0.3, 0));
      roughBase += Math.abs(base(x + 0.01, 0.3, 0) - base(x, 0.3, 0));
      roughSix += Math.abs(six(x + 0.01, 0.3, 0) - six(x, 0.3, 0));
    }
    expect(roughSix).toBeGreaterThan(roughBase * 1.2);
  });

  it('ridged multifractal stays in [-1, 1] and differs from FBM', () => {
    const r = createNoiseField(settings({ fractal: 'ridged', octaves: 5, kind: 'perlin' }));
    const f = createNoiseField(settings({ fractal: 'fbm', octaves: 5, kind: 'perlin' }));
    let diff = 0;
    for (const [x, y] of samplePoints(2000)) {
      const v = r(x, y, 0);
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
      diff += Math.abs(v - f(x, y, 0));
    }
    expect(diff / 2000).toBeGreaterThan(0.1);
  });

  it('domain warp moves the field and 0 warp is the identity', () => {
    const plain = createNoiseField(settings({ fractal: 'fbm', octaves: 4 }));
    const zero = createNoiseField(settings({ fractal: 'fbm', octaves: 4, warp: 0 }));
    const warped = createNoiseField(settings({ fractal: 'fbm', octaves: 4, warp: 1.5 }));
    let diff = 0;
    for (const [x, y] of samplePoints(1000)) {
      expect(zero(x, y, 0)).toBe(plain(x, y, 0));
      diff += Math.abs(warped(x, y, 0) - plain(x, y, 0));
    }
    expect(diff / 1000).toBeGreaterThan(0.05);
  });
});
