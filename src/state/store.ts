// The studio's store, built from slices. Made by the composition root and passed down; nothing
// imports a global instance.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createComputeSlice, type ComputeSlice } from './compute-slice';
import { createRendererSlice, type RendererSlice } from './renderer-slice';
import { createSceneSlice, type SceneSlice } from './scene-slice';
import { createSpecSlice, type SpecSlice } from './spec-slice';
import { createDocSlice, type DocSlice } from './doc-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import {
  browserStorage,
  createMaterialsSlice,
  type KeyValueStorage,
  type MaterialsSlice,
} from './materials-slice';

export type StudioState = RendererSlice &
  ComputeSlice &
  SceneSlice &
  SpecSlice &
  DocSlice &
  ViewSlice &
  NoticeSlice &
  MaterialsSlice;
export type StudioStore = StoreApi<StudioState>;

export interface StudioStoreOptions {
  /** Where the user's material presets and favourites persist; localStorage by default, null: nowhere. */
  storage?: KeyValueStorage | null;
}

export function createStudioStore(options: StudioStoreOptions = {}): StudioStore {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const materials = createMaterialsSlice(storage);
  const store = createStore<StudioState>()((...a) => ({
    ...createRendererSlice(...a),
    ...createComputeSlice(...a),
    ...createSceneSlice(...a),
    ...createSpecSlice(...a),
    ...createDocSlice(...a),
    ...createViewSlice(...a),
    ...createNoticeSlice(...a),
    ...materials(...a),
  }));
  // Saved materials that could not be read are ignored; the user is told once, at start.
  const problem = store.getState().materials.loadProblem;
  if (problem) store.getState().notify('error', problem);
  return store;
}
