// The content hash of what the studio shows: the generated scene's hash combined with the edit
// layer in a canonical form (records sorted by id, fields in a fixed order). With no edits it is
// the generated scene's own hash, so a fresh scene hashes the same in the studio, in Node and in
// the CLI; undoing every edit returns to it exactly.
import type { MaterialBlend, MaterialRef } from '../materials/material-ref';
import { isLayerEmpty, type EditLayer, type ObjectRecord } from './edit-layer';

type Modifiers = NonNullable<MaterialRef['modifiers']>;

/** Modifiers as [key, value] pairs sorted by key (null when there are none). */
function canonicalModifiers(mods: Modifiers | undefined): unknown[] | null {
  return mods
    ? Object.keys(mods)
        .sort()
        .map((k) => [k, mods[k as keyof Modifiers]])
    : null;
}

/** A blend with its fields in a fixed order and defaults filled (null when there is none). */
function canonicalBlend(b: MaterialBlend | undefined): unknown[] | null {
  if (!b) return null;
  return [
    b.preset,
    b.mask,
    b.amount,
    b.softness,
    b.scale ?? 4,
    b.seed ?? 0,
    canonicalModifiers(b.modifiers),
  ];
}

/** A material ref with its keys in a fixed order (modifiers' and blend's too), so equal refs hash
 *  equal. A ref without a blend keeps its four-entry form, so hashes without blends are unchanged. */
function canonicalMaterial(m: MaterialRef): unknown[] {
  const out: unknown[] = [
    m.preset,
    m.projection ?? 'uv',
    m.scale ?? 1,
    canonicalModifiers(m.modifiers),
  ];
  if (m.blend) out.push(canonicalBlend(m.blend));
  return out;
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
