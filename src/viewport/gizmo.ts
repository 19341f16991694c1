// The transform gizmo: three's TransformControls on a proxy object at the selection's pivot. It is
// not connected to the DOM; the viewport's pointer router feeds it (hover, down, move, up), so a
// drag on a handle never reaches the orbit controls. A drag reports the world-space delta from the
// proxy's start to its current transform; the caller previews and commits it.
import { Matrix4, Object3D, Vector3, type Camera, type Group } from 'three/webgpu';
import { TransformControls } from 'three/addons/controls/TransformControls.js';
import type { TransformKind } from './edit-handle';
import { SNAP_STEPS } from './modal-transform';

/** What TransformControls reads from a pointer (its own listeners build the same shape). */
interface ControlsPointer {
  x: number;
  y: number;
  button: number;
}

export class Gizmo {
  private readonly controls: TransformControls;
  private readonly proxy = new Object3D();
  private readonly start = new Matrix4();
  private readonly startInverse = new Matrix4();
  private readonly delta = new Matrix4();

  constructor(
    camera: Camera,
    private readonly parent: Group,
  ) {
    this.controls = new TransformControls(camera);
    this.proxy.name = 'gizmo-pivot';
    parent.add(this.proxy);
    const helper = this.controls.getHelper();
    helper.traverse((o) => {
      const material = (o as { material?: { allowOverride: boolean } }).material;
      // Shading modes replace scene materials; the gizmo keeps its colours.
      if (material) material.allowOverride = false;
    });
    parent.add(helper);
  }

  get dragging(): boolean {
    return this.controls.dragging;
  }

  setMode(kind: TransformKind): void {
    this.controls.setMode(kind);
  }

  mode(): TransformKind {
    return this.controls.getMode();
  }

  /** Shows the gizmo at `position` (oriented as `orientation`'s rotation), or hides it (null). */
  place(
    position: readonly [number, number, number] | null,
    orientation?: ArrayLike<number> | null,
  ): void {
    if (this.controls.dragging) return;
    if (!position) {
      this.controls.detach();
      return;
    }
    this.proxy.position.set(position[0], position[1], position[2]);
    this.proxy.quaternion.identity();
    if (orientation) {
      const scale = new Vector3();
      new Matrix4().fromArray(orientation).decompose(new Vector3(), this.proxy.quaternion, scale);
    }
    this.proxy.scale.set(1, 1, 1);
    this.proxy.updateMatrixWorld();
    // Scaling acts along the proxy's own axes; moving and rotating along the world's.
    this.controls.space = 'world';
    this.controls.attach(this.proxy);
  }

  private pointer(ndc: readonly [number, number], button: number): PointerEvent {
    const p: ControlsPointer = { x: ndc[0], y: ndc[1], button };
    // TransformControls only reads x, y and button from the pointer it is given.
    return p as unknown as PointerEvent;
  }

  /** Highlights the handle under the pointer. */
  hover(ndc: readonly [number, number]): void {
    if (!this.controls.object || this.controls.dragging) return;
    this.controls.getHelper().updateMatrixWorld();
    this.controls.pointerHover(this.pointer(ndc, 0));
  }

  /** Whether a handle is under the pointer. */
  handleAt(ndc: readonly [number, number]): boolean {
    this.hover(ndc);
    return this.controls.object !== undefined && this.controls.axis !== null;
  }

  /** Starts a drag if a handle is under the pointer; true when it did. */
  down(ndc: readonly [number, number]): boolean {
    if (!this.controls.object) return false;
    this.hover(ndc);
    this.controls.pointerDown(this.pointer(ndc, 0));
    if (!this.controls.dragging) return false;
    this.start.copy(this.proxy.matrixWorld);
    this.startInverse.copy(this.start).invert();
    return true;
  }

  /** Moves the drag; returns the delta since it began (column-major), or null if not dragging. */
  move(ndc: readonly [number, number], snap: boolean): number[] | null {
    if (!this.controls.dragging) return null;
    this.controls.translationSnap = snap ? SNAP_STEPS.translate : null;
    this.controls.rotationSnap = snap ? SNAP_STEPS.rotate : null;
    this.controls.scaleSnap = snap ? SNAP_STEPS.scale : null;
    // -1: no button changed, as in a pointermove event.
    this.controls.pointerMove(this.pointer(ndc, -1));
    return this.currentDelta();
  }

  /** Ends the drag and returns its delta (null if there was none). */
  up(): number[] | null {
    if (!this.controls.dragging) return null;
    const delta = this.currentDelta();
    this.controls.pointerUp(this.pointer([0, 0], 0));
    return delta;
  }

  /** Abandons the drag (the caller restores what it previewed). */
  cancel(): void {
    if (this.controls.dragging) this.controls.pointerUp(this.pointer([0, 0], 0));
  }

  private currentDelta(): number[] {
    this.proxy.updateMatrixWorld();
    return this.delta.multiplyMatrices(this.proxy.matrixWorld, this.startInverse).toArray();
  }

  dispose(): void {
    this.controls.detach();
    const helper = this.controls.getHelper();
    this.parent.remove(helper, this.proxy);
    // dispose() would also disconnect DOM listeners it never connected.
    helper.dispose();
  }
}
