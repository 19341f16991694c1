// meshToGlb(mesh): one ShapeMesh (image to 3D's result) → binary glTF bytes, so a generated shape
// enters the studio through the same door as a file the user opens (src/app/import-model.ts): kept
// with the project by content hash, undoable, exportable. One node, one mesh, one primitive with
// POSITION, NORMAL and indices, and a neutral grey material. The same mesh and name always give
// byte-identical output (the asset's identity is the SHA-256 of these bytes).
import { Document, Logger, WebIO, type ILogger } from '@gltf-transform/core';
import type { ShapeMesh } from '../core/shape/shape-types';

export interface MeshToGlbOptions {
  /** Name of the node, the mesh and the scene (what the outliner shows). Default 'Shape'. */
  name?: string;
  /** Where glTF-Transform reports problems. Default: warnings and errors only. */
  logger?: ILogger;
}

/** A mesh that cannot be written, named for what is wrong with it. */
export class MeshExportError extends Error {
  override name = 'MeshExportError';
}

/** Largest vertex count whose indices fit 16 bits; 65535 itself is the primitive-restart value. */
const MAX_U16_VERTICES = 65535;

/** The neutral material: light grey clay, rough and not metallic (linear factors). */
const NEUTRAL = {
  colour: [0.62, 0.62, 0.6, 1] as [number, number, number, number],
  roughness: 0.7,
};

function checkMesh(mesh: ShapeMesh): void {
  const { positions, normals, indices } = mesh;
  if (indices.length === 0) {
    throw new MeshExportError('the mesh is empty (0 triangles): there is nothing to write');
  }
  if (positions.length % 3 !== 0 || positions.length === 0) {
    throw new MeshExportError(`positions hold ${positions.length} floats, not a multiple of 3`);
  }
  if (normals.length !== positions.length) {
    throw new MeshExportError(
      `normals hold ${normals.length} floats for ${positions.length / 3} vertices (expected ${positions.length})`,
    );
  }
  if (indices.length % 3 !== 0) {
    throw new MeshExportError(`indices hold ${indices.length} entries, not a multiple of 3`);
  }
  const vertexCount = positions.length / 3;
  for (let i = 0; i < indices.length; i++) {
    if (indices[i]! >= vertexCount) {
      throw new MeshExportError(
        `index ${i} is ${indices[i]}, past the last vertex (${vertexCount - 1})`,
      );
    }
  }
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i]!)) {
      throw new MeshExportError(`vertex ${Math.floor(i / 3)} has a non-finite coordinate`);
    }
  }
}

/**
 * Unit normals, as glTF requires: a normal that is not finite or has no length (a degenerate spot of
 * a marching-cubes surface) is replaced by +Y rather than making the file invalid.
 */
function unitNormals(normals: Float32Array): Float32Array<ArrayBuffer> {
  const out = new Float32Array(normals.length);
  for (let i = 0; i < normals.length; i += 3) {
    const x = normals[i]!;
    const y = normals[i + 1]!;
    const z = normals[i + 2]!;
    const length = Math.hypot(x, y, z);
    if (!Number.isFinite(length) || length < 1e-12) {
      out[i + 1] = 1;
      continue;
    }
    out[i] = x / length;
    out[i + 1] = y / length;
    out[i + 2] = z / length;
  }
  return out;
}

export async function meshToGlb(
  mesh: ShapeMesh,
  options: MeshToGlbOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  checkMesh(mesh);
  const name = options.name ?? 'Shape';
  const logger = options.logger ?? new Logger(Logger.Verbosity.WARN);
  const doc = new Document().setLogger(logger);
  const buffer = doc.createBuffer();
  const vertexCount = mesh.positions.length / 3;
  // Copies: the caller's mesh may be a cached value shared with others, and glTF-Transform may
  // change arrays in place.
  const indices =
    vertexCount <= MAX_U16_VERTICES ? Uint16Array.from(mesh.indices) : mesh.indices.slice();
  const position = doc
    .createAccessor(`${name}:position`)
    .setType('VEC3')
    .setArray(mesh.positions.slice())
    .setBuffer(buffer);
  const normal = doc
    .createAccessor(`${name}:normal`)
    .setType('VEC3')
    .setArray(unitNormals(mesh.normals))
    .setBuffer(buffer);
  const index = doc
    .createAccessor(`${name}:indices`)
    .setType('SCALAR')
    .setArray(indices)
    .setBuffer(buffer);
  const material = doc
    .createMaterial('shape')
    .setBaseColorFactor(NEUTRAL.colour)
    .setRoughnessFactor(NEUTRAL.roughness)
    .setMetallicFactor(0);
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', position)
    .setAttribute('NORMAL', normal)
    .setIndices(index)
    .setMaterial(material);
  const node = doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(primitive));
  doc.getRoot().setDefaultScene(doc.createScene(name).addChild(node));
  return new WebIO().setLogger(logger).writeBinary(doc);
}
