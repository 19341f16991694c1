// A terrain's surface in metres: heights on a square grid centred on the origin, with bilinear
// height and slope look-ups for whatever is placed on it (scatter). Built from the Q16 heightfield.
import { ONE } from './fixed-point';

export interface TerrainSurface {
  /** Samples per side. */
  resolution: number;
  /** World size per side, metres; x and z run from -extent/2 to +extent/2. */
  extent: number;
  /** Heights in metres, row j (z) by column i (x). */
  heights: Float64Array;
  minHeight: number;
  maxHeight: number;
}

export function terrainSurface(
  q16: Int32Array,
  resolution: number,
  extent: number,
  heightScale: number,
): TerrainSurface {
  const heights = new Float64Array(q16.length);
  let minHeight = Infinity;
  let maxHeight = -Infinity;
  for (let k = 0; k < q16.length; k++) {
    const h = (q16[k]! / ONE) * heightScale;
    heights[k] = h;
    if (h < minHeight) minHeight = h;
    if (h > maxHeight) maxHeight = h;
  }
  return { resolution, extent, heights, minHeight, maxHeight };
}

/** Sample spacing, metres. */
export function spacing(s: TerrainSurface): number {
  return s.extent / (s.resolution - 1);
}

function gridCoords(s: TerrainSurface, x: number, z: number): [number, number, number, number] {
  const n = s.resolution;
  const gx = Math.min(n - 1, Math.max(0, (x + s.extent / 2) / spacing(s)));
  const gz = Math.min(n - 1, Math.max(0, (z + s.extent / 2) / spacing(s)));
  const i = Math.min(n - 2, Math.floor(gx));
  const j = Math.min(n - 2, Math.floor(gz));
  return [i, j, gx - i, gz - j];
}

/** Bilinear height (metres) at world x, z (clamped to the terrain). */
export function heightAt(s: TerrainSurface, x: number, z: number): number {
  const [i, j, fx, fz] = gridCoords(s, x, z);
  const n = s.resolution;
  const h = s.heights;
  const a = h[j * n + i]! * (1 - fx) + h[j * n + i + 1]! * fx;
  const b = h[(j + 1) * n + i]! * (1 - fx) + h[(j + 1) * n + i + 1]! * fx;
  return a * (1 - fz) + b * fz;
}

/** Surface normal from central differences at grid sample (i, j), unit length. */
export function gridNormal(s: TerrainSurface, i: number, j: number): [number, number, number] {
  const n = s.resolution;
  const h = s.heights;
  const d = spacing(s);
  const i0 = Math.max(0, i - 1);
  const i1 = Math.min(n - 1, i + 1);
  const j0 = Math.max(0, j - 1);
  const j1 = Math.min(n - 1, j + 1);
  const dx = (h[j * n + i1]! - h[j * n + i0]!) / ((i1 - i0) * d);
  const dz = (h[j1 * n + i]! - h[j0 * n + i]!) / ((j1 - j0) * d);
  const len = Math.sqrt(dx * dx + 1 + dz * dz);
  return [-dx / len, 1 / len, -dz / len];
}

/**
 * Slope in degrees (0 flat, 90 vertical) of grid cell (i, j) of an n x n height grid with sample
 * spacing d: the mean gradient over the cell's four corners.
 */
export function cellSlope(
  h: ArrayLike<number>,
  n: number,
  d: number,
  i: number,
  j: number,
): number {
  const a = h[j * n + i]!;
  const b = h[j * n + i + 1]!;
  const c = h[(j + 1) * n + i]!;
  const e = h[(j + 1) * n + i + 1]!;
  const dx = (b - a + e - c) / 2;
  const dz = (c - a + e - b) / 2;
  return (Math.atan(Math.sqrt(dx * dx + dz * dz) / d) * 180) / Math.PI;
}

/** Slope in degrees of the grid cell under world x, z. */
export function slopeAt(s: TerrainSurface, x: number, z: number): number {
  const [i, j] = gridCoords(s, x, z);
  return cellSlope(s.heights, s.resolution, spacing(s), i, j);
}

/** Height as a fraction of the terrain's range: 0 at the lowest point, 1 at the highest. */
export function heightFraction(s: TerrainSurface, y: number): number {
  const range = s.maxHeight - s.minHeight;
  return range > 0 ? (y - s.minHeight) / range : 0;
}
