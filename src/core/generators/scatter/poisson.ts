// Poisson-disk sampling by dart throwing: uniform random candidates, each kept only if no kept
// point lies within minDistance. Unlike Bridson's front-growing method, stopping at a target count
// still leaves the points spread evenly over the whole area. Kept points go into buckets of a grid at
// least minDistance wide (so a check looks at the 3x3 cells around the candidate) and wide enough
// that a sparse layer over a large terrain needs no more cells than points.
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
  const area = o.width * o.depth;
  const cell = Math.max(o.minDistance, Math.sqrt(area / Math.max(1, o.target)));
  const cols = Math.max(1, Math.ceil(o.width / cell));
  const rows = Math.max(1, Math.ceil(o.depth / cell));
  const buckets = new Map<number, number[]>();
  const points: number[] = [];
  const r2 = o.minDistance * o.minDistance;
  const attempts = Math.ceil(o.target * (o.attemptsPerPoint ?? 12));
  for (let a = 0; a < attempts && points.length / 2 < o.target; a++) {
    const x = rng.next() * o.width;
    const z = rng.next() * o.depth;
    const cx = Math.min(cols - 1, Math.floor(x / cell));
    const cz = Math.min(rows - 1, Math.floor(z / cell));
    let free = true;
    for (let gz = Math.max(0, cz - 1); gz <= Math.min(rows - 1, cz + 1) && free; gz++) {
      for (let gx = Math.max(0, cx - 1); gx <= Math.min(cols - 1, cx + 1) && free; gx++) {
        const bucket = buckets.get(gz * cols + gx);
        if (!bucket) continue;
        for (const k of bucket) {
          const ex = points[k * 2]! - x;
          const ez = points[k * 2 + 1]! - z;
          if (ex * ex + ez * ez < r2) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    const key = cz * cols + cx;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(points.length / 2);
    else buckets.set(key, [points.length / 2]);
    points.push(x, z);
  }
  return new Float64Array(points);
}
