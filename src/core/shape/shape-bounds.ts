// Finds the bounding box of a raw SDF deterministically by sampling: a coarse conservative grid,
// a fine grid inside it, then bisection towards each face from the extreme inside samples.
import type { Sdf } from './sdf';

export interface Box3 {
  min: [number, number, number];
  max: [number, number, number];
}

export interface BoundsOptions {
  /** Half side of the cube searched (families author within about ±1.5; default 3). */
  searchBound?: number;
  coarse?: number;
  fine?: number;
}

/** Thrown when a raw SDF has no inside point in the searched cube. */
export class EmptyShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyShapeError';
  }
}

export function findBounds(sdf: Sdf, options: BoundsOptions = {}): Box3 {
  const bound = options.searchBound ?? 3;
  const coarse = options.coarse ?? 30;
  const fine = options.fine ?? 56;
  // Coarse: flag every sample whose distance bound allows an inside point within its cell.
  const h = (2 * bound) / coarse;
  const reach = h * Math.sqrt(3) * 0.5;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < coarse; k++) {
    const z = -bound + (k + 0.5) * h;
    for (let j = 0; j < coarse; j++) {
      const y = -bound + (j + 0.5) * h;
      for (let i = 0; i < coarse; i++) {
        const x = -bound + (i + 0.5) * h;
        if (sdf(x, y, z) < reach) {
          if (x < lo[0]!) lo[0] = x;
          if (y < lo[1]!) lo[1] = y;
          if (z < lo[2]!) lo[2] = z;
          if (x > hi[0]!) hi[0] = x;
          if (y > hi[1]!) hi[1] = y;
          if (z > hi[2]!) hi[2] = z;
        }
      }
    }
  }
  if (!(lo[0]! <= hi[0]!))
    throw new EmptyShapeError('the shape has no inside in the searched cube');
  const gmin: number[] = [];
  const step: number[] = [];
  for (let a = 0; a < 3; a++) {
    gmin[a] = lo[a]! - h;
    step[a] = (hi[a]! - lo[a]! + 2 * h) / (fine - 1);
  }
  const n = fine;
  const inside = new Uint8Array(n * n * n);
  const ilo = [n, n, n];
  const ihi = [-1, -1, -1];
  for (let k = 0; k < n; k++) {
    const z = gmin[2]! + k * step[2]!;
    for (let j = 0; j < n; j++) {
      const y = gmin[1]! + j * step[1]!;
      for (let i = 0; i < n; i++) {
        const x = gmin[0]! + i * step[0]!;
        if (sdf(x, y, z) < 0) {
          inside[i + n * (j + n * k)] = 1;
          if (i < ilo[0]!) ilo[0] = i;
          if (j < ilo[1]!) ilo[1] = j;
          if (k < ilo[2]!) ilo[2] = k;
          if (i > ihi[0]!) ihi[0] = i;
          if (j > ihi[1]!) ihi[1] = j;
          if (k > ihi[2]!) ihi[2] = k;
        }
      }
    }
  }
  if (ihi[0]! < 0) throw new EmptyShapeError('the shape is thinner than the sampling grid');
  const result: Box3 = { min: [0, 0, 0], max: [0, 0, 0] };
  const p = [0, 0, 0];
  for (let axis = 0; axis < 3; axis++) {
    for (const side of [-1, 1]) {
      const layer = side < 0 ? ilo[axis]! : ihi[axis]!;
      // Inside samples on the extreme layer; bisect each towards its outside neighbour.
      const cells: number[] = [];
      for (let k = 0; k < n; k++) {
        for (let j = 0; j < n; j++) {
          const idx = [0, 0, 0];
          idx[axis] = layer;
          idx[(axis + 1) % 3] = j;
          idx[(axis + 2) % 3] = k;
          const flat = idx[0]! + n * (idx[1]! + n * idx[2]!);
          if (inside[flat]) cells.push(idx[0]!, idx[1]!, idx[2]!);
        }
      }
      // The first candidate is bisected fully; each later one only if the surface in its column
      // lies beyond the best found so far (one sample), so every candidate is checked cheaply.
      const count = cells.length / 3;
      const probe = { extreme: NaN, at: [0, 0, 0] };
      for (let c = 0; c < count; c++) {
        for (let a = 0; a < 3; a++) p[a] = gmin[a]! + cells[c * 3 + a]! * step[a]!;
        improve(sdf, p, axis, side, step[axis]!, probe);
      }
      // Tips (cone apexes, wedges) can sit between columns: search around the best column on
      // finer and finer offsets in the two other axes.
      const u = (axis + 1) % 3;
      const v = (axis + 2) % 3;
      for (const radius of [1, 0.35, 0.12]) {
        const centre = [probe.at[0]!, probe.at[1]!, probe.at[2]!];
        for (let du = -2; du <= 2; du++) {
          for (let dv = -2; dv <= 2; dv++) {
            if (du === 0 && dv === 0) continue;
            p[0] = centre[0]!;
            p[1] = centre[1]!;
            p[2] = centre[2]!;
            p[u] = centre[u]! + (du / 2) * radius * step[u]!;
            p[v] = centre[v]! + (dv / 2) * radius * step[v]!;
            p[axis] = probe.extreme - side * step[axis]!;
            if (!(sdf(p[0]!, p[1]!, p[2]!) < 0)) {
              p[axis] = probe.extreme;
              if (!(sdf(p[0]!, p[1]!, p[2]!) < 0)) continue;
            }
            improve(sdf, p, axis, side, 2 * step[axis]!, probe);
          }
        }
      }
      const extreme = probe.extreme;
      if (side < 0) result.min[axis] = extreme;
      else result.max[axis] = extreme;
    }
  }
  return result;
}

/**
 * p is inside; the column through p along `axis` leaves the shape within `reach` towards `side`.
 * Moves probe.extreme outwards if this column's surface lies beyond it.
 */
function improve(
  sdf: Sdf,
  p: number[],
  axis: number,
  side: number,
  reach: number,
  probe: { extreme: number; at: number[] },
): void {
  const q = [p[0]!, p[1]!, p[2]!];
  let a0 = p[axis]!;
  let a1 = p[axis]! + side * reach;
  if (!Number.isNaN(probe.extreme)) {
    if (side < 0 ? probe.extreme <= a1 : probe.extreme >= a1) return;
    if (side < 0 ? probe.extreme < a0 : probe.extreme > a0) {
      q[axis] = probe.extreme;
      if (!(sdf(q[0]!, q[1]!, q[2]!) < 0)) return;
      a0 = probe.extreme;
    }
  }
  // a1 should be outside; walk on if this column reaches further.
  for (let k = 0; k < 8; k++) {
    q[axis] = a1;
    if (!(sdf(q[0]!, q[1]!, q[2]!) < 0)) break;
    a0 = a1;
    a1 += side * reach;
  }
  for (let it = 0; it < 16; it++) {
    const mid = (a0 + a1) / 2;
    q[axis] = mid;
    if (sdf(q[0]!, q[1]!, q[2]!) < 0) a0 = mid;
    else a1 = mid;
  }
  if (Number.isNaN(probe.extreme) || (side < 0 ? a0 < probe.extreme : a0 > probe.extreme)) {
    probe.extreme = a0;
    q[axis] = a0;
    probe.at = q;
  }
}
