// Material zones of a terrain by slope and height: the one table that decides which ground material
// covers each grid cell. Rules are tried in order; the first that matches wins.

export const TERRAIN_ZONES = ['sand', 'grass', 'dirt', 'rock', 'snow'] as const;
export type TerrainZone = (typeof TERRAIN_ZONES)[number];

export interface ZoneRule {
  zone: TerrainZone;
  /** Slope range in degrees. */
  slope: readonly [number, number];
  /** Height range as a fraction of the terrain's range (0 lowest, 1 highest). */
  height: readonly [number, number];
  /** Least height above the terrain's lowest point, metres (snow needs real mountains). */
  minRise?: number;
}

export const ZONE_RULES: readonly ZoneRule[] = [
  { zone: 'rock', slope: [38, 90], height: [0, 1] },
  { zone: 'snow', slope: [0, 38], height: [0.82, 1], minRise: 40 },
  { zone: 'dirt', slope: [26, 38], height: [0, 0.82] },
  { zone: 'sand', slope: [0, 14], height: [0, 0.06] },
  { zone: 'grass', slope: [0, 90], height: [0, 1] },
];

/**
 * The zone's index in TERRAIN_ZONES for a cell of this slope (degrees), height fraction and rise
 * above the terrain's lowest point (metres).
 */
export function zoneOf(slope: number, height: number, rise: number): number {
  for (const r of ZONE_RULES) {
    if (
      slope >= r.slope[0] &&
      slope <= r.slope[1] &&
      height >= r.height[0] &&
      height <= r.height[1] &&
      rise >= (r.minRise ?? 0)
    ) {
      return TERRAIN_ZONES.indexOf(r.zone);
    }
  }
  return TERRAIN_ZONES.indexOf('grass');
}

export function zoneMaterial(zone: TerrainZone): string {
  return `terrain:${zone}`;
}
