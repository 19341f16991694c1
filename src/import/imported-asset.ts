// ImportedAsset: what parseModelFile makes of a GLB/glTF file. Plain data (typed arrays, numbers,
// strings) like SceneData, so it can cross workers by transfer and be hashed or stored as is.
import type { MeshData } from '../core/scene/scene-data';

/** The PBR factors of a glTF material; textures are not imported. */
export interface ImportedMaterial {
  name: string;
  /** Linear RGBA, glTF's baseColorFactor. */
  colour: [number, number, number, number];
  roughness: number;
  metalness: number;
}

export interface ImportedMesh {
  mesh: MeshData;
  material: ImportedMaterial;
}

export interface ImportedAsset {
  /** SHA-256 hex of the file's bytes: the asset's identity (content-addressed). */
  hash: string;
  /** File name as given, e.g. 'chair.glb'. */
  name: string;
  /**
   * One entry per glTF mesh primitive drawn by the scene (triangles only, each node instance its
   * own entry), positions already in the asset's root space (node world transforms baked in),
   * indexed, with normals (computed if missing, area-weighted smooth) and uvs (zeros if missing).
   * MeshData.id = `asset:<hash first 12>:<n>`.
   */
  meshes: ImportedMesh[];
  /** Axis-aligned bounds of all meshes: min xyz, max xyz. */
  bounds: [number, number, number, number, number, number];
  triangles: number;
  vertices: number;
}

/** Every ArrayBuffer in the asset, for postMessage transfer. */
export function importedAssetTransferables(asset: ImportedAsset): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const { mesh } of asset.meshes) {
    out.add(mesh.positions.buffer);
    out.add(mesh.normals.buffer);
    out.add(mesh.uvs.buffer);
    out.add(mesh.indices.buffer);
  }
  return [...out];
}
