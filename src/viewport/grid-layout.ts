// Where the viewport's ground grid goes and how coarse it is, from the scene's bounds: a "nice"
// cell (1, 2 or 5 times a power of ten) giving a few dozen cells across, the grid centred near the
// scene but on a cell corner so lines stay on round world coordinates. Pure and unit-tested.
import type { Bounds } from './viewport-handle';

export interface GridLayout {
  /** Side of the square grid, metres. */
  size: number;
  /** Cells along a side (even, so a line runs through the centre). */
  divisions: number;
  /** Centre on the ground plane: world x and z. */
  centre: [number, number];
  /** Height of the grid: just above y = 0, so floors at 0 do not z-fight with it. */
  y: number;
}

/** Cells across the scene's footprint that the cell size aims for. */
const TARGET_CELLS = 40;
/** The grid reaches this much past the scene on every side. */
const MARGIN = 1.25;

/** Without a scene: 20 m with 1 m cells, centred on the origin. */
export const DEFAULT_GRID: GridLayout = { size: 20, divisions: 20, centre: [0, 0], y: lift(20) };

/** The smallest of 1, 2, 5 × 10^k that is at least x (x > 0). */
export function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) {
    // The tolerance keeps exact powers (x = 10) from stepping up through rounding.
    if (m * power >= x * (1 - 1e-9)) return m * power;
  }
  return 10 * power;
}

// Lifted by a fraction of its size: enough depth separation from a floor at y = 0 at the distances
// such a grid is seen from (24-bit depth, near plane about 0.1 m), too little to see.
function lift(size: number): number {
  return Math.max(0.005, size * 0.0008);
}

export function gridLayout(bounds: Bounds | null | undefined): GridLayout {
  if (!bounds) return DEFAULT_GRID;
  const [x0, , z0, x1, , z1] = bounds;
  if (![x0, z0, x1, z1].every(Number.isFinite) || x0 > x1 || z0 > z1) return DEFAULT_GRID;
  const extent = Math.max(x1 - x0, z1 - z0, 1);
  const step = niceStep((extent * MARGIN) / TARGET_CELLS);
  const cx = Math.round((x0 + x1) / 2 / step) * step;
  const cz = Math.round((z0 + z1) / 2 / step) * step;
  const half =
    Math.max(Math.abs(x0 - cx), Math.abs(x1 - cx), Math.abs(z0 - cz), Math.abs(z1 - cz)) * MARGIN;
  const halfCells = Math.max(1, Math.ceil(half / step - 1e-9));
  const size = 2 * halfCells * step;
  return { size, divisions: 2 * halfCells, centre: [cx, cz], y: lift(size) };
}
