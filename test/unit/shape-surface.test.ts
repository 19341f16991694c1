// Surface extraction (marching tetrahedra), the mesh checks, and coarse-to-fine grid decoding.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import {
  decodeGrid,
  gridFromFunction,
  gridPoints,
  refineGrid,
  type FieldEvaluator,
} from '../../src/core/shape/hierarchical-grid';
import {
  TETRAHEDRA,
  TET_ENTRY_STRIDE,
  extractSurfaceCpu,
  tetTable,
} from '../../src/core/shape/marching-tets';
import { isWatertight, meshBounds, meshVolume } from '../../src/core/shape/mesh-checks';
import type { OccupancyGrid, ShapeMesh } from '../../src/core/shape/shape-types';

const B = 0.55;
const R = 0.35;
const sphereField = (x: number, y: number, z: number) => 20 * (R - Math.hypot(x, y, z));
const torusField = (x: number, y: number, z: number) =>
  20 * (0.12 - Math.hypot(Math.hypot(x, z) - 0.3, y));
const SPHERE_VOLUME = (4 / 3) * Math.PI * R ** 3;
const TORUS_VOLUME = 2 * Math.PI ** 2 * 0.3 * 0.12 ** 2;

const vertexCount = (m: ShapeMesh) => m.positions.length / 3;
const triangleCount = (m: ShapeMesh) => m.indices.length / 3;
/** V - E + F of a closed triangle mesh (E = 3F / 2). */
const euler = (m: ShapeMesh) => vertexCount(m) - triangleCount(m) / 2;

function noiseGrid(n: number, seed: number, quantised = false): OccupancyGrid {
  const prng = new Prng(seed);
  return gridFromFunction(n, B, () => (quantised ? prng.int(-1, 1) : prng.range(-1, 1)));
}

const fieldEvaluator =
  (field: (x: number, y: number, z: number) => number, seen?: Float32Array[]): FieldEvaluator =>
  async (points) => {
    seen?.push(points);
    const out = new Float32Array(points.length / 3);
    for (let i = 0; i < out.length; i++) {
      out[i] = field(points[i * 3]!, points[i * 3 + 1]!, points[i * 3 + 2]!);
    }
    return out;
  };

const corner = (c: number) => [c & 1, (c >> 1) & 1, c >> 2];
const sub = (a: number[], b: number[]) => a.map((v, k) => v - b[k]!);
const cross = (a: number[], b: number[]) => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
const dot = (a: number[], b: number[]) => a.reduce((s, v, k) => s + v * b[k]!, 0);

describe('marching tetrahedra tables', () => {
  it('the 6 tetrahedra tile the unit cube around its main diagonal', () => {
    let volume = 0;
    for (const t of TETRAHEDRA) {
      expect([t[0], t[3]]).toEqual([0, 7]);
      const [a, b, c, d] = t.map(corner) as [number[], number[], number[], number[]];
      const v = Math.abs(dot(sub(b, a), cross(sub(c, a), sub(d, a)))) / 6;
      expect(v).toBeCloseTo(1 / 6, 12);
      volume += v;
    }
    expect(volume).toBeCloseTo(1, 12);
  });

  it('every sign case gives 1 or 2 triangles facing from inside to outside, wherever the crossings are', () => {
    const table = tetTable();
    const prng = new Prng(5);
    TETRAHEDRA.forEach((corners, t) => {
      for (let mask = 0; mask < 16; mask++) {
        const base = (t * 16 + mask) * TET_ENTRY_STRIDE;
        const insideCount = [0, 1, 2, 3].filter((k) => (mask >> k) & 1).length;
        const expected = insideCount === 0 || insideCount === 4 ? 0 : insideCount === 2 ? 2 : 1;
        expect(table[base]).toBe(expected);
        const inside = corners.filter((_, k) => (mask >> k) & 1).map(corner);
        const outside = corners.filter((_, k) => !((mask >> k) & 1)).map(corner);
        const centre = (ps: number[][]) =>
          [0, 1, 2].map((k) => ps.reduce((s, p) => s + p[k]!, 0) / ps.length);
        for (let trial = 0; trial < 20 && expected > 0; trial++) {
          // Random crossing fractions, one per edge of the tetrahedron.
          const fraction = new Map<number, number>();
          const at = (edge: number) => {
            if (!fraction.has(edge)) fraction.set(edge, prng.range(0.001, 0.999));
            const c = corner(edge & 7);
            const d = corner(edge >> 3);
            return c.map((v, k) => v + fraction.get(edge)! * d[k]!);
          };
          for (let k = 0; k < table[base]!; k++) {
            const [a, b, c] = [1, 2, 3].map((j) => at(table[base + k * 3 + j]!)) as [
              number[],
              number[],
              number[],
            ];
            const normal = cross(sub(b, a), sub(c, a));
            expect(dot(normal, sub(centre(outside), centre(inside)))).toBeGreaterThan(0);
          }
        }
      }
    });
  });
});

describe('extractSurfaceCpu', () => {
  it('sphere: watertight, genus 0, volume within 3% and converging with n, radial unit normals', () => {
    let previous = Infinity;
    for (const n of [16, 32, 64]) {
      const mesh = extractSurfaceCpu(gridFromFunction(n, B, sphereField));
      expect(isWatertight(mesh)).toBe(true);
      expect(euler(mesh)).toBe(2);
      const error = Math.abs(meshVolume(mesh) - SPHERE_VOLUME) / SPHERE_VOLUME;
      expect(error).toBeLessThan(0.03);
      expect(error).toBeLessThan(previous / 3);
      previous = error;
      const bounds = meshBounds(mesh)!;
      for (let k = 0; k < 3; k++) {
        expect(bounds.max[k]).toBeCloseTo(R, 5);
        expect(bounds.min[k]).toBeCloseTo(-R, 5);
      }
      let worst = 1;
      for (let v = 0; v < vertexCount(mesh); v++) {
        const p = Array.from(mesh.positions.subarray(v * 3, v * 3 + 3));
        const nrm = Array.from(mesh.normals.subarray(v * 3, v * 3 + 3));
        expect(Math.hypot(...nrm)).toBeCloseTo(1, 6);
        worst = Math.min(worst, dot(nrm, p) / Math.hypot(...p));
      }
      expect(worst).toBeGreaterThan(0.98);
    }
  });

  it('torus: watertight, genus 1, volume within 5% and converging with n', () => {
    let previous = Infinity;
    for (const n of [24, 48]) {
      const mesh = extractSurfaceCpu(gridFromFunction(n, B, torusField));
      expect(isWatertight(mesh)).toBe(true);
      expect(euler(mesh)).toBe(0);
      const error = Math.abs(meshVolume(mesh) - TORUS_VOLUME) / TORUS_VOLUME;
      expect(error).toBeLessThan(0.05);
      expect(error).toBeLessThan(previous / 2);
      previous = error;
    }
  });

  it('random noise fields are always watertight', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const mesh = extractSurfaceCpu(noiseGrid(9 + seed, seed));
      expect(triangleCount(mesh)).toBeGreaterThan(1000);
      expect(isWatertight(mesh)).toBe(true);
      expect(meshVolume(mesh)).toBeGreaterThan(0);
    }
  });

  it('values exactly at iso count as inside; no vertex sits on a grid point or on another vertex', () => {
    const grid = noiseGrid(10, 9, true);
    expect(grid.values.filter((v) => v === 0).length).toBeGreaterThan(300);
    const mesh = extractSurfaceCpu(grid);
    expect(isWatertight(mesh)).toBe(true);
    const h = (2 * B) / grid.n;
    const seen = new Set<string>();
    for (let v = 0; v < vertexCount(mesh); v++) {
      const q = Array.from(mesh.positions.subarray(v * 3, v * 3 + 3), (x) => (x + B) / h);
      expect(q.every((x) => Math.abs(x - Math.round(x)) < 1e-4)).toBe(false);
      seen.add(q.map((x) => x.toFixed(5)).join());
    }
    expect(seen.size).toBe(vertexCount(mesh));
  });

  it('orders vertices by edge id and triangles by cell', () => {
    const grid = gridFromFunction(12, B, torusField);
    const mesh = extractSurfaceCpu(grid);
    const np = grid.n + 1;
    const h = (2 * B) / grid.n;
    let lastEdge = -1;
    for (let v = 0; v < vertexCount(mesh); v++) {
      // p + t * d with t in [1/1024, 1 - 1/1024]: the integer part is p, the fractional part shows d.
      const q = Array.from(mesh.positions.subarray(v * 3, v * 3 + 3), (x) => (x + B) / h + 1e-4);
      const p = q.map(Math.floor);
      const code = q.reduce((s, x, k) => s | ((x - p[k]! > 5e-4 ? 1 : 0) << k), 0);
      const edge = 7 * (p[0]! + np * (p[1]! + np * p[2]!)) + code - 1;
      expect(edge).toBeGreaterThan(lastEdge);
      lastEdge = edge;
    }
    let lastCell = -1;
    for (let t = 0; t < triangleCount(mesh); t++) {
      const c = [0, 1, 2].map((k) => {
        const mean =
          [0, 1, 2].reduce((s, j) => s + mesh.positions[mesh.indices[t * 3 + j]! * 3 + k]!, 0) / 3;
        return Math.floor((mean + B) / h);
      });
      const cell = c[0]! + grid.n * (c[1]! + grid.n * c[2]!);
      expect(cell).toBeGreaterThanOrEqual(lastCell);
      lastCell = cell;
    }
  });

  it('all outside: an empty mesh', () => {
    const mesh = extractSurfaceCpu(gridFromFunction(8, B, () => -3));
    expect(mesh.positions.length + mesh.normals.length + mesh.indices.length).toBe(0);
    expect(isWatertight(mesh)).toBe(true);
    expect(meshVolume(mesh)).toBe(0);
    expect(meshBounds(mesh)).toBeNull();
  });

  it('all inside: the border closes it, half a cell in from the box', () => {
    const n = 10;
    const h = (2 * B) / n;
    const mesh = extractSurfaceCpu(gridFromFunction(n, B, () => 3));
    expect(isWatertight(mesh)).toBe(true);
    expect(euler(mesh)).toBe(2);
    const volume = meshVolume(mesh);
    expect(volume).toBeLessThan((2 * B - h) ** 3);
    expect(volume).toBeGreaterThan((2 * B - 2 * h) ** 3);
    const bounds = meshBounds(mesh)!;
    expect(bounds.max[0]).toBeCloseTo(B - h / 2, 6);
    expect(bounds.min[2]).toBeCloseTo(-B + h / 2, 6);
  });

  it('a shape cut by the border is closed', () => {
    const grid = gridFromFunction(20, B, (x, y, z) => 10 * (0.6 - Math.hypot(x - 0.2, y, z)));
    const mesh = extractSurfaceCpu(grid);
    expect(isWatertight(mesh)).toBe(true);
    expect(euler(mesh)).toBe(2);
    // The cap is half a cell in from the border; near its rim the surface meets the border.
    const { min, max } = meshBounds(mesh)!;
    expect(max[0]).toBeLessThan(B);
    expect(max[0]).toBeGreaterThan(B - (2 * B) / 20 / 2);
    expect(min[0]).toBeCloseTo(0.2 - 0.6, 6);
  });

  it('names what is wrong with a bad grid', () => {
    const good = gridFromFunction(4, B, sphereField);
    expect(() => extractSurfaceCpu({ ...good, values: new Float32Array(10) })).toThrow(
      /needs 125 values/,
    );
    expect(() => extractSurfaceCpu({ ...good, n: 0 })).toThrow(/n must be/);
    expect(() => extractSurfaceCpu({ ...good, bound: -1 })).toThrow(/bound/);
    const values = good.values.slice();
    values[17] = NaN;
    expect(() => extractSurfaceCpu({ ...good, values })).toThrow(/value 17 is NaN/);
  });
});

describe('mesh checks', () => {
  const mesh = extractSurfaceCpu(gridFromFunction(8, B, sphereField));
  const withIndices = (indices: number[]) => ({ ...mesh, indices: Uint32Array.from(indices) });

  it('a missing, flipped, repeated or degenerate triangle breaks watertightness', () => {
    const ids = Array.from(mesh.indices);
    expect(isWatertight(mesh)).toBe(true);
    expect(isWatertight(withIndices(ids.slice(3)))).toBe(false);
    expect(isWatertight(withIndices([ids[0]!, ids[2]!, ids[1]!, ...ids.slice(3)]))).toBe(false);
    expect(isWatertight(withIndices([...ids, ...ids.slice(0, 3)]))).toBe(false);
    expect(isWatertight(withIndices([...ids, 0, 0, 1, 1, 0, 0]))).toBe(false);
    expect(isWatertight(withIndices([...ids.slice(3), ids[0]!, ids[1]!, vertexCount(mesh)]))).toBe(
      false,
    );
  });

  it('volume changes sign with the winding', () => {
    const flipped = Array.from(mesh.indices);
    for (let i = 0; i < flipped.length; i += 3)
      [flipped[i + 1], flipped[i + 2]] = [flipped[i + 2]!, flipped[i + 1]!];
    expect(meshVolume(mesh)).toBeGreaterThan(0);
    expect(meshVolume(withIndices(flipped))).toBeCloseTo(-meshVolume(mesh), 12);
    expect(isWatertight(withIndices(flipped))).toBe(true);
  });
});

describe('grid decoding', () => {
  it('gridPoints: x fastest, corners at ±bound, slices agree with the whole', () => {
    const all = gridPoints(4, B);
    expect(all.length).toBe(125 * 3);
    expect(Array.from(all.subarray(0, 6))).toEqual(
      [-B, -B, -B, -B + 0.275, -B, -B].map(Math.fround),
    );
    expect(Array.from(all.subarray(-3))).toEqual([B, B, B].map(Math.fround));
    expect(Array.from(gridPoints(4, B, 37, 11))).toEqual(Array.from(all.subarray(37 * 3, 48 * 3)));
    expect(() => gridPoints(4, B, 120, 10)).toThrow(/outside the 125 points/);
  });

  it('decodeGrid evaluates every point in chunks, equal to the dense field', async () => {
    const seen: Float32Array[] = [];
    const grid = await decodeGrid(12, B, fieldEvaluator(sphereField, seen), 500);
    expect(seen.length).toBe(Math.ceil(13 ** 3 / 500));
    expect(seen.every((p) => p.length <= 1500)).toBe(true);
    expect(grid.iso).toBe(0);
    expect(Array.from(grid.values)).toEqual(
      Array.from(gridFromFunction(12, B, sphereField).values),
    );
  });

  it('refineGrid 32 → 64 on a sphere: under 40% evaluated, evaluated values exact, same surface', async () => {
    const coarse = await decodeGrid(32, B, fieldEvaluator(sphereField));
    const dense = await decodeGrid(64, B, fieldEvaluator(sphereField));
    const seen: Float32Array[] = [];
    const progress: number[] = [];
    const refined = await refineGrid(coarse, 64, fieldEvaluator(sphereField, seen), {
      onChunk: (done, total) => progress.push(done / total),
    });
    expect(refined.total).toBe(65 ** 3);
    expect(refined.evaluated / refined.total).toBeLessThan(0.4);
    expect(refined.evaluated / refined.total).toBeGreaterThan(0.05);
    expect(progress[progress.length - 1]).toBe(1);
    // Every evaluated point is a fine grid point and got exactly the dense value (so the same sign).
    const h = (2 * B) / 64;
    let checked = 0;
    const mismatches: number[] = [];
    for (const points of seen) {
      for (let k = 0; k < points.length / 3; k++) {
        const [x, y, z] = [0, 1, 2].map((a) => Math.round((points[k * 3 + a]! + B) / h));
        const i = x! + 65 * (y! + 65 * z!);
        if (refined.grid.values[i] !== dense.values[i]) mismatches.push(i);
        checked++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(refined.evaluated);
    // Interpolated points keep their sign here, so the surfaces are identical.
    for (let i = 0; i < dense.values.length; i++) {
      if (refined.grid.values[i]! >= 0 !== dense.values[i]! >= 0)
        throw new Error(`sign differs at ${i}`);
    }
    const a = extractSurfaceCpu(refined.grid);
    const b = extractSurfaceCpu(dense);
    expect(a.indices).toEqual(b.indices);
    expect(a.positions).toEqual(b.positions);
  });

  it('a feature the coarse grid misses is found only with a band wide enough', async () => {
    // A ball smaller than a coarse cell, centred in one: its 8 corners read about -1.4.
    const c = -B + 4.5 * ((2 * B) / 8);
    const field = (x: number, y: number, z: number) =>
      20 * (0.05 - Math.hypot(x - c, y - c, z - c));
    const coarse = await decodeGrid(8, B, fieldEvaluator(field));
    const dense = extractSurfaceCpu(await decodeGrid(32, B, fieldEvaluator(field)));
    expect(triangleCount(dense)).toBeGreaterThan(8);
    const narrow = await refineGrid(coarse, 32, fieldEvaluator(field), { band: 1 });
    expect(narrow.evaluated).toBe(0);
    expect(triangleCount(extractSurfaceCpu(narrow.grid))).toBe(0);
    const wide = await refineGrid(coarse, 32, fieldEvaluator(field), { band: 2 });
    const mesh = extractSurfaceCpu(wide.grid);
    expect(wide.evaluated).toBeGreaterThan(0);
    expect(wide.evaluated).toBeLessThan(wide.total / 2);
    expect(isWatertight(mesh)).toBe(true);
    expect(mesh.indices).toEqual(dense.indices);
    expect(mesh.positions).toEqual(dense.positions);
  });

  it('stops between chunks with an AbortError', async () => {
    const coarse = await decodeGrid(16, B, fieldEvaluator(sphereField));
    const controller = new AbortController();
    let calls = 0;
    const evaluate: FieldEvaluator = async (points) => {
      calls++;
      return fieldEvaluator(sphereField)(points);
    };
    const refining = refineGrid(coarse, 32, evaluate, {
      chunk: 1000,
      signal: controller.signal,
      onChunk: () => controller.abort(),
    });
    await expect(refining).rejects.toSatisfy(
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
    expect(calls).toBe(1);
    await expect(decodeGrid(8, B, evaluate, 100, controller.signal)).rejects.toThrow(/cancelled/);
    expect(calls).toBe(1);
  });

  it('names bad refinement arguments and bad evaluators', async () => {
    const coarse = gridFromFunction(8, B, sphereField);
    await expect(refineGrid(coarse, 20, fieldEvaluator(sphereField))).rejects.toThrow(
      /multiple of the coarse grid's n \(8\)/,
    );
    await expect(decodeGrid(4, B, async () => new Float32Array(3))).rejects.toThrow(
      /returned 3 values for 125 points/,
    );
  });
});
