// How the viewport shows the scene: grid and axes on or off, and the shading mode (lit with the
// scene's materials and lights, solid clay, or wireframe). Not part of the scene: never in the
// undo history or the scene hash.
import type { StateCreator } from 'zustand';

export const VIEW_MODES = ['lit', 'solid', 'wireframe'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export type GizmoMode = 'translate' | 'rotate' | 'scale';

export interface ViewState {
  grid: boolean;
  axes: boolean;
  mode: ViewMode;
  /** Which handles the transform gizmo shows. */
  gizmo: GizmoMode;
}

export interface ViewSlice {
  view: ViewState;
  viewToggled(key: 'grid' | 'axes'): void;
  viewModeSet(mode: ViewMode): void;
  gizmoModeSet(mode: GizmoMode): void;
}

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  view: { grid: true, axes: true, mode: 'lit', gizmo: 'translate' },
  viewToggled: (key) => set((s) => ({ view: { ...s.view, [key]: !s.view[key] } })),
  viewModeSet: (mode) => set((s) => ({ view: { ...s.view, mode } })),
  gizmoModeSet: (gizmo) => set((s) => ({ view: { ...s.view, gizmo } })),
});
