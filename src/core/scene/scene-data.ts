// SceneData: what generateScene produces. Plain data only (typed arrays, ids, numbers), never three
// objects: it crosses workers by transfer, is hashed for caches and share links, exported to glTF,
// and turned into three objects only in the viewport.

/** Indexed triangle geometry. */
export interface MeshData {
  /** Stable id, unique in the scene: 'prim:box:1x1x1', 'dungeon:floor', 'prop:barrel:lod1'. */
  id: string;
  positions: Float32Array<ArrayBuffer>;
  normals: Float32Array<ArrayBuffer>;
  uvs: Float32Array<ArrayBuffer>;
  indices: Uint32Array<ArrayBuffer>;
}

/** Instances of one mesh (with optional lower levels of detail) and one material. */
export interface InstanceBatch {
  /**
   * The editable part the batch draws, e.g. 'dungeon:floor', 'prop:barrel', 'scatter[0]:tree'.
   * Batches with the same part have the same instance count, and instance i of each is one object
   * in the studio (a tree's trunk and foliage move together). Object ids are `${part}#${i}`.
   */
  part: string;
  /** The spec section that produced the batch ('dungeon', 'scatter[0]', 'primitives[3]'). */
  source: string;
  /** Mesh ids by level of detail; [0] is the full mesh. */
  lods: string[];
  /** Distances (metres) at which each level after the first takes over. */
  lodDistances: number[];
  material: string;
  /** Column-major 4x4 matrices, 16 floats per instance. */
  transforms: Float32Array<ArrayBuffer>;
}

export const LIGHT_KINDS = ['point', 'directional'] as const;
export type LightKind = (typeof LIGHT_KINDS)[number];

/** Lights packed as LIGHT_STRIDE floats: position xyz, colour rgb (linear), intensity, range. */
export const LIGHT_STRIDE = 8;
export interface LightSet {
  /** Index into LIGHT_KINDS per light. */
  kinds: Uint8Array<ArrayBuffer>;
  data: Float32Array<ArrayBuffer>;
  /** What casts each light ('torch', 'sun'), for the UI. */
  sources: string[];
}

export interface SceneStats {
  counts: Record<string, number>;
  meshes: number;
  instances: number;
  vertices: number;
  triangles: number;
  /** Draw calls the viewport needs: one per batch and level of detail in use. */
  drawCalls: number;
  /** Bytes of typed-array data in the scene. */
  bytes: number;
  /** Milliseconds per generation phase. Excluded from sceneHash (timing is not content). */
  phases: Record<string, number>;
  /** Which engine ran each accelerated phase ('webgpu' or 'cpu'). Excluded from sceneHash: every
   *  engine produces the same bytes. */
  engines: Record<string, string>;
}

export interface SceneData {
  format: 'canvas3d-scene';
  version: 1;
  name: string;
  seed: number;
  meshes: MeshData[];
  batches: InstanceBatch[];
  lights: LightSet;
  /** Material ids used by batches, sorted. */
  materials: string[];
  /** Axis-aligned bounds of all instances: min xyz, max xyz. */
  bounds: [number, number, number, number, number, number];
  stats: SceneStats;
}

/** Every ArrayBuffer in the scene, for postMessage transfer. */
export function sceneTransferables(scene: SceneData): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const m of scene.meshes) {
    out.push(m.positions.buffer, m.normals.buffer, m.uvs.buffer, m.indices.buffer);
  }
  for (const b of scene.batches) out.push(b.transforms.buffer);
  out.push(scene.lights.kinds.buffer, scene.lights.data.buffer);
  return [...new Set(out)];
}
