// Point samples of a normalised shape for training and evaluation: points on the surface (roughly
// area-uniform), labelled occupancy queries (near the surface and uniform in the shape box), and
// the 64^3 occupancy grid the evaluation compares against.
import type { Prng } from '../prng';
import type { Shape } from './families';
import { SHAPE_BOUND, SHAPE_EXTENT } from './shape-types';
import type { Sdf } from './sdf';

/** |sdf| below this counts as on the surface. */
export const SURFACE_TOLERANCE = 1e-3;
const SURFACE_GRID = 40;

/** Standard normal deviate without logs or trigonometry (Irwin-Hall of 6 uniforms). */
export function gaussian(prng: Prng): number {
  let s = 0;
  for (let i = 0; i < 6; i++) s += prng.next();
  return (s - 3) * Math.SQRT2;
}

/** Moves p onto the zero set by Newton steps along the gradient; returns |sdf| after. */
function project(sdf: Sdf, p: Float64Array): number {
  const e = 5e-4;
  let d = sdf(p[0]!, p[1]!, p[2]!);
  for (let it = 0; it < 6 && Math.abs(d) >= SURFACE_TOLERANCE * 0.25; it++) {
    const gx = (sdf(p[0]! + e, p[1]!, p[2]!) - sdf(p[0]! - e, p[1]!, p[2]!)) / (2 * e);
    const gy = (sdf(p[0]!, p[1]! + e, p[2]!) - sdf(p[0]!, p[1]! - e, p[2]!)) / (2 * e);
    const gz = (sdf(p[0]!, p[1]!, p[2]! + e) - sdf(p[0]!, p[1]!, p[2]! - e)) / (2 * e);
    const g2 = gx * gx + gy * gy + gz * gz;
    if (!(g2 > 1e-8)) break;
    const k = d / g2;
    p[0] = p[0]! - k * gx;
    p[1] = p[1]! - k * gy;
    p[2] = p[2]! - k * gz;
    d = sdf(p[0]!, p[1]!, p[2]!);
  }
  return Math.abs(d);
}

/**
 * `count` points on the surface (x, y, z interleaved). Cells of a 40^3 grid over the shape that the
 * surface may cross are picked uniformly (so density follows area), a point is jittered inside the
 * cell and projected onto the surface; points that do not converge are redrawn.
 */
export function sampleSurface(shape: Shape, count: number, prng: Prng): Float32Array {
  const sdf = shape.sdf;
  const half = SHAPE_EXTENT / 2 + 0.01;
  const n = SURFACE_GRID;
  const h = (2 * half) / n;
  const reach = h * Math.sqrt(3) * 0.5;
  const cells: number[] = [];
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const d = sdf(-half + (i + 0.5) * h, -half + (j + 0.5) * h, -half + (k + 0.5) * h);
        if (Math.abs(d) < reach) cells.push(i, j, k);
      }
    }
  }
  const cellCount = cells.length / 3;
  if (cellCount === 0)
    throw new RangeError(`shape ${shape.family}#${shape.seed} has no surface in the box`);
  const out = new Float32Array(count * 3);
  const p = new Float64Array(3);
  let filled = 0;
  let attempts = 0;
  const maxAttempts = count * 20;
  while (filled < count) {
    if (++attempts > maxAttempts) {
      throw new RangeError(
        `shape ${shape.family}#${shape.seed}: surface projection failed too often`,
      );
    }
    const c = prng.int(0, cellCount - 1) * 3;
    p[0] = -half + (cells[c]! + prng.next()) * h;
    p[1] = -half + (cells[c + 1]! + prng.next()) * h;
    p[2] = -half + (cells[c + 2]! + prng.next()) * h;
    if (project(sdf, p) >= SURFACE_TOLERANCE) continue;
    out[filled * 3] = p[0]!;
    out[filled * 3 + 1] = p[1]!;
    out[filled * 3 + 2] = p[2]!;
    filled++;
  }
  return out;
}

export interface OccupancyQueries {
  /** x, y, z interleaved, inside the shape box. */
  points: Float32Array;
  /** 1 where the point is inside the shape. */
  inside: Uint8Array;
}

/**
 * `count` labelled points: a quarter at surface points + N(0, 0.01²), a quarter at + N(0, 0.04²),
 * half uniform in the shape box. Labels come from the SDF at the float32-rounded point.
 */
export function sampleQueries(
  shape: Shape,
  surface: Float32Array,
  count: number,
  prng: Prng,
): OccupancyQueries {
  const points = new Float32Array(count * 3);
  const inside = new Uint8Array(count);
  const surfaceCount = surface.length / 3;
  const near = surfaceCount > 0 ? Math.floor(count / 2) : 0;
  const clamp = (v: number): number => Math.min(SHAPE_BOUND, Math.max(-SHAPE_BOUND, v));
  for (let q = 0; q < count; q++) {
    if (q < near) {
      const sigma = q < near / 2 ? 0.01 : 0.04;
      const s = prng.int(0, surfaceCount - 1) * 3;
      points[q * 3] = clamp(surface[s]! + sigma * gaussian(prng));
      points[q * 3 + 1] = clamp(surface[s + 1]! + sigma * gaussian(prng));
      points[q * 3 + 2] = clamp(surface[s + 2]! + sigma * gaussian(prng));
    } else {
      points[q * 3] = prng.range(-SHAPE_BOUND, SHAPE_BOUND);
      points[q * 3 + 1] = prng.range(-SHAPE_BOUND, SHAPE_BOUND);
      points[q * 3 + 2] = prng.range(-SHAPE_BOUND, SHAPE_BOUND);
    }
    inside[q] = shape.sdf(points[q * 3]!, points[q * 3 + 1]!, points[q * 3 + 2]!) < 0 ? 1 : 0;
  }
  return { points, inside };
}

/** Cells per side of the evaluation grid. */
export const OCCUPANCY_GRID_N = 64;

/** Inside (1) at the centres of 64^3 cells spanning the shape box; index x + 64 * (y + 64 * z). */
export function occupancyGrid64(shape: Shape): Uint8Array {
  const n = OCCUPANCY_GRID_N;
  const h = (2 * SHAPE_BOUND) / n;
  const out = new Uint8Array(n * n * n);
  for (let k = 0; k < n; k++) {
    const z = -SHAPE_BOUND + (k + 0.5) * h;
    for (let j = 0; j < n; j++) {
      const y = -SHAPE_BOUND + (j + 0.5) * h;
      for (let i = 0; i < n; i++) {
        out[i + n * (j + n * k)] = shape.sdf(-SHAPE_BOUND + (i + 0.5) * h, y, z) < 0 ? 1 : 0;
      }
    }
  }
  return out;
}
