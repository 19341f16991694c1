// The content hash of what the studio shows: the generated scene's hash combined with the edit
// layer in a canonical form (records sorted by id, fields in a fixed order). With no edits it is
// the generated scene's own hash, so a fresh scene hashes the same in the studio, in Node and in
// the CLI; undoing every edit returns to it exactly.
import type { MaterialRef } from '../materials/material-ref';
import { isLayerEmpty, type EditLayer, type ObjectRecord } from './edit-layer';

/** A material ref with its keys in a fixed order (modifiers' too), so equal refs hash equal. */
function canonicalMaterial(m: MaterialRef): unknown[] {
  const mods = m.modifiers;
  return [
    m.preset,
    m.projection ?? 'uv',
    m.scale ?? 1,
    mods ? Object.keys(mods).sort().map((k) => [k, mods[k as keyof typeof mods]]) : null,
  ];
}

function canonicalRecord(r: ObjectRecord): unknown[] {
  return [
    r.source ? Object.values(r.source).join(':') : null,
    r.name ?? null,
    r.matrix ? [...r.matrix] : null,
    r.hidden ?? false,
    r.locked ?? false,
    r.removed ?? false,
    r.parent ?? null,
    r.material ? canonicalMaterial(r.material) : null,
  ];
}

/** The canonical text of a layer. Ids of added objects are content: they name the objects. */
export function canonicalLayer(layer: EditLayer): string {
  const ids = Object.keys(layer.records).sort();
  return JSON.stringify({
    records: ids.map((id) => [id, canonicalRecord(layer.records[id]!)]),
    order: layer.order,
  });
}

export async function documentHash(
  baseHash: string | undefined,
  layer: EditLayer,
): Promise<string | null> {
  if (isLayerEmpty(layer)) return baseHash ?? null;
  const text = `canvas3d-document/1\n${baseHash ?? 'no-scene'}\n${canonicalLayer(layer)}`;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
