// Which objects an edit may have changed on screen, from two edit layers: the ids whose record is a
// different object (layers share unchanged records, so this is a reference check) and everything
// inside a changed group (a group's move, hide or lock reaches its contents without touching their
// records). Pure; the viewport redraws only these.
import type { EditLayer } from '../core/document';

/** Parent chains are short; the cap guards against a corrupt cycle, as getObject does. */
const MAX_DEPTH = 32;

function changedRecords(prev: EditLayer, next: EditLayer): Set<string> {
  const changed = new Set<string>();
  if (prev.records === next.records) return changed;
  // for...in without entry arrays: after a big edit the layer holds a record per object.
  let shared = 0;
  for (const id in next.records) {
    const before = prev.records[id];
    if (before !== undefined) shared++;
    if (before !== next.records[id]) changed.add(id);
  }
  let prevCount = 0;
  for (const _id in prev.records) prevCount++;
  if (prevCount !== shared) {
    for (const id in prev.records) if (!(id in next.records)) changed.add(id);
  }
  return changed;
}

function isGroup(layer: EditLayer, id: string): boolean {
  return layer.records[id]?.source?.kind === 'group';
}

function addDescendants(layer: EditLayer, changed: Set<string>): void {
  const records = layer.records;
  for (const id in records) {
    const record = records[id]!;
    if (changed.has(id) || !record.parent) continue;
    let parent: string | undefined = record.parent;
    for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
      if (changed.has(parent)) {
        changed.add(id);
        break;
      }
      parent = records[parent]?.parent;
    }
  }
}

/** Ids whose world transform, visibility or existence may differ between the two layers. */
export function changedObjectIds(prev: EditLayer, next: EditLayer): Set<string> {
  const changed = changedRecords(prev, next);
  // Only a group's change reaches objects whose records did not change.
  const groups = [...changed].some((id) => isGroup(next, id) || isGroup(prev, id));
  if (!groups) return changed;
  // A child that left a group is itself changed; one that stayed is found through the new layer,
  // one whose group was dropped (ungroup) through the old one.
  addDescendants(next, changed);
  addDescendants(prev, changed);
  return changed;
}
