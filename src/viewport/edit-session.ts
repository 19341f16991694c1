// Editing in one mounted viewport showing one scene: click and box selection, the selection
// outline, the transform gizmo and Blender-style modal transforms, wired to the store. Previews
// write the scene objects' matrices directly; only a finished drag or modal reaches the store, as
// one edit command. Made by SceneView for its scene objects and attached to the edit handle.
import { Matrix4, Raycaster, type Camera, type Group } from 'three/webgpu';
import type { Command } from '../core/document';
import { isPickable } from '../state/doc-slice';
import type { StudioState, StudioStore } from '../state/store';
import { idsInRect, type ScreenRect } from './box-select';
import { BoxSelectTool } from './box-select-tool';
import { boxSelection, clickSelection } from './click-select';
import type { TransformKind } from './edit-handle';
import { Gizmo } from './gizmo';
import { ModalController } from './modal-controller';
import { pureTranslation } from './modal-transform';
import { clientToNdc, pickObject } from './picking';
import { attachPointerRouter } from './pointer-router';
import type { SceneObjects } from './scene-objects';
import { SelectionOutline } from './selection-outline';
import {
  applyDelta,
  isIdentity,
  transformTargets,
  type TransformTargets,
} from './transform-targets';
import { createHintLine, createRectOverlay } from './viewport-overlays';

export interface EditSessionParts {
  store: StudioStore;
  objects: SceneObjects;
  camera: Camera;
  canvas: HTMLCanvasElement;
  /** A group in the rendered scene for the outline and the gizmo. */
  overlay: Group;
}

export interface EditSession {
  startModal(kind: TransformKind): boolean;
  /** Arms box select (B): the next left drag draws the box. */
  startBoxSelect(): boolean;
  busy(): boolean;
  setGizmoMode(kind: TransformKind): void;
  /** The pickable object at a canvas position (CSS pixels from its top left), or null. */
  pickAt(x: number, y: number): string | null;
  /** Call once per frame before rendering. */
  frame(camera: Camera): void;
  dispose(): void;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export function createEditSession(parts: EditSessionParts): EditSession {
  const { store, objects, camera, canvas, overlay } = parts;
  const container = canvas.parentElement ?? canvas;
  const restorePosition = container.style.position;
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  const hint = createHintLine(container);
  const rect = createRectOverlay(container);
  const outline = new SelectionOutline(objects);
  overlay.add(outline.group);
  const gizmo = new Gizmo(camera, overlay);
  const raycaster = new Raycaster();

  const doc = () => store.getState().doc;
  const view = () => ({ index: doc().index, layer: doc().layer });
  const pickable = (id: string) => {
    const d = doc();
    // Generated objects without a record are visible, unlocked and in no group.
    return !d.layer.records[id] || isPickable(d, id);
  };
  const select = (ids: string[]) => {
    if (!sameIds(ids, doc().selection)) store.getState().select(ids, 'replace');
  };

  /** The transform in progress (gizmo drag or modal) and what it moves. */
  let active: TransformTargets | null = null;
  let placeGizmo = true;

  const preview = (delta: number[]) => {
    if (active) objects.previewWorld(active.moved, applyDelta(delta, active.movedStarts));
  };
  const restore = () => {
    if (active) objects.previewWorld(active.moved, active.movedStarts);
  };
  const commit = (delta: number[], kind: TransformKind) => {
    const targets = active;
    active = null;
    placeGizmo = true;
    if (!targets || isIdentity(delta)) {
      if (targets) objects.previewWorld(targets.moved, targets.movedStarts);
      return;
    }
    const offset = kind === 'translate' ? pureTranslation(delta, 1e-9) : null;
    const command: Command = offset
      ? { type: 'translate', ids: targets.roots, delta: offset }
      : { type: 'setWorld', ids: targets.roots, matrices: applyDelta(delta, targets.rootStarts) };
    try {
      store.getState().edit(command);
    } catch (error) {
      objects.previewWorld(targets.moved, targets.movedStarts);
      console.warn('edit refused:', error instanceof Error ? error.message : error);
    }
  };

  const modal = new ModalController(camera, canvas, hint, {
    preview,
    confirm: commit,
    cancel: () => {
      restore();
      active = null;
      placeGizmo = true;
    },
  });

  const pickAt = (x: number, y: number) => {
    const r = canvas.getBoundingClientRect();
    const [nx, ny] = clientToNdc(canvas, r.left + x, r.top + y);
    return pickObject(objects, camera, nx, ny, { pickable, raycaster });
  };

  const boxSelect = (r: ScreenRect, shift: boolean) => {
    camera.updateMatrixWorld();
    const viewProjection = new Matrix4().multiplyMatrices(
      camera.projectionMatrix,
      camera.matrixWorldInverse,
    );
    const inside = idsInRect(
      r,
      viewProjection.elements,
      canvas.clientWidth,
      canvas.clientHeight,
      objects.forEachCentre,
    ).filter(pickable);
    select(boxSelection(doc().selection, inside, shift));
  };
  const box = new BoxSelectTool(canvas, container, rect, hint, boxSelect);

  const ndc = (e: PointerEvent) => clientToNdc(canvas, e.clientX, e.clientY);
  const cancelDrag = () => {
    window.removeEventListener('keydown', escapeDrag, true);
    if (!gizmo.dragging) return;
    gizmo.cancel();
    restore();
    active = null;
    placeGizmo = true;
  };
  const escapeDrag = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    cancelDrag();
  };
  const stopRouter = attachPointerRouter(container, {
    boxArmed: () => box.armed,
    boxBegin: (e) => box.begin(e),
    boxMove: (e) => box.move(e),
    boxEnd: (e) => box.end(e),
    boxCancel: () => box.cancel(),
    gizmoHover: (e) => gizmo.hover(ndc(e)),
    gizmoDown: (e) => {
      if (modal.active || !gizmo.handleAt(ndc(e))) return false;
      const targets = transformTargets(view(), doc().selection);
      if (!targets || !gizmo.down(ndc(e))) return false;
      active = targets;
      window.addEventListener('keydown', escapeDrag, true);
      return true;
    },
    gizmoMove: (e) => {
      const delta = gizmo.move(ndc(e), e.ctrlKey);
      if (delta) preview(delta);
    },
    gizmoUp: () => {
      window.removeEventListener('keydown', escapeDrag, true);
      const kind = gizmo.mode();
      const delta = gizmo.up();
      if (delta) commit(delta, kind);
      else active = null;
    },
    gizmoCancel: cancelDrag,
    click: (e) => {
      const [x, y] = ndc(e);
      const hit = pickObject(objects, camera, x, y, { pickable, raycaster });
      select(clickSelection(doc().selection, hit, e.shiftKey));
    },
  });

  // Where the pointer is, for modals started from the keyboard.
  let pointer: [number, number] | null = null;
  const trackPointer = (e: PointerEvent) => {
    pointer = [e.clientX, e.clientY];
  };
  window.addEventListener('pointermove', trackPointer, { passive: true });

  const unsubscribe = store.subscribe((s: StudioState, prev: StudioState) => {
    if (s.doc.selection !== prev.doc.selection) outline.setSelection(s.doc.selection);
    if (
      s.doc.selection !== prev.doc.selection ||
      s.doc.layer !== prev.doc.layer ||
      s.doc.index !== prev.doc.index
    ) {
      placeGizmo = true;
    }
  });
  outline.setSelection(doc().selection);

  return {
    startModal(kind) {
      if (modal.active || gizmo.dragging) return false;
      const targets = transformTargets(view(), doc().selection);
      if (!targets) return false;
      box.cancel();
      gizmo.place(null);
      active = targets;
      const r = canvas.getBoundingClientRect();
      const [cx, cy] = pointer ?? [r.left + r.width / 2, r.top + r.height / 2];
      modal.start(kind, targets.pivot, cx, cy);
      return true;
    },
    startBoxSelect() {
      if (modal.active || gizmo.dragging) return false;
      box.arm();
      return true;
    },
    busy: () => modal.active || gizmo.dragging || box.armed || box.dragging,
    setGizmoMode: (kind) => gizmo.setMode(kind),
    pickAt,
    frame(current) {
      outline.frame(current, canvas.clientHeight);
      if (placeGizmo && !modal.active && !gizmo.dragging) {
        placeGizmo = false;
        const targets = transformTargets(view(), doc().selection);
        gizmo.place(targets?.pivot ?? null, targets?.single);
      }
    },
    dispose() {
      cancelDrag();
      modal.dispose();
      box.cancel();
      stopRouter();
      unsubscribe();
      window.removeEventListener('pointermove', trackPointer);
      overlay.remove(outline.group);
      outline.dispose();
      gizmo.dispose();
      hint.dispose();
      rect.dispose();
      container.style.position = restorePosition;
    },
  };
}
