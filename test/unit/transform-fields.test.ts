import { describe, expect, it } from 'vitest';
import { composeTRS } from '../../src/core/math/mat4';
import { multiply } from '../../src/core/math/mat4-ops';
import { Prng } from '../../src/core/prng';
import {
  centroid,
  composeMatrix,
  decomposeMatrix,
  formatField,
  parseField,
  stepFor,
  withField,
  type TransformFields,
  type Vec3,
} from '../../src/ui/inspector/transform-fields';

function maxDiff(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

function randomFields(rng: Prng, mirrored = false): TransformFields {
  const v = (lo: number, hi: number): Vec3 => [
    rng.range(lo, hi),
    rng.range(lo, hi),
    rng.range(lo, hi),
  ];
  const scale = v(0.05, 8);
  if (mirrored) scale[0] = -scale[0];
  return { position: v(-500, 500), rotation: v(-180, 180), scale };
}

describe('composeMatrix', () => {
  it('builds the same matrix as the generators (three’s XYZ Euler)', () => {
    const rng = new Prng(7);
    for (let n = 0; n < 50; n++) {
      const f = randomFields(rng);
      const ref = new Float64Array(16);
      const rad = f.rotation.map((d) => (d * Math.PI) / 180) as unknown as Vec3;
      composeTRS(ref as unknown as Float32Array, 0, f.position, rad, f.scale);
      expect(maxDiff(composeMatrix(f), [...ref])).toBeLessThan(1e-12);
    }
  });
});

describe('decomposeMatrix', () => {
  it('round-trips matrices within 1e-9 and translations exactly', () => {
    const rng = new Prng(42);
    for (let n = 0; n < 500; n++) {
      const m = composeMatrix(randomFields(rng, n % 5 === 0));
      const back = composeMatrix(decomposeMatrix(m));
      expect(maxDiff(back, m)).toBeLessThan(1e-9);
      expect(back.slice(12)).toEqual(m.slice(12));
    }
  });

  it('recovers the fields it was composed from', () => {
    const rng = new Prng(3);
    for (let n = 0; n < 200; n++) {
      const f = randomFields(rng);
      f.rotation[1] = rng.range(-89, 89);
      const d = decomposeMatrix(composeMatrix(f));
      expect(maxDiff(d.rotation, f.rotation)).toBeLessThan(1e-9);
      expect(maxDiff(d.scale, f.scale)).toBeLessThan(1e-9);
      expect(d.position).toEqual(f.position);
    }
  });

  it('reads identity as zero rotation and unit scale', () => {
    const d = decomposeMatrix([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 3, 4, 1]);
    expect(d).toEqual({ position: [2, 3, 4], rotation: [0, 0, 0], scale: [1, 1, 1] });
  });

  it('reproduces the matrix at gimbal lock (y = ±90°)', () => {
    for (const y of [90, -90]) {
      const m = composeMatrix({ position: [1, 2, 3], rotation: [30, y, -40], scale: [1, 2, 3] });
      const d = decomposeMatrix(m);
      expect(d.rotation[1]).toBeCloseTo(y, 9);
      expect(maxDiff(composeMatrix(d), m)).toBeLessThan(1e-9);
    }
  });

  it('gives a mirroring matrix a negative x scale', () => {
    const m = composeMatrix({ position: [0, 0, 0], rotation: [10, 20, 30], scale: [-2, 1, 1] });
    const d = decomposeMatrix(m);
    expect(d.scale[0]).toBeCloseTo(-2, 12);
    expect(maxDiff(composeMatrix(d), m)).toBeLessThan(1e-12);
  });

  it('keeps the translation of a zero-scale matrix', () => {
    const d = decomposeMatrix([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 6, 7, 1]);
    expect(d.position).toEqual([5, 6, 7]);
    expect(d.scale[0]).toBe(0);
  });

  it('round-trips matrices read back from float32 (generated objects)', () => {
    const rng = new Prng(11);
    for (let n = 0; n < 100; n++) {
      const f = randomFields(rng);
      const m32 = Array.from(new Float32Array(composeMatrix(f)));
      expect(maxDiff(composeMatrix(decomposeMatrix(m32)), m32)).toBeLessThan(1e-6);
      expect(composeMatrix(decomposeMatrix(m32)).slice(12)).toEqual(m32.slice(12));
    }
  });
});

describe('withField', () => {
  const m = composeMatrix({ position: [1, 2, 3], rotation: [10, 20, 30], scale: [1, 2, 3] });

  it('changes only the translation for a position edit', () => {
    const out = withField(m, 'position', 1, 9.5);
    expect(out).toEqual([...m.slice(0, 13), 9.5, ...m.slice(14)]);
  });

  it('changes the rotation or scale and keeps the translation exactly', () => {
    const rotated = decomposeMatrix(withField(m, 'rotation', 2, -45));
    expect(rotated.rotation[0]).toBeCloseTo(10, 9);
    expect(rotated.rotation[2]).toBeCloseTo(-45, 9);
    expect(rotated.scale[1]).toBeCloseTo(2, 9);
    const scaled = withField(m, 'scale', 0, 4);
    expect(decomposeMatrix(scaled).scale[0]).toBeCloseTo(4, 9);
    expect(scaled.slice(12)).toEqual(m.slice(12));
  });

  it('keeps a child of a rotated group where it is when nothing changes', () => {
    const parent = composeMatrix({ position: [5, 0, 0], rotation: [0, 45, 0], scale: [2, 2, 2] });
    const world = multiply(parent, m);
    const same = withField(world, 'rotation', 0, decomposeMatrix(world).rotation[0]);
    expect(maxDiff(same, world)).toBeLessThan(1e-9);
  });
});

describe('field text', () => {
  it('formats to the field’s precision without trailing zeros or -0', () => {
    expect(formatField('position', 1.23456789)).toBe('1.235');
    expect(formatField('position', 2)).toBe('2');
    expect(formatField('rotation', 44.999999)).toBe('45');
    expect(formatField('rotation', -0.000001)).toBe('0');
    expect(formatField('scale', 0.1 + 0.2)).toBe('0.3');
  });

  it('parses plain decimal numbers only', () => {
    expect(parseField(' 1.5 ')).toBe(1.5);
    expect(parseField('-.25')).toBe(-0.25);
    expect(parseField('+3')).toBe(3);
    expect(parseField('1e3')).toBe(1000);
    expect(parseField('')).toBeNull();
    expect(parseField('abc')).toBeNull();
    expect(parseField('1,5')).toBeNull();
    expect(parseField('1e999')).toBeNull();
  });

  it('steps by field kind with coarse and fine modifiers', () => {
    const none = { shiftKey: false, altKey: false };
    expect(stepFor('position', none)).toBe(0.1);
    expect(stepFor('rotation', none)).toBe(1);
    expect(stepFor('rotation', { ...none, shiftKey: true })).toBe(15);
    expect(stepFor('scale', { ...none, altKey: true })).toBeCloseTo(0.01, 12);
  });

  it('averages positions for a multiple selection', () => {
    const a = composeMatrix({ position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] });
    const b = composeMatrix({ position: [2, 4, -6], rotation: [0, 0, 0], scale: [1, 1, 1] });
    expect(centroid([a, b])).toEqual([1, 2, -3]);
    expect(centroid([])).toEqual([0, 0, 0]);
  });
});
