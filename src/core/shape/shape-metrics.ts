// How close a predicted shape is to the true one, in the shape box: volumetric IoU on the centres of
// a 64^3 grid of cells, and the Chamfer distance between points spread over both surfaces. Used by
// `npm run eval:shape` and its tests.
import type { Prng } from '../prng';
import type { OccupancyGrid, ShapeMesh } from './shape-types';

/** IoU of two occupancy masks of equal length (1 = inside); 1 when both are empty. */
export function occupancyIou(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`masks of ${a.length} and ${b.length} cells`);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! > 0;
    const y = b[i]! > 0;
    if (x && y) inter++;
    if (x || y) union++;
  }
  return union === 0 ? 1 : inter / union;
}

/**
 * Inside (1) at the centres of the grid's n^3 cells: the trilinear value at a cell's centre is the
 * mean of its 8 corners. Index x + n * (y + n * z), matching occupancyGrid64.
 */
export function cellCentreOccupancy(grid: OccupancyGrid): Uint8Array {
  const { n, values, iso } = grid;
  const p = n + 1;
  const out = new Uint8Array(n * n * n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let c = 0; c < 8; c++) {
          sum += values[i + (c & 1) + p * (j + ((c >> 1) & 1) + p * (k + (c >> 2)))]!;
        }
        out[i + n * (j + n * k)] = sum / 8 > iso ? 1 : 0;
      }
    }
  }
  return out;
}

/** `count` points spread over the mesh's surface by area (x, y, z interleaved); empty for no area. */
export function sampleMeshSurface(mesh: ShapeMesh, count: number, prng: Prng): Float32Array {
  const { positions: P, indices: I } = mesh;
  const triangles = I.length / 3;
  const cumulative = new Float64Array(triangles);
  let total = 0;
  for (let t = 0; t < triangles; t++) {
    const a = I[3 * t]! * 3;
    const b = I[3 * t + 1]! * 3;
    const c = I[3 * t + 2]! * 3;
    const ux = P[b]! - P[a]!;
    const uy = P[b + 1]! - P[a + 1]!;
    const uz = P[b + 2]! - P[a + 2]!;
    const vx = P[c]! - P[a]!;
    const vy = P[c + 1]! - P[a + 1]!;
    const vz = P[c + 2]! - P[a + 2]!;
    const cx = uy * vz - uz * vy;
    const cy = uz * vx - ux * vz;
    const cz = ux * vy - uy * vx;
    total += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
    cumulative[t] = total;
  }
  if (total <= 0) return new Float32Array(0);
  const out = new Float32Array(count * 3);
  for (let s = 0; s < count; s++) {
    const target = prng.next() * total;
    let lo = 0;
    let hi = triangles - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    let r1 = prng.next();
    let r2 = prng.next();
    if (r1 + r2 > 1) {
      r1 = 1 - r1;
      r2 = 1 - r2;
    }
    const a = I[3 * lo]! * 3;
    const b = I[3 * lo + 1]! * 3;
    const c = I[3 * lo + 2]! * 3;
    for (let d = 0; d < 3; d++) {
      out[3 * s + d] = P[a + d]! + r1 * (P[b + d]! - P[a + d]!) + r2 * (P[c + d]! - P[a + d]!);
    }
  }
  return out;
}

function meanNearest(from: Float32Array, to: Float32Array): number {
  const n = from.length / 3;
  const m = to.length / 3;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = from[3 * i]!;
    const y = from[3 * i + 1]!;
    const z = from[3 * i + 2]!;
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      const dx = to[3 * j]! - x;
      const dy = to[3 * j + 1]! - y;
      const dz = to[3 * j + 2]! - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < best) best = d;
    }
    sum += Math.sqrt(best);
  }
  return sum / n;
}

/**
 * Symmetric Chamfer distance: the mean of the two directions' mean nearest-point distances (shape
 * box units; a normalised shape's largest side is 0.9). Infinity when either set is empty.
 */
export function chamferDistance(a: Float32Array, b: Float32Array): number {
  if (a.length === 0 || b.length === 0) return Infinity;
  return (meanNearest(a, b) + meanNearest(b, a)) / 2;
}
