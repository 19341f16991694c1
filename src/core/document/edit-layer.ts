// The user's edits over a generated scene, as plain data: per-object records (moves, names,
// visibility, locks, removals, parents) and the objects the user added (imports, duplicates,
// groups). Immutable: every edit makes a new layer that shares what it did not change, so undo can
// keep the layer before and after each edit and restore either exactly.
import type { MaterialRef } from '../materials/material-ref';
import type { Mat4 } from '../math/mat4-ops';

/** Where an added object's geometry comes from. Generated objects have no source. */
export type ObjectSource =
  /** An imported file, by the SHA-256 of its bytes. */
  | { kind: 'asset'; asset: string }
  /** A copy of a generated part's geometry (the part key, e.g. 'prop:barrel'). */
  | { kind: 'part'; part: string }
  /** A group: no geometry of its own, a transform its children follow. */
  | { kind: 'group' };

export interface ObjectRecord {
  /** Present only for objects the user added. */
  source?: ObjectSource;
  name?: string;
  /** Transform relative to the parent (the world for top-level objects), column-major. */
  matrix?: Mat4;
  hidden?: true;
  locked?: true;
  /** A generated object the user deleted (added objects are dropped from the layer instead). */
  removed?: true;
  /** Id of the group the object is in. */
  parent?: string;
  /** The user's material (preset, projection, modifiers); absent: the generator's default. */
  material?: MaterialRef;
}

export interface EditLayer {
  records: Readonly<Record<string, ObjectRecord>>;
  /** Outliner order of top-level entries (part keys and added object ids) the user arranged. */
  order: readonly string[];
  /** Next number for added objects' ids ('import:3', 'copy:4', 'group:5'). */
  nextId: number;
}

export const EMPTY_LAYER: EditLayer = Object.freeze({
  records: Object.freeze({}),
  order: Object.freeze([]) as readonly string[],
  nextId: 1,
});

export function isLayerEmpty(layer: EditLayer): boolean {
  return Object.keys(layer.records).length === 0 && layer.order.length === 0;
}

/** A copy of the layer with `id`'s record replaced by `record` (undefined removes it). */
export function withRecord(
  layer: EditLayer,
  id: string,
  record: ObjectRecord | undefined,
): EditLayer {
  const records = { ...layer.records };
  if (record && Object.keys(record).length > 0) records[id] = record;
  else delete records[id];
  return { ...layer, records };
}

/** The record with one field changed; undefined or false removes the field. */
export function patchRecord<K extends keyof ObjectRecord>(
  record: ObjectRecord | undefined,
  key: K,
  value: ObjectRecord[K] | undefined,
): ObjectRecord {
  const next: ObjectRecord = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
