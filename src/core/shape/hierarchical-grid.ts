// Decoding an occupancy field onto a grid, densely or coarse to fine (the FlashVDM idea): a fine
// grid only needs real evaluations near the surface; far from it, the coarse grid's trilinear
// interpolation has the right sign. The field is any async `evaluate(points) → logits`, so the
// model, a test SDF or a worker can stand behind it.
import type { OccupancyGrid } from './shape-types';

/** Logits at points [N, 3] (shape box coordinates); returns N values. */
export type FieldEvaluator = (points: Float32Array) => Promise<Float32Array>;

export interface RefineOptions {
  /**
   * A coarse cell is skipped (interpolated) only when all 8 corners are on one side of iso and at
   * least this far from it, in logit units. Default 1.
   */
  band?: number;
  /** Points per evaluate call. Default 16384. */
  chunk?: number;
  signal?: AbortSignal;
  /** After each chunk: points evaluated so far, points to evaluate in all. */
  onChunk?: (done: number, total: number) => void;
}

export interface RefineResult {
  grid: OccupancyGrid;
  /** Fine points that were evaluated; the rest were interpolated. */
  evaluated: number;
  /** Fine points in all, (fineN + 1)^3. */
  total: number;
}

const DEFAULT_CHUNK = 16384;
const DEFAULT_BAND = 1;

function checkCells(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${what} must be a whole number of cells >= 1, got ${n}`);
  }
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function abortError(): DOMException {
  return new DOMException('Decoding the occupancy grid was cancelled', 'AbortError');
}

/** Coordinates of grid points [from, from + count) in index order (x fastest), xyz. */
export function gridPoints(n: number, bound: number, from = 0, count?: number): Float32Array {
  checkCells(n, 'grid n');
  const np = n + 1;
  const total = np * np * np;
  const length = count ?? total - from;
  if (
    !Number.isInteger(from) ||
    from < 0 ||
    !Number.isInteger(length) ||
    length < 0 ||
    from + length > total
  ) {
    throw new RangeError(
      `grid points: [${from}, ${from + length}) is outside the ${total} points of n = ${n}`,
    );
  }
  const out = new Float32Array(length * 3);
  for (let k = 0; k < length; k++) {
    const i = from + k;
    out[k * 3] = coordinate(i % np, n, bound);
    out[k * 3 + 1] = coordinate(Math.floor(i / np) % np, n, bound);
    out[k * 3 + 2] = coordinate(Math.floor(i / (np * np)), n, bound);
  }
  return out;
}

function coordinate(i: number, n: number, bound: number): number {
  return -bound + (2 * bound * i) / n;
}

/** A dense grid from a synchronous field (tests, benchmarks, analytic shapes). */
export function gridFromFunction(
  n: number,
  bound: number,
  field: (x: number, y: number, z: number) => number,
  iso = 0,
): OccupancyGrid {
  const points = gridPoints(n, bound);
  const values = new Float32Array(points.length / 3);
  for (let i = 0; i < values.length; i++) {
    values[i] = field(points[i * 3]!, points[i * 3 + 1]!, points[i * 3 + 2]!);
  }
  return { n, bound, values, iso };
}

async function evaluateChecked(
  evaluate: FieldEvaluator,
  points: Float32Array,
): Promise<Float32Array> {
  const out = await evaluate(points);
  if (out.length !== points.length / 3) {
    throw new Error(
      `field evaluator returned ${out.length} values for ${points.length / 3} points`,
    );
  }
  return out;
}

/** Evaluates every point of an n-cell grid (iso 0: logits), `chunk` points per call. */
export async function decodeGrid(
  n: number,
  bound: number,
  evaluate: FieldEvaluator,
  chunk = DEFAULT_CHUNK,
  signal?: AbortSignal,
): Promise<OccupancyGrid> {
  checkCells(n, 'grid n');
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new RangeError(`chunk must be >= 1, got ${chunk}`);
  const total = (n + 1) ** 3;
  const values = new Float32Array(total);
  for (let from = 0; from < total; from += chunk) {
    if (signal?.aborted) throw abortError();
    const count = Math.min(chunk, total - from);
    values.set(await evaluateChecked(evaluate, gridPoints(n, bound, from, count)), from);
  }
  if (signal?.aborted) throw abortError();
  return { n, bound, values, iso: 0 };
}

/** Coarse cells that must be evaluated at the fine level: near or across iso, dilated by one. */
function activeCells(coarse: OccupancyGrid, band: number): Uint8Array {
  const { n, values, iso } = coarse;
  const np = n + 1;
  const corner = [0, 1, np, np + 1, np * np, np * np + 1, np * np + np, np * np + np + 1];
  let active = new Uint8Array(n * n * n);
  for (let z = 0; z < n; z++) {
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const p = x + np * (y + np * z);
        let above = 0;
        let below = 0;
        for (const c of corner) {
          const v = values[p + c]!;
          if (v >= iso + band) above++;
          else if (v < iso - band) below++;
        }
        if (above !== 8 && below !== 8) active[x + n * (y + n * z)] = 1;
      }
    }
  }
  // One-cell dilation (26-neighbourhood), separably along x, y and z.
  for (const stride of [1, n, n * n]) {
    const next = new Uint8Array(active);
    for (let c = 0; c < active.length; c++) {
      if (!active[c]) continue;
      const along = Math.floor(c / stride) % n;
      if (along > 0) next[c - stride] = 1;
      if (along < n - 1) next[c + stride] = 1;
    }
    active = next;
  }
  return active;
}

/**
 * Decodes a fine grid from a coarse one: fine points inside coarse cells that are clearly on one
 * side of iso are interpolated trilinearly from the coarse grid; every other fine point (in cells
 * across or near the surface, plus one cell around them) is evaluated. fineN must be a multiple of
 * coarse.n.
 */
export async function refineGrid(
  coarse: OccupancyGrid,
  fineN: number,
  evaluate: FieldEvaluator,
  options: RefineOptions = {},
): Promise<RefineResult> {
  const { n, bound, values, iso } = coarse;
  checkCells(n, 'coarse grid n');
  checkCells(fineN, 'fine grid n');
  if (values.length !== (n + 1) ** 3) {
    throw new RangeError(
      `coarse grid: n = ${n} needs ${(n + 1) ** 3} values, got ${values.length}`,
    );
  }
  if (fineN % n !== 0) {
    throw new RangeError(`fine grid n (${fineN}) must be a multiple of the coarse grid's n (${n})`);
  }
  const band = options.band ?? DEFAULT_BAND;
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  if (!(band >= 0)) throw new RangeError(`band must be >= 0, got ${band}`);
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new RangeError(`chunk must be >= 1, got ${chunk}`);
  const { signal } = options;
  if (signal?.aborted) throw abortError();

  const r = fineN / n;
  const np = n + 1;
  const fp = fineN + 1;
  const total = fp * fp * fp;
  const active = activeCells(coarse, band);

  // Every fine point of an active cell's closed box is evaluated.
  const wanted = new Uint8Array(total);
  for (let cz = 0; cz < n; cz++) {
    for (let cy = 0; cy < n; cy++) {
      for (let cx = 0; cx < n; cx++) {
        if (!active[cx + n * (cy + n * cz)]) continue;
        for (let z = cz * r; z <= (cz + 1) * r; z++) {
          for (let y = cy * r; y <= (cy + 1) * r; y++) {
            const row = fp * (y + fp * z);
            wanted.fill(1, row + cx * r, row + (cx + 1) * r + 1);
          }
        }
      }
    }
  }

  // The rest: trilinear interpolation of the coarse grid.
  const fine = new Float32Array(total);
  let wantedCount = 0;
  for (let i = 0; i < total; i++) wantedCount += wanted[i]!;
  const order = new Uint32Array(wantedCount);
  const cell = Int32Array.from({ length: fp }, (_, i) => Math.min(Math.floor(i / r), n - 1));
  const frac = Float64Array.from({ length: fp }, (_, i) => i / r - cell[i]!);
  const [dy, dz] = [np, np * np];
  for (let z = 0, i = 0, k = 0; z <= fineN; z++) {
    const tz = frac[z]!;
    for (let y = 0; y <= fineN; y++) {
      const ty = frac[y]!;
      const row = np * (cell[y]! + np * cell[z]!);
      for (let x = 0; x <= fineN; x++, i++) {
        if (wanted[i]) {
          order[k++] = i;
          continue;
        }
        const tx = frac[x]!;
        const p = row + cell[x]!;
        const x00 = lerp(values[p]!, values[p + 1]!, tx);
        const x10 = lerp(values[p + dy]!, values[p + dy + 1]!, tx);
        const x01 = lerp(values[p + dz]!, values[p + dz + 1]!, tx);
        const x11 = lerp(values[p + dy + dz]!, values[p + dy + dz + 1]!, tx);
        fine[i] = lerp(lerp(x00, x10, ty), lerp(x01, x11, ty), tz);
      }
    }
  }

  const axis = Float32Array.from({ length: fp }, (_, i) => coordinate(i, fineN, bound));
  for (let from = 0; from < order.length; from += chunk) {
    if (signal?.aborted) throw abortError();
    const count = Math.min(chunk, order.length - from);
    const points = new Float32Array(count * 3);
    for (let k = 0; k < count; k++) {
      const i = order[from + k]!;
      points[k * 3] = axis[i % fp]!;
      points[k * 3 + 1] = axis[Math.floor(i / fp) % fp]!;
      points[k * 3 + 2] = axis[Math.floor(i / (fp * fp))]!;
    }
    const out = await evaluateChecked(evaluate, points);
    for (let k = 0; k < count; k++) fine[order[from + k]!] = out[k]!;
    options.onChunk?.(from + count, order.length);
  }
  if (signal?.aborted) throw abortError();
  return { grid: { n: fineN, bound, values: fine, iso }, evaluated: order.length, total };
}
