// Summary figures of baked maps (level 0): min, max and mean per map, in the map's own units (RGBA8
// channels as 0..1 over R, G and B; alpha is always 1 and left out; height as stored). What
// window.studio.materials.bake() reports and what tests check ranges against.
import { MAP_NAMES, type MaterialMaps, type MapName } from './maps';

export interface MapStats {
  min: number;
  max: number;
  mean: number;
  /** Texels that are NaN or infinite (always 0 for RGBA8). */
  nonFinite: number;
}

export function mapStats(maps: MaterialMaps): Partial<Record<MapName, MapStats>> {
  const out: Partial<Record<MapName, MapStats>> = {};
  for (const name of MAP_NAMES) {
    const map = maps[name];
    if (!map) continue;
    const data = map.levels[0]!;
    const rgba = map.format === 'rgba8';
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let n = 0;
    let nonFinite = 0;
    for (let i = 0; i < data.length; i++) {
      if (rgba && i % 4 === 3) continue;
      const x = rgba ? data[i]! / 255 : data[i]!;
      if (!Number.isFinite(x)) {
        nonFinite++;
        continue;
      }
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
      n++;
    }
    out[name] = { min, max, mean: n ? sum / n : NaN, nonFinite };
  }
  return out;
}
