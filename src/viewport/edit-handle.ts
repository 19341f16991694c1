// The viewport's editing tools, for menus, shortcuts and window.studio: modal transforms (G/R/S
// as in Blender), the gizmo's mode and the last drag's figures. Made by the composition root;
// the mounted viewport attaches the implementation.

export type TransformKind = 'translate' | 'rotate' | 'scale';

export interface EditHandle {
  /** Starts a modal transform of the selection at the pointer (G, R, S). False if nothing is
   *  selected, the selection is locked, or no viewport is mounted. */
  startModal(kind: TransformKind): boolean;
  /** Whether a modal transform or a gizmo drag is in progress (shortcuts defer to it). */
  busy(): boolean;
  /** Which handles the gizmo shows (W/E/R-style switch; also the toolbar). */
  setGizmoMode(kind: TransformKind): void;
  gizmoMode(): TransformKind;
}
