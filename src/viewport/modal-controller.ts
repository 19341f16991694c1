// A Blender-style modal transform in progress (G, R, S): measures how the camera sees the pivot,
// then follows the pointer and the keyboard until Enter or a left click confirms or Esc or a right
// click cancels. While it runs it captures every key and pointer press (window, capture phase,
// stopImmediatePropagation) so nothing else reacts: no shortcut, no orbit, no selection click.
// The arithmetic is in modal-transform.ts; this file is the DOM and three side.
import { Vector3, type Camera } from 'three/webgpu';
import type { TransformKind } from './edit-handle';
import {
  modalHint,
  modalMatrix,
  modalResult,
  sweptAngleStep,
  toggleAxis,
  typeKey,
  type Axis,
  type ModalInput,
  type ModalView,
  type Vec2,
  type Vec3,
} from './modal-transform';
import type { HintLine } from './viewport-overlays';

export interface ModalCallbacks {
  /** The delta (world, column-major) to show now. */
  preview(delta: number[]): void;
  /** Confirmed with this delta. */
  confirm(delta: number[], kind: TransformKind): void;
  /** Cancelled: restore what was there. */
  cancel(): void;
}

const KIND_KEYS: Record<string, TransformKind> = { g: 'translate', r: 'rotate', s: 'scale' };

export class ModalController {
  private input: ModalInput | null = null;
  private view: ModalView | null = null;
  private lastPointer: Vec2 = [0, 0];
  private readonly listeners: [string, (e: Event) => void][];

  constructor(
    private readonly camera: Camera,
    private readonly canvas: HTMLCanvasElement,
    private readonly hint: HintLine,
    private readonly callbacks: ModalCallbacks,
  ) {
    this.listeners = [
      ['keydown', (e) => this.onKey(e as KeyboardEvent, true)],
      ['keyup', (e) => this.onKey(e as KeyboardEvent, false)],
      ['pointermove', (e) => this.onMove(e as PointerEvent)],
      ['pointerdown', (e) => this.onDown(e as PointerEvent)],
      ['pointerup', (e) => this.swallow(e)],
      ['click', (e) => this.swallow(e)],
      ['contextmenu', (e) => this.swallow(e)],
    ];
  }

  get active(): boolean {
    return this.input !== null;
  }

  private toCanvas(clientX: number, clientY: number): Vec2 {
    const r = this.canvas.getBoundingClientRect();
    return [clientX - r.left, clientY - r.top];
  }

  private project(p: Vector3): Vec2 {
    const r = this.canvas.getBoundingClientRect();
    const v = p.clone().project(this.camera);
    return [(v.x * 0.5 + 0.5) * r.width, (0.5 - v.y * 0.5) * r.height];
  }

  private measure(pivot: Vec3): ModalView {
    this.camera.updateMatrixWorld();
    const e = this.camera.matrixWorld.elements;
    const right: Vec3 = new Vector3(e[0], e[1], e[2]).normalize().toArray();
    const up: Vec3 = new Vector3(e[4], e[5], e[6]).normalize().toArray();
    const toViewer: Vec3 = new Vector3(e[8], e[9], e[10]).normalize().toArray();
    const p = new Vector3(...pivot);
    const pivotScreen = this.project(p);
    const along = (d: Vec3): Vec2 => {
      const s = this.project(p.clone().add(new Vector3(...d)));
      return [s[0] - pivotScreen[0], s[1] - pivotScreen[1]];
    };
    const rightPx = along(right);
    const pxPerMetre = Math.hypot(rightPx[0], rightPx[1]);
    return {
      pivot,
      pivotScreen,
      right,
      up,
      toViewer,
      metresPerPixel: pxPerMetre > 1e-9 ? 1 / pxPerMetre : 0.01,
      axisPixels: { x: along([1, 0, 0]), y: along([0, 1, 0]), z: along([0, 0, 1]) },
    };
  }

  /** Begins at the pointer's client position. */
  start(kind: TransformKind, pivot: Vec3, clientX: number, clientY: number, snap = false): void {
    if (this.input) this.finish(false);
    const at = this.toCanvas(clientX, clientY);
    this.view = this.measure(pivot);
    this.input = { kind, axis: null, typed: '', snap, start: at, now: at, swept: 0 };
    this.lastPointer = at;
    for (const [type, fn] of this.listeners) window.addEventListener(type, fn, true);
    this.refresh();
  }

  private refresh(): void {
    const result = modalResult(this.input!, this.view!);
    this.hint.show(modalHint(this.input!, result));
    this.callbacks.preview(modalMatrix(result, this.view!.pivot));
  }

  private swallow(e: Event): void {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  private onMove(e: PointerEvent): void {
    const input = this.input!;
    const now = this.toCanvas(e.clientX, e.clientY);
    input.swept += sweptAngleStep(this.view!.pivotScreen, this.lastPointer, now);
    this.lastPointer = now;
    input.now = now;
    input.snap = e.ctrlKey;
    e.stopImmediatePropagation();
    this.refresh();
  }

  private onDown(e: PointerEvent): void {
    this.swallow(e);
    if (e.button === 0) this.finish(true);
    else if (e.button === 2) this.finish(false);
  }

  private onKey(e: KeyboardEvent, down: boolean): void {
    const input = this.input!;
    e.stopImmediatePropagation();
    if (!down) {
      if (e.key === 'Control') {
        input.snap = false;
        this.refresh();
      }
      return;
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    let handled = true;
    const typed = typeKey(input.typed, e.key);
    if (key === 'Enter') this.finish(true);
    else if (key === 'Escape') this.finish(false);
    else if (key === 'Control') input.snap = true;
    else if (key === 'x' || key === 'y' || key === 'z')
      input.axis = toggleAxis(input.axis, key as Axis);
    else if (KIND_KEYS[key] && !e.ctrlKey) {
      input.kind = KIND_KEYS[key];
      input.typed = '';
    } else if (typed !== null && !e.ctrlKey) input.typed = typed;
    else handled = false;
    if (handled) e.preventDefault();
    if (this.input) this.refresh();
  }

  /** Ends the modal: confirm applies the current delta, otherwise everything is restored. */
  finish(confirm: boolean): void {
    const input = this.input;
    if (!input) return;
    const delta = modalMatrix(modalResult(input, this.view!), this.view!.pivot);
    this.input = null;
    this.view = null;
    for (const [type, fn] of this.listeners) window.removeEventListener(type, fn, true);
    this.hint.hide();
    if (confirm) this.callbacks.confirm(delta, input.kind);
    else this.callbacks.cancel();
    if (!confirm) this.swallowNextContextMenu();
  }

  /** A right click that cancels is followed by a contextmenu event (on release on some systems). */
  private swallowNextContextMenu(): void {
    const swallow = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('contextmenu', swallow, true), 1000);
  }

  dispose(): void {
    this.finish(false);
  }
}
