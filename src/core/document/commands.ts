// Edits as commands: serialisable data (so they can be saved, replayed and shared) and one pure
// function that applies a command to the edit layer. Undo does not invert commands; the history
// keeps the layer before each one and restores it, so undo is exact by construction.
import { invertAffine, isFiniteMatrix, multiply, translated, type Mat4 } from '../math/mat4-ops';
import * as v from 'valibot';
import { MaterialRefSchema, type MaterialRef } from '../materials/material-ref';
import { patchRecord, type EditLayer, type ObjectRecord } from './edit-layer';
import { getObject, objectExists, childrenOf, type DocumentView } from './document-objects';

type Vec3 = [number, number, number];

export type Command =
  | { type: 'translate'; ids: string[]; delta: Vec3 }
  /** Sets objects' world transforms (what a gizmo drag or the inspector ends with). */
  | { type: 'setWorld'; ids: string[]; matrices: Mat4[] }
  | { type: 'rename'; id: string; name: string }
  | { type: 'setHidden'; ids: string[]; hidden: boolean }
  | { type: 'setLocked'; ids: string[]; locked: boolean }
  | { type: 'remove'; ids: string[] }
  | { type: 'duplicate'; ids: string[]; offset?: Vec3 }
  | { type: 'group'; ids: string[]; name?: string }
  | { type: 'ungroup'; ids: string[] }
  /** Outliner order of top-level entries (part keys and added object ids). */
  | { type: 'reorder'; order: string[] }
  | { type: 'import'; asset: string; name: string; matrix?: Mat4 }
  /** Applies a material to objects (a group: to everything in it); null restores the default. */
  | { type: 'setMaterial'; ids: string[]; material: MaterialRef | null };

export class EditError extends Error {
  override name = 'EditError';
}

export interface CommandResult {
  layer: EditLayer;
  /** Ids the command created (duplicates, a group, an import), for selecting them. */
  created: string[];
}

export const MAX_NAME_LENGTH = 120;

function requireObjects(doc: DocumentView, ids: readonly string[], verb: string): void {
  if (!Array.isArray(ids) || ids.length === 0) throw new EditError(`${verb}: no objects given`);
  const missing = ids.filter((id) => typeof id !== 'string' || !objectExists(doc, id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map(String).join(', ');
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
    throw new EditError(`${verb}: no object ${shown}${more}`);
  }
}

function requireUnlocked(doc: DocumentView, ids: readonly string[], verb: string): void {
  const locked = ids.filter((id) => getObject(doc, id)!.locked);
  if (locked.length > 0) {
    throw new EditError(`${verb}: ${locked.slice(0, 5).join(', ')} is locked; unlock it first`);
  }
}

function requireVec3(v: unknown, what: string): asserts v is Vec3 {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => Number.isFinite(x))) {
    throw new EditError(`${what}: expected [x, y, z] of finite numbers, got ${JSON.stringify(v)}`);
  }
}

/** A material ref with defaults filled; EditError naming the bad field otherwise. */
function checkMaterial(input: unknown): MaterialRef {
  const r = v.safeParse(MaterialRefSchema, input);
  if (!r.success) {
    const issue = r.issues[0];
    throw new EditError(`apply material: ${v.getDotPath(issue) ?? 'material'}: ${issue.message}`);
  }
  return r.output as MaterialRef;
}

/** A layer whose records are this command's own copy: writes go straight in (one copy per
 *  command, not per object: hiding 6,000 floor tiles must not copy the records 6,000 times). */
type Draft = EditLayer & { records: Record<string, ObjectRecord> };

function draftOf(layer: EditLayer): Draft {
  return { ...layer, records: { ...layer.records } };
}

function put(draft: Draft, id: string, record: ObjectRecord | undefined): Draft {
  if (record && Object.keys(record).length > 0) draft.records[id] = record;
  else delete draft.records[id];
  return draft;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Writes an object's world transform as a local matrix under its parent. */
function setWorld(doc: DocumentView, layer: Draft, id: string, world: Mat4): Draft {
  const obj = getObject({ ...doc, layer }, id)!;
  let local: Mat4 = world;
  if (obj.parent) {
    const parent = getObject({ ...doc, layer }, obj.parent)!;
    const inv = invertAffine(parent.world);
    if (!inv) throw new EditError(`move: group ${obj.parent} has a zero scale`);
    local = multiply(inv, world);
  }
  return put(layer, id, patchRecord(layer.records[id], 'matrix', local));
}

function removeIds(doc: DocumentView, layer: Draft, ids: readonly string[]): Draft {
  let next = draftOf(layer);
  for (const id of ids) {
    if (!objectExists({ ...doc, layer: next }, id)) continue;
    // A group takes its contents with it, as in every outliner.
    if (next.records[id]?.source?.kind === 'group') {
      next = removeIds(doc, next, childrenOf({ ...doc, layer: next }, id));
    }
    const record = next.records[id];
    if (record?.source) next = put(next, id, undefined);
    else next = put(next, id, { ...record, removed: true });
  }
  const gone = new Set(ids);
  return { ...next, order: next.order.filter((key) => !gone.has(key)) };
}

function newId(layer: Draft, prefix: string): [string, Draft] {
  return [`${prefix}:${layer.nextId}`, { ...layer, nextId: layer.nextId + 1 }];
}

export function applyCommand(doc: DocumentView, command: Command): CommandResult {
  const layer = doc.layer;
  switch (command.type) {
    case 'translate': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'move');
      requireVec3(command.delta, 'move delta');
      requireUnlocked(doc, ids, 'move');
      // Children of a moved group move with it; moving them as well would move them twice.
      const moving = new Set(ids);
      const roots = ids.filter((id) => !hasAncestorIn(doc, id, moving));
      let next = draftOf(layer);
      for (const id of roots) {
        const world = getObject({ ...doc, layer: next }, id)!.world;
        next = setWorld(doc, next, id, translated(world, command.delta));
      }
      return { layer: next, created: [] };
    }
    case 'setWorld': {
      requireObjects(doc, command.ids, 'transform');
      if (command.matrices.length !== command.ids.length) {
        throw new EditError(
          `transform: ${command.ids.length} objects but ${command.matrices.length} matrices`,
        );
      }
      command.matrices.forEach((m, i) => {
        if (!isFiniteMatrix(m)) {
          throw new EditError(`transform: matrix ${i} is not 16 finite numbers`);
        }
      });
      requireUnlocked(doc, command.ids, 'transform');
      let next = draftOf(layer);
      command.ids.forEach((id, i) => {
        next = setWorld(doc, next, id, [...command.matrices[i]!]);
      });
      return { layer: next, created: [] };
    }
    case 'rename': {
      requireObjects(doc, [command.id], 'rename');
      const name = typeof command.name === 'string' ? command.name.trim() : '';
      if (name.length === 0) throw new EditError('rename: the name is empty');
      if (name.length > MAX_NAME_LENGTH) {
        throw new EditError(`rename: ${name.length} characters is over ${MAX_NAME_LENGTH}`);
      }
      return {
        layer: put(
          draftOf(layer),
          command.id,
          patchRecord(layer.records[command.id], 'name', name),
        ),
        created: [],
      };
    }
    case 'setHidden':
    case 'setLocked': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, command.type === 'setHidden' ? 'hide' : 'lock');
      const key = command.type === 'setHidden' ? 'hidden' : 'locked';
      const on = command.type === 'setHidden' ? command.hidden : command.locked;
      let next = draftOf(layer);
      for (const id of ids) {
        next = put(next, id, patchRecord(next.records[id], key, on ? true : undefined));
      }
      return { layer: next, created: [] };
    }
    case 'setMaterial': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'apply material');
      const material = command.material === null ? undefined : checkMaterial(command.material);
      let next = draftOf(layer);
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        if (next.records[id]?.source?.kind === 'group') {
          for (const child of childrenOf({ ...doc, layer: next }, id)) visit(child);
          return;
        }
        next = put(next, id, patchRecord(next.records[id], 'material', material));
      };
      ids.forEach(visit);
      return { layer: next, created: [] };
    }
    case 'remove': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'delete');
      requireUnlocked(doc, ids, 'delete');
      return { layer: removeIds(doc, draftOf(layer), ids), created: [] };
    }
    case 'duplicate': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'duplicate');
      const offset = command.offset ?? [0, 0, 0];
      requireVec3(offset, 'duplicate offset');
      let next = draftOf(layer);
      const created: string[] = [];
      for (const id of ids) {
        const obj = getObject({ ...doc, layer: next }, id)!;
        if (obj.kind === 'group') throw new EditError(`duplicate: ${id} is a group`);
        const source: ObjectRecord['source'] =
          obj.kind === 'asset'
            ? { kind: 'asset', asset: obj.origin! }
            : { kind: 'part', part: obj.part! };
        const [copyId, bumped] = newId(next, obj.kind === 'asset' ? 'import' : 'copy');
        next = put(bumped, copyId, {
          source,
          name: `${obj.name} copy`,
          matrix: translated(obj.world, offset),
        });
        created.push(copyId);
      }
      return { layer: next, created };
    }
    case 'group': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'group');
      requireUnlocked(doc, ids, 'group');
      const [groupId, bumped] = newId(draftOf(layer), 'group');
      let next = put(bumped, groupId, {
        source: { kind: 'group' },
        name: command.name?.trim() || `Group ${groupId.slice('group:'.length)}`,
      });
      // The group sits at the world origin, so the children's local transforms are their world ones.
      for (const id of ids) {
        const world = getObject({ ...doc, layer: next }, id)!.world;
        const record = { ...next.records[id], parent: groupId, matrix: world };
        next = put(next, id, record);
      }
      const grouped = new Set(ids);
      return {
        layer: { ...next, order: next.order.filter((k) => !grouped.has(k)) },
        created: [groupId],
      };
    }
    case 'ungroup': {
      const ids = unique(command.ids);
      requireObjects(doc, ids, 'ungroup');
      let next = draftOf(layer);
      for (const id of ids) {
        if (next.records[id]?.source?.kind !== 'group')
          throw new EditError(`ungroup: ${id} is not a group`);
        const parentOfGroup = next.records[id]!.parent;
        for (const child of childrenOf({ ...doc, layer: next }, id)) {
          const world = getObject({ ...doc, layer: next }, child)!.world;
          let record = patchRecord(next.records[child], 'parent', parentOfGroup);
          record = patchRecord(record, 'matrix', world);
          next = put(next, child, record);
          if (parentOfGroup) next = setWorld(doc, next, child, world);
        }
        next = put(next, id, undefined);
      }
      const gone = new Set(ids);
      return { layer: { ...next, order: next.order.filter((k) => !gone.has(k)) }, created: [] };
    }
    case 'reorder': {
      if (!Array.isArray(command.order) || !command.order.every((k) => typeof k === 'string')) {
        throw new EditError('reorder: expected a list of outliner entries');
      }
      const known = new Set([
        ...doc.index.parts.map((p) => p.key),
        ...Object.keys(layer.records).filter((id) => layer.records[id]!.source),
      ]);
      const unknown = command.order.filter((k) => !known.has(k));
      if (unknown.length > 0)
        throw new EditError(`reorder: no entry ${unknown.slice(0, 5).join(', ')}`);
      return { layer: { ...layer, order: unique(command.order) }, created: [] };
    }
    case 'import': {
      if (typeof command.asset !== 'string' || !/^[0-9a-f]{64}$/.test(command.asset)) {
        throw new EditError('import: the asset is not a SHA-256 content hash');
      }
      const matrix = command.matrix ?? [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
      if (!isFiniteMatrix(matrix))
        throw new EditError('import: the matrix is not 16 finite numbers');
      const [id, bumped] = newId(draftOf(layer), 'import');
      const name = (command.name || 'Imported').slice(0, MAX_NAME_LENGTH);
      return {
        layer: put(bumped, id, {
          source: { kind: 'asset', asset: command.asset },
          name,
          matrix,
        }),
        created: [id],
      };
    }
    default: {
      const unknown: never = command;
      throw new EditError(`unknown command ${JSON.stringify((unknown as { type: unknown }).type)}`);
    }
  }
}

function hasAncestorIn(doc: DocumentView, id: string, set: ReadonlySet<string>): boolean {
  let parent = doc.layer.records[id]?.parent;
  for (let depth = 0; parent && depth < 32; depth++) {
    if (set.has(parent)) return true;
    parent = doc.layer.records[parent]?.parent;
  }
  return false;
}

/** A short description for the history list: 'Move 3 objects', 'Rename Barrel 2'. */
export function describeCommand(doc: DocumentView, command: Command): string {
  const count = (ids: readonly string[], verb: string) => {
    if (ids.length === 1) return `${verb} ${getObject(doc, ids[0]!)?.name ?? ids[0]}`;
    return `${verb} ${ids.length} objects`;
  };
  switch (command.type) {
    case 'translate':
      return count(command.ids, 'Move');
    case 'setWorld':
      return count(command.ids, 'Transform');
    case 'rename':
      return `Rename ${getObject(doc, command.id)?.name ?? command.id} to ${command.name}`;
    case 'setHidden':
      return count(command.ids, command.hidden ? 'Hide' : 'Show');
    case 'setLocked':
      return count(command.ids, command.locked ? 'Lock' : 'Unlock');
    case 'remove':
      return count(command.ids, 'Delete');
    case 'duplicate':
      return count(command.ids, 'Duplicate');
    case 'group':
      return count(command.ids, 'Group');
    case 'ungroup':
      return count(command.ids, 'Ungroup');
    case 'reorder':
      return 'Reorder outliner';
    case 'import':
      return `Import ${command.name}`;
    case 'setMaterial':
      return command.material
        ? `${count(command.ids, 'Apply')}: ${command.material.preset}${
            command.material.blend ? ` + ${command.material.blend.preset}` : ''
          }`
        : count(command.ids, 'Reset material of');
  }
}
