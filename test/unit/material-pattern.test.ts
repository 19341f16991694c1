// The material pattern pass's CPU reference (src/core/materials/bake/pattern.ts) and the periodic
// noise under it (material-noise.ts): ranges, determinism, seamless tiling, variety.
//
// Tiling is checked two ways:
// - continuation: sampling the pattern one whole tile further along (the reference's `origin`
//   option) gives the same field, so the texel after the last one is the first one again;
// - the seam statistic: the mean difference across the wrap edge (column size-1 to column 0, and
//   row size-1 to row 0, over all four channels) is no larger than 1.5 times the largest mean
//   difference between two neighbouring interior columns (rows). Comparing with the largest
//   interior pair, not the average, keeps grid patterns honest: their wrap edge is often a grout
//   line, which is one of the largest interior differences too. Measured on the 63 periodic fields
//   below (20 patterns x 3 param sets, and tiled noise): 0.15 to 1.24 (the highest: herringbone).
//   Deliberately non-periodic fields fail it: a smooth noise whose period does not divide the tile
//   (3.1 to 4.0), and crops of smooth patterns (noise, brushed, bark) to widths that cut a repeat
//   (1.77 to 2.45). A statistic cannot flag every crop of a cellular pattern (a cut through cells
//   looks like one more cell border: a stripes crop measured 1.45) nor judge grids with only two
//   or three features along an axis (dots at stretch 7.9: 1.83 though exactly periodic), which is
//   what the exact continuation check is for; the odd-stretch test uses that alone.
import { describe, expect, it } from 'vitest';
import {
  mnCell,
  mnFbm,
  mnFbmValue,
  mnGradient,
  mnHash2,
  mnPcg,
  mnRidged,
  mnTurbulence,
  mnUnit,
  mnValue,
  mnWarp,
  mnWorley,
  mnWrap,
} from '../../src/core/materials/bake/material-noise';
import { PATTERN_COUNT, patternFieldCpu } from '../../src/core/materials/bake/pattern';
import { MATERIAL_PATTERNS } from '../../src/core/materials/preset';
import { pcg } from '../../src/core/noise/hash';
import { PATTERN_PARAM_SETS, patternUniforms } from '../support/material-fixtures';

const f = Math.fround;
const SIZE = 64;

function channel(field: Float32Array, c: number): number[] {
  const out: number[] = [];
  for (let i = c; i < field.length; i += 4) out.push(field[i]!);
  return out;
}

function range(values: number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}

function meanAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/**
 * The seam statistic of a square window (the first `width` columns and rows of a size-wide field):
 * mean difference across the window's wrap edge over the largest mean difference between two
 * neighbouring interior columns (or rows), all four channels summed, the worse of the two axes.
 */
function seamRatio(field: Float32Array, size: number, width = size): number {
  let worst = 0;
  for (const axis of ['x', 'y'] as const) {
    const pair = new Float64Array(width);
    for (let i = 0; i < width; i++) {
      const next = (i + 1) % width;
      for (let j = 0; j < width; j++) {
        const a = axis === 'x' ? (j * size + i) * 4 : (i * size + j) * 4;
        const b = axis === 'x' ? (j * size + next) * 4 : (next * size + j) * 4;
        for (let c = 0; c < 4; c++) pair[i]! += Math.abs(field[a + c]! - field[b + c]!) / width;
      }
    }
    let interior = 0;
    for (let i = 0; i < width - 1; i++) interior = Math.max(interior, pair[i]!);
    worst = Math.max(worst, pair[width - 1]! / interior);
  }
  return worst;
}

const SEAM_LIMIT = 1.5;

describe('material-noise: periodic noise', () => {
  const points = Array.from({ length: 60 }, (_, k) => [
    ((k * 0.618034) % 1) * 7 - 2.3,
    ((k * 0.414214) % 1) * 5 - 1.1,
  ]) as [number, number][];
  const periods: [number, number][] = [
    [1, 1],
    [3, 3],
    [4, 7],
    [16, 2],
  ];

  it('uses the same PCG permutation as the studio noise library', () => {
    for (const v of [0, 1, 2, 0xdeadbeef, 0xffffffff]) expect(mnPcg(v)).toBe(pcg(v));
  });

  it('wraps lattice coordinates, negative ones included', () => {
    expect([-7, -3, -1, 0, 2, 3, 5].map((c) => mnWrap(c, 3))).toEqual([2, 0, 2, 0, 2, 0, 2]);
    expect(mnCell(-1, 5, 4, 3, 9)).toBe(mnHash2(3, 2, 9));
    expect(mnCell(4, -3, 4, 3, 9)).toBe(mnHash2(0, 0, 9));
  });

  const fns: [string, (x: number, y: number, px: number, py: number) => number][] = [
    ['value', (x, y, px, py) => mnValue(x, y, px, py, 11)],
    ['gradient', (x, y, px, py) => mnGradient(x, y, px, py, 11)],
    ['worley f1', (x, y, px, py) => mnWorley(x, y, px, py, 0.8, 11).f1],
    ['worley f2', (x, y, px, py) => mnWorley(x, y, px, py, 0.8, 11).f2],
    ['worley edge', (x, y, px, py) => mnWorley(x, y, px, py, 0.8, 11).edge],
    ['worley id', (x, y, px, py) => mnWorley(x, y, px, py, 0.8, 11).id],
    ['fbm', (x, y, px, py) => mnFbm(x, y, px, py, 5, 0.5, 11)],
    ['fbm value', (x, y, px, py) => mnFbmValue(x, y, px, py, 4, 0.6, 11)],
    ['ridged', (x, y, px, py) => mnRidged(x, y, px, py, 4, 0.5, 11)],
    ['turbulence', (x, y, px, py) => mnTurbulence(x, y, px, py, 4, 0.5, 11)],
    ['warp x', (x, y, px, py) => mnWarp(x, y, px, py, 0.7, 11)[0] - x],
    ['warp y', (x, y, px, py) => mnWarp(x, y, px, py, 0.7, 11)[1] - y],
  ];

  for (const [name, fn] of fns) {
    it(`${name}: the value at p + period equals the value at p (and not at other shifts)`, () => {
      let differsAtHalf = 0;
      // (Worley ids stay the same over a whole cell, so fewer of them change.)
      for (const [px, py] of periods) {
        for (const [x, y] of points) {
          const v = fn(x, y, px, py);
          expect(Number.isFinite(v)).toBe(true);
          expect(fn(x + px, y, px, py)).toBeCloseTo(v, 9);
          expect(fn(x, y + py, px, py)).toBeCloseTo(v, 9);
          expect(fn(x - 2 * px, y + 3 * py, px, py)).toBeCloseTo(v, 9);
          // A shift that is not a whole period gives other values: the check above is not vacuous.
          if (Math.abs(fn(x + px + 0.5, y, px, py) - v) > 1e-6) differsAtHalf++;
        }
      }
      expect(differsAtHalf).toBeGreaterThan(points.length * periods.length * 0.3);
    });
  }

  it('stays in range', () => {
    for (const [px, py] of periods) {
      for (const [x, y] of points) {
        const v = mnValue(x, y, px, py, 3);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(Math.abs(mnGradient(x, y, px, py, 3))).toBeLessThanOrEqual(1.05);
        const w = mnWorley(x, y, px, py, 1, 3);
        expect(w.f1).toBeLessThanOrEqual(w.f2);
        expect(w.edge).toBeGreaterThanOrEqual(0);
        expect(w.edge).toBeLessThanOrEqual(w.f2);
        expect(w.rand).toBe(mnUnit(w.id));
        expect(Math.hypot(w.offsetX, w.offsetY)).toBeCloseTo(w.f1, 12);
        for (const r of [
          mnRidged(x, y, px, py, 3, 0.5, 3),
          mnTurbulence(x, y, px, py, 3, 0.5, 3),
        ]) {
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('worley with jitter 0 is a square grid: F1 to the cell centre', () => {
    const w = mnWorley(2.25, 0.75, 4, 4, 0, 5);
    expect(w.f1).toBeCloseTo(Math.hypot(0.25, 0.25), 12);
    expect(w.edge).toBeCloseTo(0.25, 12);
  });
});

describe('pattern CPU reference', () => {
  it('implements every pattern kind, in MATERIAL_PATTERNS order', () => {
    expect(PATTERN_COUNT).toBe(MATERIAL_PATTERNS.length);
    // Unknown codes fall back to noise, as the kernel's switch default does.
    expect(Array.from(patternFieldCpu(patternUniforms(99)))).toEqual(
      Array.from(patternFieldCpu(patternUniforms(0))),
    );
  });

  for (const [p, name] of MATERIAL_PATTERNS.entries()) {
    describe(`${p} ${name}`, () => {
      for (const [setName, set] of PATTERN_PARAM_SETS) {
        it(`${setName}: finite, in range, not flat, deterministic, seeded, seamless`, () => {
          const u = patternUniforms(p, set);
          const field = patternFieldCpu(u);
          expect(field.length).toBe(SIZE * SIZE * 4);
          const bad = field.findIndex((v) => !(v >= 0 && v <= 1));
          expect(bad, `texel value ${field[bad]} at ${bad}`).toBe(-1);
          // Not flat: relief in the height (polished patterns have little), and a clear pattern in
          // the height or the cell value; the detail noise is always there.
          const [height, cell, , detail] = [0, 1, 2, 3].map((c) => range(channel(field, c)));
          expect(height).toBeGreaterThan(0.1);
          expect(Math.max(height!, cell!)).toBeGreaterThan(0.15);
          expect(detail).toBeGreaterThan(0.2);

          expect(Array.from(patternFieldCpu(u))).toEqual(Array.from(field));
          const other = patternFieldCpu({ ...u, seed: (u.seed + 1) >>> 0 });
          expect(meanAbsDiff(other, field)).toBeGreaterThan(0.01);

          // Continuation: one tile further along in x, in y, and both, is the same tile.
          for (const origin of [
            [SIZE, 0],
            [0, SIZE],
            [-SIZE, 3 * SIZE],
          ] as const) {
            const shifted = patternFieldCpu(u, { origin });
            let max = 0;
            for (let i = 0; i < field.length; i++) {
              max = Math.max(max, Math.abs(shifted[i]! - field[i]!));
            }
            expect(max, `origin ${origin.join(',')}`).toBeLessThan(1e-4);
          }
          expect(seamRatio(field, SIZE)).toBeLessThanOrEqual(SEAM_LIMIT);
        });
      }
    });
  }

  it('every pattern differs from every other', () => {
    const fields = MATERIAL_PATTERNS.map((_, p) => patternFieldCpu(patternUniforms(p)));
    for (let a = 0; a < fields.length; a++) {
      for (let b = a + 1; b < fields.length; b++) {
        const d = meanAbsDiff(fields[a]!, fields[b]!);
        expect(d, `${MATERIAL_PATTERNS[a]} vs ${MATERIAL_PATTERNS[b]}`).toBeGreaterThan(0.03);
      }
    }
  });

  it('params change the field', () => {
    for (const [p, name] of MATERIAL_PATTERNS.entries()) {
      const base = patternFieldCpu(patternUniforms(p));
      for (const key of ['density', 'groove', 'jitter', 'warp', 'detail', 'stretch'] as const) {
        // Some params only touch sparse features (brushed: groove deepens the rare scratches), so
        // the bar is low: each param must move the field at all.
        const changed = patternFieldCpu(
          patternUniforms(p, { [key]: key === 'stretch' ? 2.5 : f(0.9) }),
        );
        expect(meanAbsDiff(changed, base), `${name} ${key}`).toBeGreaterThan(2e-4);
      }
    }
  });

  it('stretch keeps the tile seamless by rounding counts (odd stretches)', () => {
    for (const p of MATERIAL_PATTERNS.keys()) {
      for (const stretch of [0.13, 1.37, 7.9]) {
        const u = patternUniforms(p, { stretch: f(stretch) });
        const field = patternFieldCpu(u);
        const shifted = patternFieldCpu(u, { origin: [SIZE, SIZE] });
        expect(meanAbsDiff(shifted, field)).toBeLessThan(1e-6);
      }
    }
  });
});

describe('the seam statistic catches non-periodic fields', () => {
  it('a smooth noise whose period does not divide the tile fails it', () => {
    for (const period of [2.5, 3.7, 5.5]) {
      const field = new Float32Array(SIZE * SIZE * 4);
      for (let j = 0; j < SIZE; j++) {
        for (let i = 0; i < SIZE; i++) {
          const x = ((i + 0.5) / SIZE) * period;
          const y = ((j + 0.5) / SIZE) * period;
          // The lattice repeats every 64 cells: periodic, but not over this tile.
          const v = 0.5 + 0.5 * mnFbm(x, y, 64, 64, 3, 0.5, 17);
          field.fill(v, (j * SIZE + i) * 4, (j * SIZE + i) * 4 + 4);
        }
      }
      expect(seamRatio(field, SIZE)).toBeGreaterThan(SEAM_LIMIT);
      // The same noise with an integer period tiles and passes.
      const tiled = new Float32Array(SIZE * SIZE * 4);
      const n = Math.round(period);
      for (let j = 0; j < SIZE; j++) {
        for (let i = 0; i < SIZE; i++) {
          const v =
            0.5 + 0.5 * mnFbm(((i + 0.5) / SIZE) * n, ((j + 0.5) / SIZE) * n, n, n, 3, 0.5, 17);
          tiled.fill(v, (j * SIZE + i) * 4, (j * SIZE + i) * 4 + 4);
        }
      }
      expect(seamRatio(tiled, SIZE)).toBeLessThanOrEqual(SEAM_LIMIT);
    }
  });

  it('crops of smooth patterns that cut a repeat fail it', () => {
    for (const name of ['noise', 'brushed', 'bark'] as const) {
      const field = patternFieldCpu(patternUniforms(MATERIAL_PATTERNS.indexOf(name)));
      expect(seamRatio(field, SIZE)).toBeLessThanOrEqual(SEAM_LIMIT);
      for (const width of [37, 45, 51]) {
        expect(seamRatio(field, SIZE, width), `${name} cropped to ${width}`).toBeGreaterThan(
          SEAM_LIMIT,
        );
      }
    }
  });
});
