import { describe, expect, it } from 'vitest';
import { composeTRS } from '../../src/core/math/mat4';
import { Prng } from '../../src/core/prng';
import { decomposeTransform, shortestFloat32 } from '../../src/export/transform-trs';

/** Column-major TRS matrix from translation, unit quaternion and scale (glTF's definition). */
function recompose(t: number[], q: number[], s: number[]): number[] {
  const [x, y, z, w] = q as [number, number, number, number];
  const r = [
    [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
    [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
    [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
  ];
  const m = new Array<number>(16).fill(0);
  for (let col = 0; col < 3; col++) {
    for (let row = 0; row < 3; row++) m[col * 4 + row] = r[row]![col]! * s[col]!;
  }
  m[12] = t[0]!;
  m[13] = t[1]!;
  m[14] = t[2]!;
  m[15] = 1;
  return m;
}

describe('shortestFloat32', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(38.505))).toBe(38.505);
    expect(shortestFloat32(-0)).toBe(0);
    const third = Math.fround(1 / 3);
    expect(Math.fround(shortestFloat32(third))).toBe(third);
  });
});

describe('decomposeTransform', () => {
  it('recovers composed transforms: rotations, non-uniform and mirrored scale', () => {
    const rng = new Prng(7);
    const m = new Float32Array(16);
    for (let i = 0; i < 500; i++) {
      const t = [rng.range(-100, 100), rng.range(-100, 100), rng.range(-100, 100)] as const;
      const e = [rng.range(-4, 4), rng.range(-4, 4), rng.range(-4, 4)] as const;
      const s = [rng.range(0.1, 3) * (i % 5 === 0 ? -1 : 1), rng.range(0.1, 3), rng.range(0.1, 3)];
      composeTRS(m, 0, t, e, s as [number, number, number]);
      const trs = decomposeTransform(m, 0);
      expect(Math.hypot(...trs.rotation)).toBeCloseTo(1, 6);
      expect(trs.rotation[3]).toBeGreaterThanOrEqual(0);
      const back = recompose(trs.translation, trs.rotation, trs.scale);
      for (let c = 0; c < 16; c++) expect(Math.abs(back[c]! - m[c]!)).toBeLessThan(2e-5);
    }
  });

  it('writes identity parts exactly, so they can be left out of the file', () => {
    const m = new Float32Array(16);
    composeTRS(m, 0, [1.5, 0, -2], [0, 0, 0], [1, 1, 1]);
    expect(decomposeTransform(m, 0)).toEqual({
      translation: [1.5, 0, -2],
      rotation: [0, 0, 0, 1],
      scale: [1, 1, 1],
    });
  });

  it('reads the matrix at an offset', () => {
    const m = new Float32Array(32);
    composeTRS(m, 16, [3, 4, 5], [0, Math.PI / 2, 0], [2, 2, 2]);
    const trs = decomposeTransform(m, 16);
    expect(trs.translation).toEqual([3, 4, 5]);
    expect(trs.scale).toEqual([2, 2, 2]);
    expect(trs.rotation[1]).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
