// The one place the importer uses glTF-Transform: checked glTF JSON and its embedded bytes → a
// Document → a flat list of the triangle primitives the chosen scene draws, each with its node's
// world matrix and plain float/uint arrays. Nothing outside this file sees a glTF-Transform object.
import {
  Logger,
  MathUtils,
  WebIO,
  type Accessor,
  type JSONDocument,
  type Material,
  type Node,
  type Primitive,
  type mat4,
  type vec3,
  type vec4,
} from '@gltf-transform/core';
import { ALL_EXTENSIONS, type InstancedMesh } from '@gltf-transform/extensions';
import { toFloat32 } from './dequantize';
import type { EmbeddedResources } from './embedded-resources';
import type { ImportedMaterial } from './imported-asset';
import { fromArray, identity, multiply, type Mat4 } from './matrix';
import type { GltfJson } from './model-container';
import { INSTANCE_TRS } from './scene-size';

/** Every extension glTF-Transform can read, by name (some need decoders: extension-support.ts). */
export const KNOWN_EXTENSIONS: readonly string[] = ALL_EXTENSIONS.map((e) => e.EXTENSION_NAME);

/** One triangle primitive as one node (or one GPU instance of it) draws it. */
export interface SourcePrimitive {
  /** Where it came from, for messages: 'meshes[1].primitives[0] (nodes[3])'. */
  path: string;
  /** 4 triangles, 5 strip, 6 fan. */
  mode: number;
  /** Local-space vertex data, dequantized; shared by every instance of the primitive. */
  positions: Float32Array<ArrayBuffer>;
  normals: Float32Array<ArrayBuffer> | null;
  uvs: Float32Array<ArrayBuffer> | null;
  indices: Uint32Array<ArrayBuffer> | null;
  /** Largest value of the index type: marks a restart in strips and fans, never a vertex. */
  restartIndex: number | null;
  /** Column-major world matrix. */
  matrix: Mat4;
  material: ImportedMaterial;
}

const TRIANGLES = 4;
const INDEX_RESTART: Readonly<Record<number, number>> = {
  5121: 0xff,
  5123: 0xffff,
  5125: 0xffffffff,
};

/** glTF's default material, used where a primitive names none. A fresh object per file, since
 * assets end up in a store that may freeze what it holds. */
function defaultMaterial(): ImportedMaterial {
  return { name: 'default', colour: [1, 1, 1, 1], roughness: 1, metalness: 1 };
}

export async function readSourcePrimitives(
  json: GltfJson,
  resources: EmbeddedResources,
  roots: readonly number[],
  extensions: readonly string[],
): Promise<SourcePrimitive[]> {
  const io = new WebIO()
    .setLogger(new Logger(Logger.Verbosity.SILENT))
    .registerExtensions(ALL_EXTENSIONS.filter((e) => extensions.includes(e.EXTENSION_NAME)));
  const doc = await io.readJSON(toJsonDocument(json, resources));
  const root = doc.getRoot();
  const nodes = root.listNodes();
  const nodeIndex = new Map(nodes.map((n, i) => [n, i]));
  const meshIndex = new Map(root.listMeshes().map((m, i) => [m, i]));
  const materials = new Map<Material, ImportedMaterial>(
    root.listMaterials().map((m, i) => [m, importMaterial(m, i)]),
  );
  const arrays = new Map<Primitive, ReturnType<typeof primitiveArrays>>();
  let fallback: ImportedMaterial | undefined;

  const out: SourcePrimitive[] = [];
  // Depth-first, children in order, without recursion: a deep chain must not overflow the stack.
  const stack: { node: Node; parent: Mat4 }[] = roots
    .map((i) => ({ node: nodes[i]!, parent: identity() }))
    .reverse();
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    const world = multiply(parent, fromArray(node.getMatrix()));
    const mesh = node.getMesh();
    if (mesh) {
      const matrices = instanceMatrices(node).map((m) => multiply(world, m));
      mesh.listPrimitives().forEach((prim, p) => {
        const mode = prim.getMode();
        if (mode < TRIANGLES) return; // points and lines have no surface to show
        let data = arrays.get(prim);
        if (!data) arrays.set(prim, (data = primitiveArrays(prim)));
        const material = prim.getMaterial();
        for (const matrix of matrices) {
          out.push({
            path: `meshes[${meshIndex.get(mesh)}].primitives[${p}] (nodes[${nodeIndex.get(node)}])`,
            mode,
            ...data,
            matrix,
            material: material ? materials.get(material)! : (fallback ??= defaultMaterial()),
          });
        }
      });
    }
    const children = node.listChildren();
    for (let c = children.length - 1; c >= 0; c--)
      stack.push({ node: children[c]!, parent: world });
  }
  return out;
}

/** The JSON with every buffer and image pointed at bytes already in hand, so nothing is fetched. */
function toJsonDocument(json: GltfJson, resources: EmbeddedResources): JSONDocument {
  const files: Record<string, Uint8Array<ArrayBuffer>> = {};
  // '__'-prefixed URIs are glTF-Transform's convention for resources that have no file name.
  const buffers = ((json.buffers ?? []) as object[]).map((def, i) => {
    files[`__buffer-${i}`] = resources.buffers[i] as Uint8Array<ArrayBuffer>;
    return { ...def, uri: `__buffer-${i}` };
  });
  const images = ((json.images ?? []) as object[]).map((def, i) => {
    const bytes = resources.images[i];
    if (!bytes) return { ...def };
    files[`__image-${i}`] = bytes as Uint8Array<ArrayBuffer>;
    return { ...def, uri: `__image-${i}` };
  });
  // glTF-Transform accepts exactly '2.0'; any 2.x reads the same (model-container.ts checked it).
  const asset = { ...(json.asset as object), version: '2.0' };
  const gltf = { ...json, asset, buffers, images } as unknown as JSONDocument['json'];
  if (!json.images) delete gltf.images;
  if (!json.buffers) delete gltf.buffers;
  return { json: gltf, resources: files };
}

function floats(accessor: Accessor | null): Float32Array<ArrayBuffer> | null {
  if (!accessor) return null;
  return toFloat32(accessor.getArray()!, accessor.getComponentType(), accessor.getNormalized());
}

function primitiveArrays(prim: Primitive) {
  const indices = prim.getIndices();
  return {
    positions: floats(prim.getAttribute('POSITION'))!,
    normals: floats(prim.getAttribute('NORMAL')),
    uvs: floats(prim.getAttribute('TEXCOORD_0')),
    indices: indices ? Uint32Array.from(indices.getArray()!) : null,
    restartIndex: indices ? (INDEX_RESTART[indices.getComponentType()] ?? null) : null,
  };
}

/** EXT_mesh_gpu_instancing: one local matrix per instance; [identity] for a plain node. */
function instanceMatrices(node: Node): Mat4[] {
  const ext = node.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing');
  if (!ext) return [identity()];
  const [t, r, s] = INSTANCE_TRS.map((k) => floats(ext.getAttribute(k)));
  const count = (t ?? r ?? s)?.length;
  if (count === undefined) return [identity()];
  const n = count / (t ? 3 : r ? 4 : 3);
  const m = new Array<number>(16) as mat4;
  return Array.from({ length: n }, (_, i) => {
    const translation = (t ? [...t.subarray(i * 3, i * 3 + 3)] : [0, 0, 0]) as vec3;
    const rotation = (r ? [...r.subarray(i * 4, i * 4 + 4)] : [0, 0, 0, 1]) as vec4;
    const scale = (s ? [...s.subarray(i * 3, i * 3 + 3)] : [1, 1, 1]) as vec3;
    return fromArray(MathUtils.compose(translation, rotation, scale, m));
  });
}

function importMaterial(material: Material, index: number): ImportedMaterial {
  const [r, g, b, a] = material.getBaseColorFactor();
  return {
    name: material.getName() || `material ${index}`,
    colour: [r, g, b, a],
    roughness: material.getRoughnessFactor(),
    metalness: material.getMetallicFactor(),
  };
}
