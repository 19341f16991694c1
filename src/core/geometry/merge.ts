// Merges meshes into one, each part moved and scaled (no rotation): how modular pieces and props
// are assembled from primitive solids.
import type { MeshData } from '../scene/scene-data';

export interface MeshPart {
  mesh: MeshData;
  at?: readonly [number, number, number];
  scale?: readonly [number, number, number];
}

export function mergeMeshes(id: string, parts: readonly MeshPart[]): MeshData {
  let verts = 0;
  let idx = 0;
  for (const p of parts) {
    verts += p.mesh.positions.length / 3;
    idx += p.mesh.indices.length;
  }
  const positions = new Float32Array(verts * 3);
  const normals = new Float32Array(verts * 3);
  const uvs = new Float32Array(verts * 2);
  const indices = new Uint32Array(idx);
  let v = 0;
  let k = 0;
  for (const { mesh, at = [0, 0, 0], scale = [1, 1, 1] } of parts) {
    const n = mesh.positions.length / 3;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 3; c++) {
        positions[(v + i) * 3 + c] = mesh.positions[i * 3 + c]! * scale[c]! + at[c]!;
      }
      // Non-uniform scale: normals scale by the inverse, then renormalise.
      const nx = mesh.normals[i * 3]! / scale[0];
      const ny = mesh.normals[i * 3 + 1]! / scale[1];
      const nz = mesh.normals[i * 3 + 2]! / scale[2];
      const len = Math.hypot(nx, ny, nz) || 1;
      normals[(v + i) * 3] = nx / len;
      normals[(v + i) * 3 + 1] = ny / len;
      normals[(v + i) * 3 + 2] = nz / len;
      uvs[(v + i) * 2] = mesh.uvs[i * 2]!;
      uvs[(v + i) * 2 + 1] = mesh.uvs[i * 2 + 1]!;
    }
    for (let i = 0; i < mesh.indices.length; i++) indices[k + i] = mesh.indices[i]! + v;
    v += n;
    k += mesh.indices.length;
  }
  return { id, positions, normals, uvs, indices };
}
