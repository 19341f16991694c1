// MeshData → glTF accessors (POSITION, NORMAL, TEXCOORD_0, indices), created once per mesh and
// shared by every glTF mesh that draws it (a floor tile and a ceiling tile are one geometry with two
// materials). Indices are written as 16-bit where the vertex count allows, halving their size.
import type { Accessor, Buffer, Document } from '@gltf-transform/core';
import type { MeshData } from '../core/scene/scene-data';

export interface GeometryAccessors {
  position: Accessor;
  normal: Accessor;
  texcoord: Accessor;
  indices: Accessor;
}

/** Largest vertex count whose indices fit 16 bits; 65535 itself is the primitive-restart value. */
const MAX_U16_VERTICES = 65535;

/** True where the mesh can be drawn: at least one triangle (glTF forbids empty accessors). */
export function isDrawable(mesh: MeshData): boolean {
  return mesh.indices.length >= 3 && mesh.positions.length >= 3;
}

export function createGeometryAccessors(
  doc: Document,
  buffer: Buffer,
  mesh: MeshData,
): GeometryAccessors {
  const vertexCount = mesh.positions.length / 3;
  const indices =
    vertexCount <= MAX_U16_VERTICES ? Uint16Array.from(mesh.indices) : mesh.indices.slice();
  const accessor = (
    suffix: string,
    type: 'VEC2' | 'VEC3' | 'SCALAR',
    array: Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
  ) => doc.createAccessor(`${mesh.id}:${suffix}`).setType(type).setArray(array).setBuffer(buffer);
  return {
    // Copies, so that editing the document (glTF-Transform's functions change arrays in place)
    // can never change the scene it came from.
    position: accessor('position', 'VEC3', mesh.positions.slice()),
    normal: accessor('normal', 'VEC3', mesh.normals.slice()),
    texcoord: accessor('uv', 'VEC2', mesh.uvs.slice()),
    indices: accessor('indices', 'SCALAR', indices),
  };
}
