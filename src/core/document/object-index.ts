// The editable objects a generated scene consists of, indexed once per scene: its parts (batches
// drawn together, e.g. a tree's trunk and foliage) and, for each instance, the object id
// `${part}#${i}` with its base transform. Lookups are by id in O(1).
import type { Mat4 } from '../math/mat4-ops';
import type { SceneData } from '../scene/scene-data';

export interface PartInfo {
  /** 'dungeon:floor', 'prop:barrel', 'scatter[0]:tree', 'terrain:rock'. */
  key: string;
  /** Spec section that produced it. */
  source: string;
  /** Indices into scene.batches. */
  batches: number[];
  /** Instances: one object each. */
  count: number;
  /** Materials of its batches, in batch order. */
  materials: string[];
}

export interface ObjectIndex {
  scene: SceneData | undefined;
  parts: PartInfo[];
  partByKey: ReadonlyMap<string, PartInfo>;
  /** Number of generated objects (all parts' instances). */
  size: number;
}

export function objectId(part: string, instance: number): string {
  return `${part}#${instance}`;
}

/** Splits a generated object's id; null for ids that do not have the `${part}#${i}` shape. */
export function parseObjectId(id: string): { part: string; instance: number } | null {
  const hash = id.lastIndexOf('#');
  if (hash <= 0) return null;
  const n = Number(id.slice(hash + 1));
  if (!Number.isInteger(n) || n < 0 || String(n) !== id.slice(hash + 1)) return null;
  return { part: id.slice(0, hash), instance: n };
}

export function buildObjectIndex(scene: SceneData | undefined): ObjectIndex {
  const parts: PartInfo[] = [];
  const partByKey = new Map<string, PartInfo>();
  let size = 0;
  scene?.batches.forEach((b, i) => {
    let part = partByKey.get(b.part);
    if (!part) {
      part = {
        key: b.part,
        source: b.source,
        batches: [],
        count: b.transforms.length / 16,
        materials: [],
      };
      partByKey.set(b.part, part);
      parts.push(part);
      size += part.count;
    }
    part.batches.push(i);
    part.materials.push(b.material);
  });
  return { scene, parts, partByKey, size };
}

/** The part and instance a generated id names, if it exists in this scene. */
export function lookupGenerated(
  index: ObjectIndex,
  id: string,
): { part: PartInfo; instance: number } | null {
  const parsed = parseObjectId(id);
  if (!parsed) return null;
  const part = index.partByKey.get(parsed.part);
  if (!part || parsed.instance >= part.count) return null;
  return { part, instance: parsed.instance };
}

/** The generated transform of instance `instance` of `part` (float32 widened to numbers). */
export function baseMatrix(index: ObjectIndex, part: PartInfo, instance: number): Mat4 {
  const t = index.scene!.batches[part.batches[0]!]!.transforms;
  return Array.from(t.subarray(instance * 16, instance * 16 + 16));
}
