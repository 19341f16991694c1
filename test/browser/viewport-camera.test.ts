// The viewport handle's camera commands against real OrbitControls on a canvas: axis views keep the
// target and distance and stay put through the controls' damping (no jump at the poles), framing
// fits a box in view and inside the clip planes, and wheel / trackpad-pinch zoom works.
import { afterEach, describe, expect, it } from 'vitest';
import { PerspectiveCamera, Scene, TOUCH, Vector3, type WebGPURenderer } from 'three/webgpu';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { Bounds, ViewName } from '../../src/viewport/viewport-handle';
import { VIEW_NAMES } from '../../src/viewport/viewport-handle';
import { createViewportHandle } from '../../src/viewport/create-viewport-handle';
import { createOrbitControls } from '../../src/viewport/orbit-controls';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function makeRig(aspect = 1.5) {
  const element = document.createElement('div');
  element.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:200px';
  document.body.append(element);
  const camera = new PerspectiveCamera(42, aspect, 0.1, 200);
  camera.position.set(6, 5, 8);
  const controls = createOrbitControls(camera, element);
  controls.target.set(1, 0.5, -2);
  controls.update();
  const handle = createViewportHandle();
  // Camera commands never touch the renderer.
  handle.attach({
    renderer: null as unknown as WebGPURenderer,
    scene: new Scene(),
    camera,
    controls,
  });
  cleanup.push(() => {
    controls.dispose();
    element.remove();
  });
  return { element, camera, controls, handle };
}

const EXPECTED: Record<ViewName, [number, number, number]> = {
  front: [0, 0, 1],
  back: [0, 0, -1],
  right: [1, 0, 0],
  left: [-1, 0, 0],
  top: [0, 1, 0],
  bottom: [0, -1, 0],
};

function offset(camera: PerspectiveCamera, controls: OrbitControls): Vector3 {
  return camera.position.clone().sub(controls.target);
}

/** Where the camera's own up and right point in the world. */
function screenAxes(camera: PerspectiveCamera) {
  return {
    up: new Vector3(0, 1, 0).applyQuaternion(camera.quaternion),
    right: new Vector3(1, 0, 0).applyQuaternion(camera.quaternion),
  };
}

function drag(element: HTMLElement, dx: number, dy: number) {
  const at = (type: string, x: number, y: number, target: EventTarget) =>
    target.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 1,
        pointerType: 'mouse',
        button: 0,
        buttons: 1,
        clientX: x,
        clientY: y,
        bubbles: true,
      }),
    );
  at('pointerdown', 100, 100, element);
  at('pointermove', 100 + dx / 2, 100 + dy / 2, document);
  at('pointermove', 100 + dx, 100 + dy, document);
  at('pointerup', 100 + dx, 100 + dy, document);
}

describe('setView', () => {
  it('looks along each axis at the same target from the same distance', () => {
    const { camera, controls, handle } = makeRig();
    const target = controls.target.clone();
    const distance = camera.position.distanceTo(target);
    for (const view of VIEW_NAMES) {
      handle.setView(view);
      const dir = offset(camera, controls).normalize();
      expect(controls.target.distanceTo(target)).toBeLessThan(1e-9);
      expect(camera.position.distanceTo(target)).toBeCloseTo(distance, 9);
      expect(dir.distanceTo(new Vector3(...EXPECTED[view])), view).toBeLessThan(1e-3);
    }
  });

  it('top and bottom have a defined screen orientation and survive the controls updating', () => {
    const { camera, controls, handle } = makeRig();
    handle.setView('top');
    const top = camera.position.clone();
    for (let i = 0; i < 30; i++) controls.update();
    expect(camera.position.distanceTo(top)).toBeLessThan(1e-9);
    let axes = screenAxes(camera);
    expect(axes.up.distanceTo(new Vector3(0, 0, -1))).toBeLessThan(1e-3);
    expect(axes.right.distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-3);

    handle.setView('bottom');
    for (let i = 0; i < 30; i++) controls.update();
    axes = screenAxes(camera);
    expect(axes.up.distanceTo(new Vector3(0, 0, 1))).toBeLessThan(1e-3);
    expect(axes.right.distanceTo(new Vector3(1, 0, 0))).toBeLessThan(1e-3);
  });

  it('lands exactly even while an orbit drag is still coasting', () => {
    const { element, camera, controls, handle } = makeRig();
    drag(element, 80, 30);
    controls.update();
    const coasting = camera.position.clone();
    controls.update();
    // The drag left momentum: the camera still moves on its own.
    expect(camera.position.distanceTo(coasting)).toBeGreaterThan(1e-4);

    handle.setView('front');
    const placed = camera.position.clone();
    for (let i = 0; i < 30; i++) controls.update();
    expect(camera.position.distanceTo(placed)).toBeLessThan(1e-9);
    expect(
      offset(camera, controls)
        .normalize()
        .distanceTo(new Vector3(0, 0, 1)),
    ).toBeLessThan(1e-9);
  });
});

describe('frameBounds', () => {
  function corners(b: Bounds): Vector3[] {
    const out: Vector3[] = [];
    for (const x of [b[0], b[3]])
      for (const y of [b[1], b[4]]) for (const z of [b[2], b[5]]) out.push(new Vector3(x, y, z));
    return out;
  }

  for (const aspect of [1.6, 0.5]) {
    it(`puts a box in view and inside the clip planes (aspect ${aspect})`, () => {
      const { camera, controls, handle } = makeRig(aspect);
      const before = offset(camera, controls).normalize();
      const box: Bounds = [-40, -3, -10, 60, 25, 90];
      handle.frameBounds(box);
      expect(controls.target.toArray()).toEqual([10, 11, 40]);
      // The view direction is kept.
      expect(offset(camera, controls).normalize().distanceTo(before)).toBeLessThan(1e-9);
      camera.updateMatrixWorld();
      for (const c of corners(box)) {
        const depth = -c.clone().applyMatrix4(camera.matrixWorldInverse).z;
        expect(depth).toBeGreaterThan(camera.near);
        expect(depth).toBeLessThan(camera.far);
        const ndc = c.clone().project(camera);
        expect(Math.abs(ndc.x)).toBeLessThan(1);
        expect(Math.abs(ndc.y)).toBeLessThan(1);
      }
    });
  }

  it('frames a 2 m sphere at the origin for an empty box, and at the point for a zero-size one', () => {
    const { camera, controls, handle } = makeRig();
    handle.frameBounds([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
    expect(controls.target.toArray()).toEqual([0, 0, 0]);
    const empty = camera.position.length();
    expect(empty).toBeGreaterThan(2);
    expect(empty).toBeLessThan(6);
    handle.frameBounds([3, 4, 5, 3, 4, 5]);
    expect(controls.target.toArray()).toEqual([3, 4, 5]);
    expect(camera.position.distanceTo(controls.target)).toBeCloseTo(empty, 9);
  });
});

describe('zoom input', () => {
  function wheel(element: HTMLElement, deltaY: number, ctrlKey: boolean) {
    const event = new WheelEvent('wheel', { deltaY, ctrlKey, cancelable: true, bubbles: true });
    element.dispatchEvent(event);
    return event;
  }

  it('zooms on the wheel and on a trackpad pinch (ctrl + wheel), without zooming the page', () => {
    const { element, camera, controls } = makeRig();
    const distance = () => camera.position.distanceTo(controls.target);
    const start = distance();
    const scroll = wheel(element, -40, false);
    controls.update();
    const afterWheel = distance();
    expect(afterWheel).toBeLessThan(start);
    expect(scroll.defaultPrevented).toBe(true);

    const pinch = wheel(element, -4, true);
    controls.update();
    expect(distance()).toBeLessThan(afterWheel);
    expect(pinch.defaultPrevented).toBe(true);
  });

  it('takes touch gestures: one finger orbits, two pinch and pan, and the page does not scroll', () => {
    const { element, controls } = makeRig();
    expect(element.style.touchAction).toBe('none');
    expect(controls.touches.ONE).toBe(TOUCH.ROTATE);
    expect(controls.touches.TWO).toBe(TOUCH.DOLLY_PAN);
  });
});

describe('without orbit controls', () => {
  it('aims the camera at the last target it set', () => {
    const camera = new PerspectiveCamera(42, 1, 0.1, 100);
    camera.position.set(0, 0, 10);
    const handle = createViewportHandle();
    handle.attach({ renderer: null as unknown as WebGPURenderer, scene: new Scene(), camera });
    handle.frameBounds([1, 1, 1, 3, 3, 3]);
    handle.setView('right');
    const dir = new Vector3(0, 0, -1).applyQuaternion(camera.quaternion);
    expect(dir.distanceTo(new Vector3(-1, 0, 0))).toBeLessThan(1e-9);
    expect(camera.position.y).toBeCloseTo(2, 9);
    expect(camera.position.z).toBeCloseTo(2, 9);
  });
});
