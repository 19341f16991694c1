import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATERIAL,
  linearRgb,
  materialFactors,
  SCENE_MATERIALS,
} from '../../src/core/scene/material-factors';

describe('material palette', () => {
  it('has an entry for every terrain and scatter material id', () => {
    for (const id of [
      'terrain:grass',
      'terrain:rock',
      'terrain:snow',
      'terrain:sand',
      'terrain:dirt',
      'scatter:bark',
      'scatter:foliage',
      'scatter:rock',
      'scatter:grass',
    ]) {
      expect(materialFactors(id)).not.toBe(DEFAULT_MATERIAL);
    }
  });

  it('gives unknown ids, including Object.prototype names, the default', () => {
    expect(materialFactors('nope')).toBe(DEFAULT_MATERIAL);
    expect(materialFactors('constructor')).toBe(DEFAULT_MATERIAL);
    expect(materialFactors('__proto__')).toBe(DEFAULT_MATERIAL);
  });

  it('holds valid factors: #rrggbb colours, roughness and metalness in 0..1', () => {
    for (const f of Object.values(SCENE_MATERIALS)) {
      expect(f.colour).toMatch(/^#[0-9a-f]{6}$/);
      if (f.emissive) expect(f.emissive).toMatch(/^#[0-9a-f]{6}$/);
      expect(f.roughness).toBeGreaterThanOrEqual(0);
      expect(f.roughness).toBeLessThanOrEqual(1);
      expect(f.metalness).toBeGreaterThanOrEqual(0);
      expect(f.metalness).toBeLessThanOrEqual(1);
    }
  });

  it('converts sRGB hex to linear with the sRGB transfer function', () => {
    expect(linearRgb('#000000')).toEqual([0, 0, 0]);
    expect(linearRgb('#ffffff')).toEqual([1, 1, 1]);
    // sRGB 0.5 (#808080 is 128/255) is about 0.216 linear; gamma 2.2 would give 0.218.
    expect(linearRgb('#808080')[0]).toBeCloseTo(0.2158605, 6);
    expect(() => linearRgb('red')).toThrow(/#rrggbb/);
  });
});
