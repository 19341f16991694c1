// Checks the parts of glTF JSON that reading geometry depends on, before glTF-Transform reads it:
// every index points at something, every accessor lies inside its buffer view and every view inside
// its buffer (glTF-Transform trusts both), decoded accessor data stays under a cap, and the nodes
// form trees (no cycles, one parent each). What fails here would otherwise read out of bounds,
// allocate without limit or recurse forever.
import { canDecodeFloat16 } from './extension-support';
import { ImportError } from './import-error';
import type { GltfJson } from './model-container';
import {
  indexValue,
  isObject,
  listField,
  objectAt,
  optionalIndex,
  optionalInt,
  optionalNumbers,
  optionalObject,
  optionalString,
  requiredInt,
} from './json-fields';
import type { EmbeddedResources } from './embedded-resources';

export const COMPONENT_BYTES: Readonly<Record<number, number>> = {
  5120: 1, // BYTE
  5121: 1, // UNSIGNED_BYTE
  5122: 2, // SHORT
  5123: 2, // UNSIGNED_SHORT
  5125: 4, // UNSIGNED_INT
  5126: 4, // FLOAT
  5130: 8, // FLOAT64 (KHR_accessor_float64)
  5131: 2, // FLOAT16 (KHR_accessor_float16)
};
const FLOAT16 = 5131;
const INDEX_COMPONENTS = [5121, 5123, 5125];

export const TYPE_SIZES: Readonly<Record<string, number>> = {
  SCALAR: 1,
  VEC2: 2,
  VEC3: 3,
  VEC4: 4,
  MAT2: 4,
  MAT3: 9,
  MAT4: 16,
};

/** The attribute types the importer reads; others are left to glTF-Transform and ignored. */
const READ_ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  POSITION: 'VEC3',
  NORMAL: 'VEC3',
  TEXCOORD_0: 'VEC2',
};

const INSTANCING = 'EXT_mesh_gpu_instancing';
const INSTANCE_ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  TRANSLATION: 'VEC3',
  ROTATION: 'VEC4',
  SCALE: 'VEC3',
};

interface AccessorInfo {
  type: string;
  componentType: number;
  count: number;
}

export interface StructureLimits {
  /** Cap on the bytes of all accessors once decoded (glTF-Transform copies each accessor out). */
  maxAccessorBytes: number;
}

export function checkStructure(
  json: GltfJson,
  resources: EmbeddedResources,
  limits: StructureLimits,
): void {
  const viewLengths = checkBufferViews(json, resources);
  const accessors = checkAccessors(json, viewLengths, limits);
  const meshCount = checkMeshes(json, accessors);
  const parents = checkNodes(json, meshCount, accessors);
  checkScenes(json, parents);
  const images = listField(json, 'images', 'images');
  images.forEach((_, i) => {
    optionalIndex(
      objectAt(images, i, `images[${i}]`),
      'bufferView',
      `images[${i}].bufferView`,
      viewLengths.length,
      'bufferViews',
    );
  });
}

function checkBufferViews(json: GltfJson, resources: EmbeddedResources): number[] {
  const views = listField(json, 'bufferViews', 'bufferViews');
  return views.map((_, i) => {
    const path = `bufferViews[${i}]`;
    const def = objectAt(views, i, path);
    const buffer = optionalIndex(
      def,
      'buffer',
      `${path}.buffer`,
      resources.buffers.length,
      'buffers',
    );
    if (buffer === undefined) throw new ImportError(`${path}.buffer: missing`);
    const offset = optionalInt(def, 'byteOffset', `${path}.byteOffset`, 0) ?? 0;
    const length = requiredInt(def, 'byteLength', `${path}.byteLength`, 1);
    optionalInt(def, 'byteStride', `${path}.byteStride`, 4, 252);
    const available = resources.buffers[buffer]!.byteLength;
    if (offset + length > available) {
      throw new ImportError(
        `${path}: bytes ${offset}..${offset + length} lie beyond the end of buffers[${buffer}] ` +
          `(${available} bytes)`,
      );
    }
    return length;
  });
}

function strideOf(json: GltfJson, view: number): number | undefined {
  const def = (json.bufferViews as Record<string, unknown>[])[view]!;
  return def.byteStride as number | undefined;
}

function checkAccessors(
  json: GltfJson,
  viewLengths: number[],
  limits: StructureLimits,
): AccessorInfo[] {
  const list = listField(json, 'accessors', 'accessors');
  let decodedBytes = 0;
  return list.map((_, i) => {
    const path = `accessors[${i}]`;
    const def = objectAt(list, i, path);
    const componentType = requiredInt(def, 'componentType', `${path}.componentType`, 0);
    const componentBytes = COMPONENT_BYTES[componentType];
    if (componentBytes === undefined) {
      throw new ImportError(`${path}.componentType: unknown component type ${componentType}`);
    }
    if (componentType === FLOAT16 && !canDecodeFloat16()) {
      throw new ImportError(
        `${path}: 16-bit float data (KHR_accessor_float16) cannot be decoded in this browser`,
      );
    }
    const type = optionalString(def, 'type', `${path}.type`) ?? '';
    const typeSize = TYPE_SIZES[type];
    if (typeSize === undefined) {
      throw new ImportError(`${path}.type: expected SCALAR, VEC2..4 or MAT2..4, got "${type}"`);
    }
    const count = requiredInt(def, 'count', `${path}.count`, 0);
    if (def.normalized !== undefined && typeof def.normalized !== 'boolean') {
      throw new ImportError(`${path}.normalized: expected true or false`);
    }
    const elementBytes = typeSize * componentBytes;
    const view = optionalIndex(
      def,
      'bufferView',
      `${path}.bufferView`,
      viewLengths.length,
      'bufferViews',
    );
    const offset = optionalInt(def, 'byteOffset', `${path}.byteOffset`, 0) ?? 0;
    if (view !== undefined && count > 0) {
      const stride = strideOf(json, view) ?? elementBytes;
      const end = offset + stride * (count - 1) + elementBytes;
      if (end > viewLengths[view]!) {
        throw new ImportError(
          `${path}: ${count} elements need ${end} bytes but bufferViews[${view}] has ` +
            `${viewLengths[view]} (count larger than its buffer)`,
        );
      }
    }
    const sparse = optionalObject(def, 'sparse', `${path}.sparse`);
    if (sparse) checkSparse(sparse, `${path}.sparse`, count, elementBytes, viewLengths);

    decodedBytes += count * elementBytes;
    if (decodedBytes > limits.maxAccessorBytes) {
      throw new ImportError(
        `accessors hold more than ${limits.maxAccessorBytes} bytes once decoded (at ${path})`,
      );
    }
    return { type, componentType, count };
  });
}

function checkSparse(
  sparse: Record<string, unknown>,
  path: string,
  accessorCount: number,
  elementBytes: number,
  viewLengths: number[],
): void {
  const count = requiredInt(sparse, 'count', `${path}.count`, 1, accessorCount);
  const part = (
    key: 'indices' | 'values',
    bytesPerItem: (def: Record<string, unknown>) => number,
  ) => {
    const def = optionalObject(sparse, key, `${path}.${key}`);
    if (!def) throw new ImportError(`${path}.${key}: missing`);
    const view = optionalIndex(
      def,
      'bufferView',
      `${path}.${key}.bufferView`,
      viewLengths.length,
      'bufferViews',
    );
    if (view === undefined) throw new ImportError(`${path}.${key}.bufferView: missing`);
    const offset = optionalInt(def, 'byteOffset', `${path}.${key}.byteOffset`, 0) ?? 0;
    if (offset + count * bytesPerItem(def) > viewLengths[view]!) {
      throw new ImportError(
        `${path}.${key}: ${count} items lie beyond the end of bufferViews[${view}]`,
      );
    }
  };
  part('indices', (def) => {
    const type = requiredInt(def, 'componentType', `${path}.indices.componentType`, 0);
    if (!INDEX_COMPONENTS.includes(type)) {
      throw new ImportError(
        `${path}.indices.componentType: expected an unsigned integer type, got ${type}`,
      );
    }
    return COMPONENT_BYTES[type]!;
  });
  part('values', () => elementBytes);
}

function checkMeshes(json: GltfJson, accessors: AccessorInfo[]): number {
  const meshes = listField(json, 'meshes', 'meshes');
  const materialCount = listField(json, 'materials', 'materials').length;
  meshes.forEach((_, m) => {
    const mesh = objectAt(meshes, m, `meshes[${m}]`);
    const primitives = listField(mesh, 'primitives', `meshes[${m}].primitives`);
    primitives.forEach((_, p) => {
      const path = `meshes[${m}].primitives[${p}]`;
      const prim = objectAt(primitives, p, path);
      const attributes = optionalObject(prim, 'attributes', `${path}.attributes`);
      if (!attributes) throw new ImportError(`${path}.attributes: missing`);
      const accessorAt = (obj: Record<string, unknown>, key: string, at: string) =>
        optionalIndex(obj, key, at, accessors.length, 'accessors');
      const semantics = Object.keys(attributes);
      const positions = accessorAt(attributes, 'POSITION', `${path}.attributes.POSITION`);
      const vertexCount = positions === undefined ? undefined : accessors[positions]!.count;
      for (const semantic of semantics) {
        const at = `${path}.attributes.${semantic}`;
        const info = accessors[accessorAt(attributes, semantic, at)!]!;
        const want = READ_ATTRIBUTE_TYPES[semantic];
        if (want === undefined) continue;
        if (info.type !== want) {
          throw new ImportError(`${at}: expected a ${want} accessor, got ${info.type}`);
        }
        // Per-vertex data shorter than POSITION would be read past its end.
        if (vertexCount !== undefined && info.count !== vertexCount) {
          throw new ImportError(`${at}: ${info.count} elements, but POSITION has ${vertexCount}`);
        }
      }
      const mode = optionalInt(prim, 'mode', `${path}.mode`, 0, 6) ?? 4;
      if (mode >= 4 && attributes.POSITION === undefined) {
        throw new ImportError(`${path}.attributes: a triangle primitive needs POSITION`);
      }
      const indices = accessorAt(prim, 'indices', `${path}.indices`);
      if (indices !== undefined) {
        const info = accessors[indices]!;
        if (info.type !== 'SCALAR' || !INDEX_COMPONENTS.includes(info.componentType)) {
          throw new ImportError(`${path}.indices: expected SCALAR unsigned integers`);
        }
      }
      optionalIndex(prim, 'material', `${path}.material`, materialCount, 'materials');
      const targets = listField(prim, 'targets', `${path}.targets`);
      targets.forEach((_, t) => {
        const target = objectAt(targets, t, `${path}.targets[${t}]`);
        for (const key of Object.keys(target))
          accessorAt(target, key, `${path}.targets[${t}].${key}`);
      });
    });
  });
  return meshes.length;
}

/** Checks the nodes and returns each one's parent (-1 for none). */
function checkNodes(json: GltfJson, meshCount: number, accessors: AccessorInfo[]): number[] {
  const nodes = listField(json, 'nodes', 'nodes');
  const parent = new Array<number>(nodes.length).fill(-1);
  const cameras = listField(json, 'cameras', 'cameras').length;
  const skins = listField(json, 'skins', 'skins').length;
  nodes.forEach((_, i) => {
    const path = `nodes[${i}]`;
    const node = objectAt(nodes, i, path);
    optionalIndex(node, 'mesh', `${path}.mesh`, meshCount, 'meshes');
    optionalIndex(node, 'camera', `${path}.camera`, cameras, 'cameras');
    optionalIndex(node, 'skin', `${path}.skin`, skins, 'skins');
    optionalNumbers(node, 'translation', `${path}.translation`, 3);
    optionalNumbers(node, 'rotation', `${path}.rotation`, 4);
    optionalNumbers(node, 'scale', `${path}.scale`, 3);
    optionalNumbers(node, 'matrix', `${path}.matrix`, 16);
    const children = listField(node, 'children', `${path}.children`);
    children.forEach((value, c) => {
      const child = indexValue(value, `${path}.children[${c}]`, nodes.length, 'nodes');
      if (parent[child] !== -1 || child === i) {
        throw new ImportError(
          `nodes[${child}] has more than one parent (nodes[${parent[child]}] and nodes[${i}])`,
        );
      }
      parent[child] = i;
    });
    const instancing = optionalObject(node, 'extensions', `${path}.extensions`)?.[INSTANCING];
    if (instancing !== undefined)
      checkInstancing(instancing, `${path}.extensions.${INSTANCING}`, accessors);
  });
  // With one parent each, a cycle is a walk up the parents that never reaches a root. Nodes already
  // known to reach one end later walks, so a deep chain costs one pass, not depth squared.
  const state = new Uint8Array(nodes.length); // 0 unseen, 1 on the current walk, 2 reaches a root
  nodes.forEach((_, i) => {
    const walk: number[] = [];
    let n = i;
    while (n !== -1 && state[n] === 0) {
      state[n] = 1;
      walk.push(n);
      n = parent[n]!;
    }
    if (n !== -1 && state[n] === 1)
      throw new ImportError(`nodes[${n}] is its own ancestor (a cycle)`);
    for (const w of walk) state[w] = 2;
  });
  return parent;
}

function checkInstancing(value: unknown, path: string, accessors: AccessorInfo[]): void {
  if (!isObject(value)) throw new ImportError(`${path}: expected an object`);
  const attributes = optionalObject(value, 'attributes', `${path}.attributes`) ?? {};
  let count: number | undefined;
  for (const [semantic, want] of Object.entries(INSTANCE_ATTRIBUTE_TYPES)) {
    const at = `${path}.attributes.${semantic}`;
    const index = optionalIndex(attributes, semantic, at, accessors.length, 'accessors');
    if (index === undefined) continue;
    const info = accessors[index]!;
    if (info.type !== want)
      throw new ImportError(`${at}: expected a ${want} accessor, got ${info.type}`);
    if (count !== undefined && info.count !== count) {
      throw new ImportError(`${at}: ${info.count} instances, other attributes have ${count}`);
    }
    count = info.count;
  }
}

function checkScenes(json: GltfJson, parents: number[]): void {
  const scenes = listField(json, 'scenes', 'scenes');
  const roots = new Set<number>();
  scenes.forEach((_, s) => {
    const scene = objectAt(scenes, s, `scenes[${s}]`);
    const nodes = listField(scene, 'nodes', `scenes[${s}].nodes`);
    roots.clear();
    nodes.forEach((value, n) => {
      const path = `scenes[${s}].nodes[${n}]`;
      const node = indexValue(value, path, parents.length, 'nodes');
      // A root that is also someone's child would be drawn twice.
      if (parents[node] !== -1) {
        throw new ImportError(
          `${path}: nodes[${node}] is not a root (its parent is nodes[${parents[node]}])`,
        );
      }
      if (roots.has(node)) throw new ImportError(`scenes[${s}].nodes lists nodes[${node}] twice`);
      roots.add(node);
    });
  });
  optionalIndex(json, 'scene', 'scene', scenes.length, 'scenes');
}
