// Poisson-disk sampling by dart throwing: uniform random candidates, each kept only if no kept
// point lies within minDistance. Unlike Bridson's front-growing method, stopping at a target count
// still leaves the points spread evenly over the whole area. A grid of cells minDistance/sqrt(2) wide
// (at most one point per cell) keeps each check to the 5x5 cells around the candidate.
import type { Prng } from '../../prng';

export interface PoissonOptions {
  width: number;
  depth: number;
  minDistance: number;
  /** Stop after this many points. */
  target: number;
  /** Candidates tried per target point before giving up (the area is full). */
  attemptsPerPoint?: number;
}

/** Points as x, z pairs in [0, width) x [0, depth). */
export function poissonDarts(rng: Prng, o: PoissonOptions): Float64Array {
  const cell = o.minDistance / Math.SQRT2;
  const cols = Math.max(1, Math.ceil(o.width / cell));
  const rows = Math.max(1, Math.ceil(o.depth / cell));
  const grid = new Int32Array(cols * rows).fill(-1);
  const points: number[] = [];
  const r2 = o.minDistance * o.minDistance;
  const attempts = Math.ceil(o.target * (o.attemptsPerPoint ?? 12));
  for (let a = 0; a < attempts && points.length / 2 < o.target; a++) {
    const x = rng.next() * o.width;
    const z = rng.next() * o.depth;
    const cx = Math.min(cols - 1, Math.floor(x / cell));
    const cz = Math.min(rows - 1, Math.floor(z / cell));
    if (grid[cz * cols + cx] !== -1) continue;
    let free = true;
    for (let dz = -2; dz <= 2 && free; dz++) {
      const gz = cz + dz;
      if (gz < 0 || gz >= rows) continue;
      for (let dx = -2; dx <= 2; dx++) {
        const gx = cx + dx;
        if (gx < 0 || gx >= cols) continue;
        const k = grid[gz * cols + gx]!;
        if (k === -1) continue;
        const ex = points[k * 2]! - x;
        const ez = points[k * 2 + 1]! - z;
        if (ex * ex + ez * ez < r2) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    grid[cz * cols + cx] = points.length / 2;
    points.push(x, z);
  }
  return new Float64Array(points);
}
