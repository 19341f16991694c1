// What the objects of the document (generated scene + edit layer) are right now: ids, names, world
// transforms, visibility, locks and parents. Everything the outliner, inspector, viewport and
// window.studio show is derived here, so they cannot disagree.
import type { MaterialRef } from '../materials/material-ref';
import { IDENTITY4, multiply, type Mat4 } from '../math/mat4-ops';
import type { EditLayer, ObjectRecord } from './edit-layer';
import {
  baseMatrix,
  lookupGenerated,
  objectId,
  type ObjectIndex,
  type PartInfo,
} from './object-index';
import { partLabel } from './part-names';

export type ObjectKind = 'generated' | 'asset' | 'part' | 'group';

export interface DocObject {
  id: string;
  name: string;
  kind: ObjectKind;
  /** Generated objects and part copies: the part key. */
  part?: string;
  /** Generated objects: the spec section that made them. Imports: the asset hash. */
  origin?: string;
  parent: string | null;
  /** Transform relative to the parent. */
  local: Mat4;
  world: Mat4;
  /** The object's own flag; `visible` also accounts for hidden parents. */
  hidden: boolean;
  visible: boolean;
  locked: boolean;
  /** The user's material, when one was applied (the generator's default otherwise). */
  material?: MaterialRef;
}

export interface DocumentView {
  index: ObjectIndex;
  layer: EditLayer;
}

/** Whether `id` is an object of the document (generated and not removed, or added). */
export function objectExists(doc: DocumentView, id: string): boolean {
  const record = doc.layer.records[id];
  if (record?.source) return true;
  return lookupGenerated(doc.index, id) !== null && !record?.removed;
}

function defaultName(part: PartInfo, instance: number): string {
  const label = partLabel(part.key);
  return part.count > 1 ? `${label} ${instance + 1}` : label;
}

/** The object's view, or null when it does not exist. Cost: its parent chain. */
export function getObject(doc: DocumentView, id: string, depth = 0): DocObject | null {
  const record: ObjectRecord | undefined = doc.layer.records[id];
  let local: Mat4;
  let name: string;
  let kind: ObjectKind;
  let part: string | undefined;
  let origin: string | undefined;
  if (record?.source) {
    local = record.matrix ?? IDENTITY4;
    name = record.name ?? id;
    kind = record.source.kind;
    if (record.source.kind === 'asset') origin = record.source.asset;
    if (record.source.kind === 'part') part = record.source.part;
  } else {
    const found = lookupGenerated(doc.index, id);
    if (!found || record?.removed) return null;
    local = record?.matrix ?? baseMatrix(doc.index, found.part, found.instance);
    name = record?.name ?? defaultName(found.part, found.instance);
    kind = 'generated';
    part = found.part.key;
    origin = found.part.source;
  }
  const parentId = record?.parent ?? null;
  // Parent chains are short (groups in groups); the depth cap guards against a corrupt cycle.
  const parent = parentId && depth < 32 ? getObject(doc, parentId, depth + 1) : null;
  return {
    id,
    name,
    kind,
    ...(part !== undefined ? { part } : {}),
    ...(origin !== undefined ? { origin } : {}),
    parent: parent ? parentId : null,
    local,
    world: parent ? multiply(parent.world, local) : local,
    hidden: record?.hidden === true,
    visible: record?.hidden !== true && (parent ? parent.visible : true),
    locked: record?.locked === true || (parent ? parent.locked : false),
    ...(record?.material ? { material: record.material } : {}),
  };
}

/** Every object id in document order: generated parts' instances, then added objects. */
export function allObjectIds(doc: DocumentView): string[] {
  const ids: string[] = [];
  for (const part of doc.index.parts) {
    for (let i = 0; i < part.count; i++) {
      const id = objectId(part.key, i);
      if (!doc.layer.records[id]?.removed) ids.push(id);
    }
  }
  for (const [id, record] of Object.entries(doc.layer.records)) if (record.source) ids.push(id);
  return ids;
}

export function listObjects(doc: DocumentView): DocObject[] {
  return allObjectIds(doc).map((id) => getObject(doc, id)!);
}

/** Ids of the objects whose parent is `groupId`. */
export function childrenOf(doc: DocumentView, groupId: string): string[] {
  return Object.entries(doc.layer.records)
    .filter(([, r]) => r.parent === groupId)
    .map(([id]) => id);
}
