// The terrain generator: a heightfield from fixed-point noise (FBM, ridged, domain warp), thermal
// erosion, then meshes per material zone with smooth normals. The integer work runs on the engine
// passed in (GPU or CPU, same integers); the rest is plain TypeScript.
import type { Prng } from '../prng';
import type { InstanceBatch, MeshData } from '../scene/scene-data';
import type { TerrainSpec } from '../spec/schema';
import { type TerrainEngine } from '../terrain/terrain-engine';
import { erosionParams, heightfieldParams } from '../terrain/terrain-params';
import { terrainMeshes } from '../terrain/terrain-mesh';
import { terrainSurface, type TerrainSurface } from '../terrain/surface';

export interface TerrainResult {
  meshes: MeshData[];
  batches: InstanceBatch[];
  surface: TerrainSurface;
  counts: Record<string, number>;
}

const IDENTITY = new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

export async function generateTerrain(
  spec: TerrainSpec,
  rng: Prng,
  engine: TerrainEngine,
  checkpoint?: () => Promise<void>,
): Promise<TerrainResult> {
  const params = heightfieldParams(spec, rng);
  let q16 = await engine.heightfield(params, checkpoint);
  const erosion = erosionParams(spec);
  if (erosion) {
    await checkpoint?.();
    q16 = await engine.erode(q16, erosion, checkpoint);
  }
  await checkpoint?.();
  const surface = terrainSurface(q16, spec.resolution, spec.extent, spec.height);
  const zones = terrainMeshes(surface);
  const counts: Record<string, number> = {
    samples: q16.length,
    octaves: params.octaves.length,
    erosionIterations: erosion?.iterations ?? 0,
  };
  for (const z of zones) counts[`cells.${z.material.slice('terrain:'.length)}`] = z.cells;
  return {
    meshes: zones.map((z) => z.mesh),
    batches: zones.map((z) => ({
      part: z.mesh.id,
      source: 'terrain',
      lods: [z.mesh.id],
      lodDistances: [],
      material: z.material,
      transforms: new Float32Array(IDENTITY),
    })),
    surface,
    counts,
  };
}
