// Primitives generator: the spec's basic solids, each placed by position/rotation/scale. Solids with
// the same shape parameters and material share one mesh and one instance batch.
import { boxMesh, cylinderMesh, planeMesh, sphereMesh, torusMesh } from '../geometry/primitives';
import { DEG, composeTRS } from '../math/mat4';
import type { InstanceBatch, MeshData } from '../scene/scene-data';
import type { PrimitiveSpec } from '../spec';

export interface GeneratedPart {
  meshes: MeshData[];
  batches: InstanceBatch[];
}

function meshFor(p: PrimitiveSpec): { key: string; build: (id: string) => MeshData } {
  switch (p.shape) {
    case 'box':
      return { key: `box:${p.size.join('x')}`, build: (id) => boxMesh(id, ...p.size) };
    case 'plane':
      return {
        key: `plane:${p.size.join('x')}`,
        build: (id) => planeMesh(id, p.size[0], p.size[1]),
      };
    case 'sphere':
      return {
        key: `sphere:${p.radius}:${p.segments}`,
        build: (id) => sphereMesh(id, p.radius, p.segments),
      };
    case 'cylinder':
      return {
        key: `cylinder:${p.radiusTop}:${p.radiusBottom}:${p.height}:${p.segments}`,
        build: (id) => cylinderMesh(id, p.radiusTop, p.radiusBottom, p.height, p.segments),
      };
    case 'cone':
      return {
        key: `cone:${p.radius}:${p.height}:${p.segments}`,
        build: (id) => cylinderMesh(id, 0, p.radius, p.height, p.segments),
      };
    case 'torus':
      return {
        key: `torus:${p.radius}:${p.tube}:${p.radialSegments}:${p.tubularSegments}`,
        build: (id) => torusMesh(id, p.radius, p.tube, p.radialSegments, p.tubularSegments),
      };
  }
}

export function generatePrimitives(primitives: readonly PrimitiveSpec[]): GeneratedPart {
  const meshes = new Map<string, MeshData>();
  const groups = new Map<string, { mesh: string; material: string; specs: PrimitiveSpec[] }>();
  for (const p of primitives) {
    const { key, build } = meshFor(p);
    const id = `prim:${key}`;
    if (!meshes.has(id)) meshes.set(id, build(id));
    const material = p.material ?? `default:${p.shape}`;
    const groupKey = `${id}|${material}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { mesh: id, material, specs: [] };
      groups.set(groupKey, group);
    }
    group.specs.push(p);
  }
  const batches: InstanceBatch[] = [];
  for (const g of groups.values()) {
    const transforms = new Float32Array(g.specs.length * 16);
    g.specs.forEach((p, i) => {
      const r = p.rotation;
      composeTRS(transforms, i * 16, p.position, [r[0] * DEG, r[1] * DEG, r[2] * DEG], p.scale);
    });
    batches.push({
      part: `${g.mesh}|${g.material}`,
      source: 'primitives',
      lods: [g.mesh],
      lodDistances: [],
      material: g.material,
      transforms,
    });
  }
  return { meshes: [...meshes.values()], batches };
}
