// Between the store and a ProjectState: capture what the studio shows as a state to keep, and put
// a kept state back (parse its assets, regenerate its scene: deterministic, so the sceneHash is the
// one it was saved with) as one store change.
import type { EditLayer } from '../core/document/edit-layer';
import type { ProjectAssetRef, ProjectCamera, ProjectState } from '../core/project/project-state';
import { PROJECT_STATE_VERSION } from '../core/project/project-state';
import type { SceneClient } from '../generation/scene-client';
import type { DocumentContent } from '../state/doc-slice';
import type { StudioStore } from '../state/store';

/** Where an asset's bytes come from when a state is put back. */
export type AssetBytes = (hash: string) => Promise<{ name: string; bytes: Uint8Array } | undefined>;

/** The hashes of the assets the layer's objects use. */
export function assetsInLayer(layer: EditLayer): string[] {
  const out = new Set<string>();
  for (const record of Object.values(layer.records)) {
    if (record.source?.kind === 'asset') out.add(record.source.asset);
  }
  return [...out].sort();
}

export function captureProjectState(
  store: StudioStore,
  knownAssets: ReadonlyMap<string, ProjectAssetRef>,
  camera: ProjectCamera | null,
): ProjectState {
  const s = store.getState();
  const assets: ProjectAssetRef[] = [];
  for (const hash of assetsInLayer(s.doc.layer)) {
    const ref = knownAssets.get(hash);
    const asset = s.doc.assets[hash];
    assets.push(ref ?? { hash, name: asset?.name ?? `${hash.slice(0, 12)}.glb`, bytes: 0 });
  }
  return {
    version: PROJECT_STATE_VERSION,
    draft: s.spec.draft,
    ...(s.scene.data && s.scene.spec !== undefined ? { generated: s.scene.spec } : {}),
    layer: s.doc.layer,
    assets,
    ...(camera ? { camera } : {}),
  };
}

export interface ApplyDeps {
  store: StudioStore;
  scenes: Pick<SceneClient, 'generate' | 'parseModel'>;
  assetBytes: AssetBytes;
}

/**
 * Puts `state` in the store: assets parsed, scene regenerated, then one documentReplaced (undoable
 * under `label`; without one, the history starts afresh). Throws, changing nothing in the
 * document, if an asset is missing or the scene cannot be generated.
 */
export async function applyProjectState(
  deps: ApplyDeps,
  state: ProjectState,
  label?: string,
): Promise<void> {
  const { store, scenes } = deps;
  const parsed = [];
  for (const ref of state.assets) {
    if (store.getState().doc.assets[ref.hash]) continue;
    const found = await deps.assetBytes(ref.hash);
    if (!found) throw new Error(`the imported model ${ref.name} is missing from storage`);
    parsed.push(await scenes.parseModel(found.bytes, ref.name));
  }
  let scene: DocumentContent['scene'];
  if (state.generated !== undefined) {
    store.getState().generationStarted();
    try {
      const r = await scenes.generate(state.generated, {
        onProgress: (p) => store.getState().generationProgress(p.phase, p.fraction),
      });
      scene = { data: r.scene, hash: r.hash, spec: state.generated };
    } catch (error) {
      store.getState().generationFailed(String((error as Error).message ?? error), false);
      throw error;
    }
  }
  for (const asset of parsed) store.getState().assetAdded(asset);
  store.getState().documentReplaced(
    {
      draft: state.draft,
      ...(scene ? { scene } : {}),
      layer: state.layer,
      ...(state.camera ? { camera: state.camera } : {}),
    },
    label,
  );
}
