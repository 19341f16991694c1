// Turns a terrain surface into meshes: one per material zone (zones.ts), each cell's two triangles
// going to the zone of that cell's slope and height. Vertices carry smooth normals (central
// differences) and UVs in metres / UV_METRES, so a tiling texture repeats every UV_METRES metres.
import type { MeshData } from '../scene/scene-data';
import { cellSlope, gridNormal, heightFraction, spacing, type TerrainSurface } from './surface';
import { TERRAIN_ZONES, zoneMaterial, zoneOf } from './zones';

export const UV_METRES = 4;

export interface ZoneMesh {
  mesh: MeshData;
  material: string;
  cells: number;
}

/** Radius (samples) of the box blur the zone rules look through, so zones form patches, not noise. */
export const ZONE_BLUR_RADIUS = 2;

/** Separable box blur of the heights (edges clamped): the surface the zone rules judge. */
function blurredHeights(s: TerrainSurface, radius: number): Float64Array {
  const n = s.resolution;
  const tmp = new Float64Array(n * n);
  const out = new Float64Array(n * n);
  const width = 2 * radius + 1;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) {
        sum += s.heights[j * n + Math.min(n - 1, Math.max(0, i + k))]!;
      }
      tmp[j * n + i] = sum / width;
    }
  }
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = -radius; k <= radius; k++) {
        sum += tmp[Math.min(n - 1, Math.max(0, j + k)) * n + i]!;
      }
      out[j * n + i] = sum / width;
    }
  }
  return out;
}

/** Zone index per grid cell ((n-1)^2, row-major), from the slope and height of the blurred surface. */
export function cellZones(s: TerrainSurface): Uint8Array {
  const n = s.resolution;
  const h = blurredHeights(s, ZONE_BLUR_RADIUS);
  const d = spacing(s);
  const zones = new Uint8Array((n - 1) * (n - 1));
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const mean =
        (h[j * n + i]! + h[j * n + i + 1]! + h[(j + 1) * n + i]! + h[(j + 1) * n + i + 1]!) / 4;
      zones[j * (n - 1) + i] = zoneOf(
        cellSlope(h, n, d, i, j),
        heightFraction(s, mean),
        mean - s.minHeight,
      );
    }
  }
  return zones;
}

export function terrainMeshes(s: TerrainSurface, idPrefix = 'terrain'): ZoneMesh[] {
  const n = s.resolution;
  const d = spacing(s);
  const half = s.extent / 2;
  const zones = cellZones(s);
  const out: ZoneMesh[] = [];
  const local = new Int32Array(n * n);
  TERRAIN_ZONES.forEach((zone, z) => {
    let cells = 0;
    for (let k = 0; k < zones.length; k++) if (zones[k] === z) cells++;
    if (cells === 0) return;
    local.fill(-1);
    // Vertices used by this zone's cells, in grid order.
    let vertices = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const touches =
          (i > 0 && j > 0 && zones[(j - 1) * (n - 1) + i - 1] === z) ||
          (i < n - 1 && j > 0 && zones[(j - 1) * (n - 1) + i] === z) ||
          (i > 0 && j < n - 1 && zones[j * (n - 1) + i - 1] === z) ||
          (i < n - 1 && j < n - 1 && zones[j * (n - 1) + i] === z);
        if (touches) local[j * n + i] = vertices++;
      }
    }
    const positions = new Float32Array(vertices * 3);
    const normals = new Float32Array(vertices * 3);
    const uvs = new Float32Array(vertices * 2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const v = local[j * n + i]!;
        if (v < 0) continue;
        const x = i * d - half;
        const zc = j * d - half;
        positions[v * 3] = x;
        positions[v * 3 + 1] = s.heights[j * n + i]!;
        positions[v * 3 + 2] = zc;
        normals.set(gridNormal(s, i, j), v * 3);
        uvs[v * 2] = (x + half) / UV_METRES;
        uvs[v * 2 + 1] = (zc + half) / UV_METRES;
      }
    }
    const indices = new Uint32Array(cells * 6);
    let k = 0;
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        if (zones[j * (n - 1) + i] !== z) continue;
        const a = local[j * n + i]!;
        const b = local[j * n + i + 1]!;
        const c = local[(j + 1) * n + i]!;
        const e = local[(j + 1) * n + i + 1]!;
        // Counter-clockwise seen from above (+Y): x right, z towards the viewer.
        indices[k++] = a;
        indices[k++] = c;
        indices[k++] = b;
        indices[k++] = b;
        indices[k++] = c;
        indices[k++] = e;
      }
    }
    out.push({
      mesh: { id: `${idPrefix}:${zone}`, positions, normals, uvs, indices },
      material: zoneMaterial(zone),
      cells,
    });
  });
  return out;
}
