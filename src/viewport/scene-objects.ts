// Turns SceneData (plain typed arrays) into three objects: shared geometries per mesh id, one
// material per material id, the first few point lights, and per batch one InstancedMesh per level of
// detail. update(camera) re-sorts instances between levels by distance when the camera has moved.
// The only place SceneData meets three.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Group,
  InstancedMesh,
  PointLight,
  type MeshStandardMaterial,
} from 'three/webgpu';
import { LIGHT_KINDS, LIGHT_STRIDE, type SceneData } from '../core/scene/scene-data';
import { createLodPartition, partitionByDistance, type LodPartition } from './lod-partition';
import { createSceneMaterial } from './scene-materials';

/** Point lights rendered at once; more cost every fragment on every frame. */
export const MAX_SCENE_LIGHTS = 8;

/** The camera must move this far (metres) before instances are re-sorted between levels. */
const LOD_UPDATE_STEP = 0.5;

export interface SceneObjects {
  group: Group;
  /** Draw calls at most: one per batch and level of detail. */
  drawCalls: number;
  /** Moves instances between levels of detail for this camera position. */
  update(x: number, y: number, z: number): void;
  dispose(): void;
}

interface LodBatch {
  meshes: InstancedMesh[];
  transforms: Float32Array;
  centres: Float32Array;
  switchDistances: number[];
  partition: LodPartition;
}

function instanceCentres(transforms: Float32Array): Float32Array {
  const n = transforms.length / 16;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) out.set(transforms.subarray(i * 16 + 12, i * 16 + 15), i * 3);
  return out;
}

export function buildSceneObjects(scene: SceneData): SceneObjects {
  const group = new Group();
  group.name = `scene:${scene.name}`;
  const geometries = new Map<string, BufferGeometry>();
  for (const m of scene.meshes) {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(m.positions, 3));
    g.setAttribute('normal', new BufferAttribute(m.normals, 3));
    g.setAttribute('uv', new BufferAttribute(m.uvs, 2));
    g.setIndex(new BufferAttribute(m.indices, 1));
    g.name = m.id;
    geometries.set(m.id, g);
  }
  const materials = new Map<string, MeshStandardMaterial>();
  for (const id of scene.materials) {
    materials.set(id, createSceneMaterial(id));
  }
  let drawCalls = 0;
  const lodBatches: LodBatch[] = [];
  for (const batch of scene.batches) {
    const count = batch.transforms.length / 16;
    const meshes = batch.lods.map((id, level) => {
      const mesh = new InstancedMesh(geometries.get(id)!, materials.get(batch.material)!, count);
      mesh.name = `${id}|${batch.material}`;
      mesh.userData['lod'] = level;
      group.add(mesh);
      drawCalls++;
      return mesh;
    });
    if (meshes.length === 1) {
      const mesh = meshes[0]!;
      mesh.instanceMatrix.array.set(batch.transforms);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
      continue;
    }
    // Level membership changes with the camera, so a precomputed bounding sphere would go stale.
    for (const mesh of meshes) {
      mesh.frustumCulled = false;
      mesh.count = 0;
    }
    lodBatches.push({
      meshes,
      transforms: batch.transforms,
      centres: instanceCentres(batch.transforms),
      switchDistances: batch.lodDistances,
      partition: createLodPartition(count, meshes.length),
    });
  }
  let last: readonly [number, number, number] | undefined;
  const update = (x: number, y: number, z: number) => {
    if (last && Math.hypot(x - last[0], y - last[1], z - last[2]) < LOD_UPDATE_STEP) return;
    const camera = [x, y, z] as const;
    last = camera;
    for (const b of lodBatches) {
      partitionByDistance(b.centres, b.switchDistances, camera, b.partition);
      b.meshes.forEach((mesh, level) => {
        const indices = b.partition.levels[level]!;
        const n = b.partition.counts[level]!;
        const target = mesh.instanceMatrix.array as Float32Array;
        for (let k = 0; k < n; k++) {
          const i = indices[k]!;
          target.set(b.transforms.subarray(i * 16, i * 16 + 16), k * 16);
        }
        mesh.count = n;
        mesh.instanceMatrix.needsUpdate = true;
      });
    }
  };
  const lightCount = Math.min(scene.lights.kinds.length, MAX_SCENE_LIGHTS);
  for (let i = 0; i < lightCount; i++) {
    if (LIGHT_KINDS[scene.lights.kinds[i]!] !== 'point') continue;
    const d = scene.lights.data.subarray(i * LIGHT_STRIDE, (i + 1) * LIGHT_STRIDE);
    const light = new PointLight(new Color(d[3]!, d[4]!, d[5]!), d[6]!, d[7]!, 2);
    light.position.set(d[0]!, d[1]!, d[2]!);
    light.name = `light:${scene.lights.sources[i]}`;
    group.add(light);
  }
  return {
    group,
    drawCalls,
    update,
    dispose() {
      geometries.forEach((g) => g.dispose());
      materials.forEach((m) => m.dispose());
    },
  };
}
