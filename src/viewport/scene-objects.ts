// Turns SceneData (plain typed arrays) into three objects: one InstancedMesh per batch (its full
// level of detail for now), shared geometries per mesh id, one material per material id, and the
// first few point lights. The only place SceneData meets three.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Group,
  InstancedMesh,
  MeshStandardMaterial,
  PointLight,
} from 'three/webgpu';
import { LIGHT_KINDS, LIGHT_STRIDE, type SceneData } from '../core/scene/scene-data';
import { materialFactors } from './scene-materials';

/** Point lights rendered at once; more cost every fragment on every frame. */
export const MAX_SCENE_LIGHTS = 8;

export interface SceneObjects {
  group: Group;
  drawCalls: number;
  dispose(): void;
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
    const f = materialFactors(id);
    const mat = new MeshStandardMaterial({
      color: new Color(f.colour),
      roughness: f.roughness,
      metalness: f.metalness,
      ...(f.emissive ? { emissive: new Color(f.emissive), emissiveIntensity: 1.5 } : {}),
    });
    mat.name = id;
    materials.set(id, mat);
  }
  let drawCalls = 0;
  for (const batch of scene.batches) {
    const count = batch.transforms.length / 16;
    const mesh = new InstancedMesh(
      geometries.get(batch.lods[0]!)!,
      materials.get(batch.material)!,
      count,
    );
    mesh.instanceMatrix.array.set(batch.transforms);
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    mesh.name = `${batch.lods[0]}|${batch.material}`;
    group.add(mesh);
    drawCalls++;
  }
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
    dispose() {
      geometries.forEach((g) => g.dispose());
      materials.forEach((m) => m.dispose());
    },
  };
}
