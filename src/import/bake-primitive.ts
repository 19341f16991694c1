// One SourcePrimitive → one MeshData in the asset's root space: triangulated, checked, transformed,
// with normals (baked, or computed when missing or the transform is singular) and uvs (zeros when
// missing).
import type { MeshData } from '../core/scene/scene-data';
import { bakeNormals, bakePositions, flipWinding, mirrors } from './bake-transform';
import { checkFinitePositions, checkIndexRange } from './geometry-checks';
import type { SourcePrimitive } from './gltf-document';
import { triangulate } from './triangulate';
import { computeVertexNormals } from './vertex-normals';

/** The baked mesh, or null when the primitive has no triangles. */
export function bakePrimitive(source: SourcePrimitive, id: string): MeshData | null {
  const vertexCount = source.positions.length / 3;
  const indices = triangulate(source.mode, source.indices, vertexCount, source.restartIndex);
  if (indices.length === 0) return null;
  checkIndexRange(indices, vertexCount, source.path);
  checkFinitePositions(source.positions, source.path);

  const positions = bakePositions(source.positions, source.matrix);
  // Finite local positions can still overflow float32 under a huge scale.
  checkFinitePositions(positions, source.path);
  if (mirrors(source.matrix)) flipWinding(indices);
  const normals =
    (source.normals && bakeNormals(source.normals, source.matrix)) ??
    computeVertexNormals(positions, indices);
  const uvs = source.uvs ? source.uvs.slice() : new Float32Array(vertexCount * 2);
  return { id, positions, normals, uvs, indices };
}
