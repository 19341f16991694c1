// The marching-tetrahedra kernel against its CPU reference in real Chromium WebGPU: the same
// topology (every index equal, in the same order) and positions/normals within float tolerance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridFromFunction } from '../../src/core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../../src/core/shape/marching-tets';
import { isWatertight } from '../../src/core/shape/mesh-checks';
import type { OccupancyGrid, ShapeMesh } from '../../src/core/shape/shape-types';
import { Prng } from '../../src/core/prng';
import { extractSurfaceGpu } from '../../src/gpu/shape/surface-pass';
import {
  compareArrays,
  createGpuHarness,
  inErrorScopes,
  type GpuHarness,
} from '../support/gpu-harness';

const BOUND = 0.55;
/** Positions: f32 interpolation on the GPU vs f64 on the CPU (a few f32 ulps at 0.55). */
const POSITION_TOLERANCE = 5e-7;
/** Normals: unit vectors from f32 vs f64 sums of cell-local face normals. */
const NORMAL_TOLERANCE = 5e-5;

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

function sphere(n: number, r = 0.35): OccupancyGrid {
  return gridFromFunction(n, BOUND, (x, y, z) => 20 * (r - Math.hypot(x, y, z)));
}

function torus(n: number): OccupancyGrid {
  return gridFromFunction(
    n,
    BOUND,
    (x, y, z) => 20 * (0.12 - Math.hypot(Math.hypot(x, z) - 0.3, y)),
  );
}

function noise(n: number, seed: number): OccupancyGrid {
  const prng = new Prng(seed);
  return gridFromFunction(n, BOUND, () => prng.range(-1, 1));
}

function firstIndexDifference(a: Uint32Array, b: Uint32Array): string | null {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return `index ${k}: gpu ${a[k]} vs cpu ${b[k]}`;
  }
  return null;
}

async function compare(
  grid: OccupancyGrid,
  options = {},
): Promise<{ gpu: ShapeMesh; cpu: ShapeMesh }> {
  const gpu = await inErrorScopes(h, () => extractSurfaceGpu(h.runner, grid, options));
  const cpu = extractSurfaceCpu(grid);
  expect(firstIndexDifference(gpu.indices, cpu.indices)).toBeNull();
  expect(gpu.positions.length).toBe(cpu.positions.length);
  if (cpu.positions.length > 0) {
    expect(compareArrays(gpu.positions, cpu.positions).maxAbs).toBeLessThan(POSITION_TOLERANCE);
    expect(compareArrays(gpu.normals, cpu.normals).maxAbs).toBeLessThan(NORMAL_TOLERANCE);
  }
  return { gpu, cpu };
}

describe('marching tetrahedra kernel vs CPU reference', () => {
  it('runs on a real WebGPU adapter', async () => {
    const { info } = await h.context.device();
    expect(info.adapter.length).toBeGreaterThan(0);
    expect(typeof navigator.gpu).toBe('object');
  });

  it('sphere, n = 24', async () => {
    const { gpu } = await compare(sphere(24));
    expect(gpu.indices.length).toBeGreaterThan(3000);
    expect(isWatertight(gpu)).toBe(true);
  });

  it('torus, n = 32', async () => {
    const { gpu } = await compare(torus(32));
    expect(isWatertight(gpu)).toBe(true);
    // Genus 1: V - E + F = V - F / 2 = 0.
    expect(gpu.positions.length / 3 - gpu.indices.length / 6).toBe(0);
  });

  it('seeded random field, n = 16', async () => {
    const { gpu } = await compare(noise(16, 77));
    expect(gpu.indices.length / 3).toBeGreaterThan(5000);
  });

  it('empty grid: no vertices, no triangles', async () => {
    const grid = gridFromFunction(20, BOUND, () => -1);
    const { gpu } = await compare(grid);
    expect(gpu.positions.length).toBe(0);
    expect(gpu.indices.length).toBe(0);
  });

  it('all-inside grid touching the border: closed at the border', async () => {
    const { gpu } = await compare(gridFromFunction(12, BOUND, () => 1));
    expect(isWatertight(gpu)).toBe(true);
  });

  it('sphere, n = 64', async () => {
    await compare(sphere(64));
  });

  it('non-power-of-two n = 37, off-centre sphere cut by the border', async () => {
    const grid = gridFromFunction(
      37,
      BOUND,
      (x, y, z) => 10 * (0.5 - Math.hypot(x - 0.2, y, z + 0.1)),
    );
    const { gpu } = await compare(grid);
    expect(isWatertight(gpu)).toBe(true);
  });

  it('n = 5: a prefix sum of a single block', async () => {
    const { gpu } = await compare(noise(5, 3));
    expect(gpu.indices.length).toBeGreaterThan(0);
  });

  it('gives the same mesh when every dispatch is split into 2D workgroup grids', async () => {
    const dispatches = h.runner.dispatchCount;
    await compare(sphere(20), { maxWorkgroupsPerDimension: 16 });
    // classify, 2 scan levels, 1 offset level, 2 emit passes.
    expect(h.runner.dispatchCount - dispatches).toBe(6);
  });

  it('gives the same mesh through a 4-level prefix sum', async () => {
    const dispatches = h.runner.dispatchCount;
    // 41^3 = 68921 points, 256 per block: 270, 2, 1.
    await compare(torus(40), { scanItemsPerThread: 1 });
    expect(h.runner.dispatchCount - dispatches).toBe(1 + 3 + 2 + 2);
  });
});
