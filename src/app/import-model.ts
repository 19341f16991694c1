// Opening a model file into the scene: parse (which validates everything first), keep the parsed
// asset by content hash, then one undoable 'import' edit that places it on the ground at the centre
// of the scene. A bad file throws ImportError before anything in the store changes.
import type { Mat4 } from '../core/math/mat4-ops';
import type { ImportedAsset } from '../import/imported-asset';
import type { StudioStore } from '../state/store';

export type ParseModel = (bytes: Uint8Array, name: string) => Promise<ImportedAsset>;

export interface ImportOutcome {
  /** The new object's id. */
  id: string;
  /** SHA-256 of the file: the asset's identity. */
  hash: string;
  triangles: number;
}

/** Where an asset lands: its footprint centred on the scene's, its lowest point on y = 0. */
export function placement(asset: ImportedAsset, sceneBounds?: readonly number[]): Mat4 {
  const [x0, y0, z0, x1, , z1] = asset.bounds;
  const cx = sceneBounds ? (sceneBounds[0]! + sceneBounds[3]!) / 2 : 0;
  const cz = sceneBounds ? (sceneBounds[2]! + sceneBounds[5]!) / 2 : 0;
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, cx - (x0 + x1) / 2, -y0, cz - (z0 + z1) / 2, 1];
}

export async function importModel(
  store: StudioStore,
  parse: ParseModel,
  bytes: Uint8Array,
  name: string,
  /** Keeps the file's bytes with the project (before the edit that uses them lands). */
  keep?: (hash: string) => Promise<void>,
): Promise<ImportOutcome> {
  const asset = await parse(bytes, name);
  await keep?.(asset.hash);
  const s = store.getState();
  s.assetAdded(asset);
  const [id] = store.getState().edit({
    type: 'import',
    asset: asset.hash,
    name,
    matrix: placement(asset, s.scene.data?.bounds),
  });
  return { id: id!, hash: asset.hash, triangles: asset.triangles };
}
