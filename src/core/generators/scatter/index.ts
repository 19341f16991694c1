// The scatter generator: trees, rocks and grass clumps placed over a terrain by density with
// Poisson-disk spacing, thinned by each layer's slope and height rules, as instances (with LODs).
// Layers are independent: each draws from its own PRNG fork.
import { composeTRS, DEG } from '../../math/mat4';
import type { Prng } from '../../prng';
import type { InstanceBatch, MeshData } from '../../scene/scene-data';
import type { ScatterLayer } from '../../spec/schema';
import { heightAt, heightFraction, slopeAt, type TerrainSurface } from '../../terrain/surface';
import { scatterModel } from './meshes';
import { poissonDarts } from './poisson';

export interface ScatterResult {
  meshes: MeshData[];
  batches: InstanceBatch[];
  counts: Record<string, number>;
}

export function generateScatter(
  layers: readonly ScatterLayer[],
  surface: TerrainSurface,
  rng: Prng,
): ScatterResult {
  const meshes = new Map<string, MeshData>();
  const batches: InstanceBatch[] = [];
  const counts: Record<string, number> = {};
  const half = surface.extent / 2;
  layers.forEach((layer, index) => {
    const stream = rng.fork(`scatter:${index}:${layer.kind}`);
    const model = scatterModel(layer.kind);
    const target = Math.floor((layer.density * surface.extent * surface.extent) / 100);
    const points = poissonDarts(stream, {
      width: surface.extent,
      depth: surface.extent,
      minDistance: layer.minDistance,
      target,
    });
    const kept: number[] = [];
    const scratch = new Float32Array(16);
    for (let k = 0; k < points.length; k += 2) {
      const x = points[k]! - half;
      const z = points[k + 1]! - half;
      // Draw every random value before the rules, so a rule change does not shift later instances.
      const yaw = stream.range(0, 360) * DEG;
      const tiltX = stream.range(-model.tilt, model.tilt) * DEG;
      const tiltZ = stream.range(-model.tilt, model.tilt) * DEG;
      const scale = stream.range(layer.scale[0], layer.scale[1]);
      if (slopeAt(surface, x, z) > layer.maxSlope) continue;
      const y = heightAt(surface, x, z);
      const f = heightFraction(surface, y);
      if (f < layer.heightBand[0] || f > layer.heightBand[1]) continue;
      composeTRS(
        scratch,
        0,
        [x, y - model.sink * scale, z],
        [tiltX, yaw, tiltZ],
        [scale, scale, scale],
      );
      for (let c = 0; c < 16; c++) kept.push(scratch[c]!);
    }
    const instances = kept.length / 16;
    counts[`${index}.${layer.kind}`] = instances;
    counts[`${index}.${layer.kind}.candidates`] = points.length / 2;
    if (instances === 0) return;
    for (const part of model.parts) {
      for (const lod of part.lods) meshes.set(lod.id, lod);
      batches.push({
        part: `scatter[${index}]:${layer.kind}`,
        source: `scatter[${index}]`,
        lods: part.lods.map((m) => m.id),
        lodDistances: [model.lodDistance],
        material: part.material,
        transforms: new Float32Array(kept),
      });
    }
  });
  return { meshes: [...meshes.values()], batches, counts };
}
