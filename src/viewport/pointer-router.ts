// Decides what a pointer gesture on the viewport is, before the canvas (and the orbit controls on
// it) sees it: listeners on the canvas's container in the capture phase. Ctrl+left drag or an armed
// B starts a box select, a left press on a gizmo handle a gizmo drag (both swallowed, so the camera
// stays put; a right click or Esc abandons a gizmo drag); anything else passes through to the orbit controls, and a left press released within
// CLICK_SLOP pixels is a click that selects.

/** Pointer travel (CSS pixels) under which a press and release count as a click, not a drag. */
export const CLICK_SLOP = 4;

export interface PointerTools {
  boxArmed(): boolean;
  boxBegin(e: PointerEvent): void;
  boxMove(e: PointerEvent): void;
  boxEnd(e: PointerEvent): void;
  boxCancel(): void;
  gizmoHover(e: PointerEvent): void;
  /** True when the press landed on a gizmo handle and a drag began. */
  gizmoDown(e: PointerEvent): boolean;
  gizmoMove(e: PointerEvent): void;
  gizmoUp(e: PointerEvent): void;
  /** A right click during a gizmo drag: abandon it. */
  gizmoCancel(): void;
  click(e: PointerEvent): void;
}

type Gesture =
  | { kind: 'idle' }
  | { kind: 'box'; pointer: number }
  | { kind: 'gizmo'; pointer: number }
  | { kind: 'click'; pointer: number; x: number; y: number; far: boolean };

export function isClick(x0: number, y0: number, x1: number, y1: number): boolean {
  return Math.hypot(x1 - x0, y1 - y0) < CLICK_SLOP;
}

/** Listens on `container`; returns the function that stops listening. */
export function attachPointerRouter(container: HTMLElement, tools: PointerTools): () => void {
  let gesture: Gesture = { kind: 'idle' };
  const take = (e: PointerEvent) => {
    e.stopPropagation();
    e.preventDefault();
    try {
      // Keep receiving the drag's moves and release outside the canvas.
      container.setPointerCapture(e.pointerId);
    } catch {
      // Not an active pointer (a synthetic event): the drag still works inside the canvas.
    }
  };

  const down = (e: PointerEvent) => {
    if (gesture.kind === 'click') {
      // A second finger or button: a camera gesture, not a click.
      gesture = { kind: 'idle' };
      return;
    }
    if (gesture.kind === 'gizmo' && e.button === 2) {
      e.stopPropagation();
      e.preventDefault();
      tools.gizmoCancel();
      return;
    }
    if (gesture.kind !== 'idle') return;
    if (tools.boxArmed() && e.button !== 0) {
      tools.boxCancel();
      e.stopPropagation();
      return;
    }
    if (e.button !== 0) return;
    if (tools.boxArmed() || e.ctrlKey || e.metaKey) {
      take(e);
      gesture = { kind: 'box', pointer: e.pointerId };
      tools.boxBegin(e);
    } else if (tools.gizmoDown(e)) {
      take(e);
      gesture = { kind: 'gizmo', pointer: e.pointerId };
    } else {
      gesture = { kind: 'click', pointer: e.pointerId, x: e.clientX, y: e.clientY, far: false };
    }
  };

  const move = (e: PointerEvent) => {
    if (gesture.kind === 'idle') {
      if (e.buttons === 0) tools.gizmoHover(e);
      return;
    }
    if (e.pointerId !== gesture.pointer) return;
    if (gesture.kind === 'box') tools.boxMove(e);
    else if (gesture.kind === 'gizmo') tools.gizmoMove(e);
    else if (!isClick(gesture.x, gesture.y, e.clientX, e.clientY)) gesture.far = true;
  };

  const up = (e: PointerEvent) => {
    if (gesture.kind === 'idle' || e.pointerId !== gesture.pointer) return;
    const g = gesture;
    gesture = { kind: 'idle' };
    if (g.kind === 'box') {
      e.stopPropagation();
      tools.boxEnd(e);
    } else if (g.kind === 'gizmo') {
      e.stopPropagation();
      tools.gizmoUp(e);
    } else if (!g.far && e.button === 0 && isClick(g.x, g.y, e.clientX, e.clientY)) {
      tools.click(e);
    }
  };

  const cancel = (e: PointerEvent) => {
    if (gesture.kind === 'idle' || e.pointerId !== gesture.pointer) return;
    if (gesture.kind === 'box') tools.boxCancel();
    if (gesture.kind === 'gizmo') tools.gizmoUp(e);
    gesture = { kind: 'idle' };
  };

  const listeners: [string, (e: PointerEvent) => void][] = [
    ['pointerdown', down],
    ['pointermove', move],
    ['pointerup', up],
    ['pointercancel', cancel],
  ];
  for (const [type, fn] of listeners) {
    container.addEventListener(type, fn as EventListener, true);
  }
  return () => {
    for (const [type, fn] of listeners) {
      container.removeEventListener(type, fn as EventListener, true);
    }
  };
}
