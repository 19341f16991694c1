import { describe, expect, it } from 'vitest';
import {
  NoiseParamsError,
  bakeNoiseCpu,
  createNoiseField,
  resolveNoiseBakeParams,
  texelPoint,
  unormByte,
} from '../../src/core/noise';

describe('bakeNoiseCpu', () => {
  it('bakes R32F texels equal to the field at each texel centre', () => {
    const params = resolveNoiseBakeParams({
      width: 17,
      height: 9,
      format: 'r32f',
      outScale: 1,
      outBias: 0,
    });
    const field = bakeNoiseCpu(params);
    expect(field.data).toBeInstanceOf(Float32Array);
    expect(field.data.length).toBe(17 * 9);
    const f = createNoiseField(params);
    const [x, y, z] = texelPoint(params, 5, 7);
    expect(field.data[7 * 17 + 5]).toBeCloseTo(f(x, y, z), 6);
  });

  it('bakes RGBA8 as grey with opaque alpha, using pack4x8unorm rounding', () => {
    const field = bakeNoiseCpu({ width: 8, height: 8, format: 'rgba8' });
    const r32 = bakeNoiseCpu({ width: 8, height: 8, format: 'r32f' });
    expect(field.data.length).toBe(8 * 8 * 4);
    for (let i = 0; i < 64; i++) {
      const c = field.data[i * 4];
      expect(field.data[i * 4 + 1]).toBe(c);
      expect(field.data[i * 4 + 2]).toBe(c);
      expect(field.data[i * 4 + 3]).toBe(255);
      expect(c).toBe(unormByte(r32.data[i]!));
    }
    expect(unormByte(-3)).toBe(0);
    expect(unormByte(2)).toBe(255);
    expect(unormByte(0.5)).toBe(128);
  });

  it('is byte-identical for the same params and differs for another seed', () => {
    const a = bakeNoiseCpu({ width: 32, height: 32, seed: 7 });
    const b = bakeNoiseCpu({ width: 32, height: 32, seed: 7 });
    const c = bakeNoiseCpu({ width: 32, height: 32, seed: 8 });
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(b.data.buffer))).toBe(true);
    expect(Buffer.from(a.data.buffer).equals(Buffer.from(c.data.buffer))).toBe(false);
  });

  it('names every bad field at once and bakes nothing', () => {
    try {
      resolveNoiseBakeParams({
        width: 0,
        height: 1.5,
        octaves: 99,
        kind: 'plasma' as never,
        origin: [0, Number.NaN, 0],
        frequency: -1,
      });
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(NoiseParamsError);
      const issues = (e as NoiseParamsError).issues;
      expect(issues).toContain('width: expected an integer 1..16384, got 0');
      expect(issues).toContain('height: expected an integer 1..16384, got 1.5');
      expect(issues).toContain('octaves: expected an integer 1..16, got 99');
      expect(issues.some((s) => s.startsWith('kind: expected one of value, perlin'))).toBe(true);
      expect(issues.some((s) => s.startsWith('origin:'))).toBe(true);
      expect(issues.some((s) => s.startsWith('frequency:'))).toBe(true);
      expect(issues).toHaveLength(6);
    }
  });

  it('refuses a field over the texel budget before allocating', () => {
    expect(() => resolveNoiseBakeParams({ width: 16384, height: 16384 })).toThrow(
      /width\*height: at most 67108864 texels/,
    );
  });
});
