// What eval:shape measures: IoU, cell-centre occupancy, surface sampling, Chamfer distance, and the
// silhouette-extrusion baseline.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { extrudeSilhouette } from '../../src/core/shape/extrusion-baseline';
import { gridFromFunction } from '../../src/core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../../src/core/shape/marching-tets';
import { viewBasis } from '../../src/core/shape/render-view';
import {
  cellCentreOccupancy,
  chamferDistance,
  occupancyIou,
  sampleMeshSurface,
} from '../../src/core/shape/shape-metrics';
import { SHAPE_BOUND, SHAPE_EXTENT, type ShapeImage } from '../../src/core/shape/shape-types';

const R = 0.3;
const sphere = (x: number, y: number, z: number) => R - Math.sqrt(x * x + y * y + z * z);

describe('occupancyIou', () => {
  it('is 1 for equal masks, 0 for disjoint ones, and intersection over union between', () => {
    const a = Uint8Array.from([1, 1, 0, 0]);
    expect(occupancyIou(a, a)).toBe(1);
    expect(occupancyIou(a, Uint8Array.from([0, 0, 1, 1]))).toBe(0);
    expect(occupancyIou(a, Uint8Array.from([1, 0, 1, 0]))).toBeCloseTo(1 / 3, 12);
    expect(occupancyIou(new Uint8Array(4), new Uint8Array(4))).toBe(1);
    expect(() => occupancyIou(a, new Uint8Array(3))).toThrow(/4 and 3 cells/);
  });
});

describe('cellCentreOccupancy', () => {
  it("fills a sphere's cells to its volume", () => {
    const grid = gridFromFunction(48, SHAPE_BOUND, sphere);
    const inside = cellCentreOccupancy(grid);
    expect(inside.length).toBe(48 ** 3);
    const cell = (2 * SHAPE_BOUND) / 48;
    const volume = inside.reduce((s, v) => s + v, 0) * cell ** 3;
    expect(volume / ((4 / 3) * Math.PI * R ** 3)).toBeCloseTo(1, 1);
  });
});

describe('surface samples and Chamfer distance', () => {
  const mesh = extractSurfaceCpu(gridFromFunction(40, SHAPE_BOUND, sphere));

  it('spreads points over the mesh surface', () => {
    const points = sampleMeshSurface(mesh, 2000, new Prng(3));
    expect(points.length).toBe(6000);
    let worst = 0;
    const octants = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const [x, y, z] = [points[3 * i]!, points[3 * i + 1]!, points[3 * i + 2]!];
      worst = Math.max(worst, Math.abs(Math.hypot(x, y, z) - R));
      octants.add((x > 0 ? 1 : 0) + (y > 0 ? 2 : 0) + (z > 0 ? 4 : 0));
    }
    expect(worst).toBeLessThan(0.01);
    expect(octants.size).toBe(8);
    expect(
      sampleMeshSurface({ ...mesh, indices: new Uint32Array(0) }, 10, new Prng(3)).length,
    ).toBe(0);
  });

  it('is 0 for one set, the offset for a shifted set, and infinite for an empty one', () => {
    const a = sampleMeshSurface(mesh, 800, new Prng(5));
    expect(chamferDistance(a, a)).toBe(0);
    const shifted = a.map((v, i) => (i % 3 === 0 ? v + 0.05 : v));
    const d = chamferDistance(a, shifted);
    expect(d).toBeGreaterThan(0.01);
    expect(d).toBeLessThanOrEqual(0.05 + 1e-6);
    expect(chamferDistance(a, new Float32Array(0))).toBe(Infinity);
  });
});

describe('extrudeSilhouette', () => {
  function squareMask(from: number, to: number): ShapeImage {
    const size = 64;
    const data = new Float32Array(2 * size * size).fill(1);
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) {
        data[j * size + i] = i >= from && i < to && j >= from && j < to ? 1 : 0;
      }
    }
    return { data, size };
  }

  it('gives nothing for an empty mask', () => {
    expect(extrudeSilhouette(squareMask(0, 0), viewBasis())).toBeNull();
  });

  it('makes a solid normalised like the training shapes', () => {
    const inside = extrudeSilhouette(squareMask(16, 48), viewBasis())!;
    const grid = gridFromFunction(64, SHAPE_BOUND, (x, y, z) => (inside(x, y, z) ? 1 : -1));
    const mesh = extractSurfaceCpu(grid);
    const lo = [Infinity, Infinity, Infinity];
    const hi = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < mesh.positions.length; i++) {
      lo[i % 3] = Math.min(lo[i % 3]!, mesh.positions[i]!);
      hi[i % 3] = Math.max(hi[i % 3]!, mesh.positions[i]!);
    }
    const largest = Math.max(...hi.map((h, d) => h - lo[d]!));
    // Centred, with its largest side SHAPE_EXTENT (to within a grid cell).
    const cell = (2 * SHAPE_BOUND) / 64;
    expect(Math.abs(largest - SHAPE_EXTENT)).toBeLessThan(2 * cell);
    for (let d = 0; d < 3; d++) expect(Math.abs(lo[d]! + hi[d]!) / 2).toBeLessThan(cell);
    // A square extruded as deep as it is wide is a cube seen from the view: the centre is inside,
    // the box's corners are not.
    expect(inside(0, 0, 0)).toBe(true);
    expect(inside(SHAPE_BOUND, SHAPE_BOUND, SHAPE_BOUND)).toBe(false);
  });
});
