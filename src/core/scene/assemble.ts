// Puts generated parts together into SceneData: packs lights, lists materials, computes bounds and
// the stats (counts, vertices, triangles, draw calls, bytes).
import { transformPoint } from '../math/mat4';
import {
  LIGHT_KINDS,
  LIGHT_STRIDE,
  type InstanceBatch,
  type LightKind,
  type MeshData,
  type SceneData,
} from './scene-data';

export interface LightInput {
  kind: LightKind;
  position: readonly [number, number, number];
  colour: readonly [number, number, number];
  intensity: number;
  range: number;
  source: string;
}

export interface AssembleInput {
  name: string;
  seed: number;
  meshes: MeshData[];
  batches: InstanceBatch[];
  lights: LightInput[];
  counts: Record<string, number>;
  phases: Record<string, number>;
  engines?: Record<string, string>;
}

type Bounds = SceneData['bounds'];

function emptyBounds(): Bounds {
  return [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
}

function grow(b: Bounds, x: number, y: number, z: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (z < b[2]) b[2] = z;
  if (x > b[3]) b[3] = x;
  if (y > b[4]) b[4] = y;
  if (z > b[5]) b[5] = z;
}

function meshBounds(m: MeshData): Bounds {
  const b = emptyBounds();
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) grow(b, p[i]!, p[i + 1]!, p[i + 2]!);
  return b;
}

export function assembleScene(input: AssembleInput): SceneData {
  const meshById = new Map(input.meshes.map((m) => [m.id, m]));
  const partCounts = new Map<string, number>();
  for (const batch of input.batches) {
    for (const id of batch.lods) {
      if (!meshById.has(id)) throw new Error(`batch refers to unknown mesh '${id}'`);
    }
    // Instance i of every batch of a part is one object, so the counts must agree.
    const count = batch.transforms.length / 16;
    const seen = partCounts.get(batch.part);
    if (seen !== undefined && seen !== count) {
      throw new Error(`part '${batch.part}' has batches of ${seen} and ${count} instances`);
    }
    partCounts.set(batch.part, count);
  }
  const lights = {
    kinds: new Uint8Array(input.lights.length),
    data: new Float32Array(input.lights.length * LIGHT_STRIDE),
    sources: input.lights.map((l) => l.source),
  };
  input.lights.forEach((l, i) => {
    lights.kinds[i] = LIGHT_KINDS.indexOf(l.kind);
    lights.data.set([...l.position, ...l.colour, l.intensity, l.range], i * LIGHT_STRIDE);
  });

  const bounds = emptyBounds();
  const boundsCache = new Map<string, Bounds>();
  let vertices = 0;
  let triangles = 0;
  let instances = 0;
  let drawCalls = 0;
  for (const batch of input.batches) {
    const count = batch.transforms.length / 16;
    instances += count;
    drawCalls += batch.lods.length;
    const mesh = meshById.get(batch.lods[0]!)!;
    vertices += (mesh.positions.length / 3) * count;
    triangles += (mesh.indices.length / 3) * count;
    let mb = boundsCache.get(mesh.id);
    if (!mb) {
      mb = meshBounds(mesh);
      boundsCache.set(mesh.id, mb);
    }
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < 8; c++) {
        const p = transformPoint(batch.transforms, i * 16, [
          c & 1 ? mb[3] : mb[0],
          c & 2 ? mb[4] : mb[1],
          c & 4 ? mb[5] : mb[2],
        ]);
        grow(bounds, p[0], p[1], p[2]);
      }
    }
  }
  if (instances === 0) bounds.fill(0);
  let bytes = lights.kinds.byteLength + lights.data.byteLength;
  for (const m of input.meshes) {
    bytes +=
      m.positions.byteLength + m.normals.byteLength + m.uvs.byteLength + m.indices.byteLength;
  }
  for (const b of input.batches) bytes += b.transforms.byteLength;

  return {
    format: 'canvas3d-scene',
    version: 1,
    name: input.name,
    seed: input.seed,
    meshes: input.meshes,
    batches: input.batches,
    lights,
    materials: [...new Set(input.batches.map((b) => b.material))].sort(),
    bounds,
    stats: {
      counts: { ...input.counts, lights: input.lights.length },
      meshes: input.meshes.length,
      instances,
      vertices,
      triangles,
      drawCalls,
      bytes,
      phases: input.phases,
      engines: input.engines ?? {},
    },
  };
}
