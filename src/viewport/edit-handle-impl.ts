// The implementation of EditHandle. The composition root creates one and passes it down to the
// viewport; SceneView makes an edit session for its scene and attaches it (and detaches it on
// unmount, a new scene or a device-loss remount), so menus, shortcuts and window.studio reach
// whichever viewport is live. The gizmo mode outlives sessions.
import type { EditHandle, TransformKind } from './edit-handle';
import type { EditSession } from './edit-session';

/** EditHandle plus what the viewport and the B shortcut use. */
export interface AttachableEditHandle extends EditHandle {
  /** Whether a viewport showing a scene has attached its editing tools. */
  attached(): boolean;
  /** Arms box select (B in Blender): the next left drag in the viewport draws a box. */
  startBoxSelect(): boolean;
  /** The pickable object at a canvas position (CSS pixels from its top left); for tests/automation. */
  pickAt(x: number, y: number): string | null;
  attach(session: EditSession): void;
  /** Given the session it attached, a late detach from a replaced viewport keeps the newer one. */
  detach(session?: EditSession): void;
}

export function createEditHandle(): AttachableEditHandle {
  let session: EditSession | null = null;
  let mode: TransformKind = 'translate';
  return {
    attached: () => session !== null,
    startModal: (kind) => session?.startModal(kind) ?? false,
    startBoxSelect: () => session?.startBoxSelect() ?? false,
    busy: () => session?.busy() ?? false,
    setGizmoMode(kind) {
      mode = kind;
      session?.setGizmoMode(kind);
    },
    gizmoMode: () => mode,
    pickAt: (x, y) => session?.pickAt(x, y) ?? null,
    attach(next) {
      session = next;
      next.setGizmoMode(mode);
    },
    detach(old) {
      if (!old || old === session) session = null;
    },
  };
}
