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

export type StudioState = RendererSlice &
  ComputeSlice &
  SceneSlice &
  SpecSlice &
  DocSlice &
  ViewSlice &
  NoticeSlice;
export type StudioStore = StoreApi<StudioState>;

export function createStudioStore(): StudioStore {
  return createStore<StudioState>()((...a) => ({
    ...createRendererSlice(...a),
    ...createComputeSlice(...a),
    ...createSceneSlice(...a),
    ...createSpecSlice(...a),
    ...createDocSlice(...a),
    ...createViewSlice(...a),
    ...createNoticeSlice(...a),
  }));
}
