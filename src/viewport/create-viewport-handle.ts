// The implementation of ViewportHandle. The composition root creates one and passes it to
// <Viewport handle={...}>; the mounted viewport attaches its renderer, scene, camera and orbit
// controls (and re-attaches after a device-loss remount), so camera commands and screenshots work
// on whatever canvas is live. Camera maths is in camera-views.ts, screenshots in screenshot.ts.
import {
  Vector3,
  type Camera,
  type PerspectiveCamera,
  type Scene,
  type WebGPURenderer,
} from 'three/webgpu';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import {
  DEFAULT_VIEW_DIRECTION,
  boundsSphere,
  clipPlanes,
  directionBetween,
  framingDistance,
  viewDirection,
  type Vec3,
} from './camera-views';
import { renderScreenshot } from './screenshot';
import type { Bounds, ScreenshotOptions, ViewName, ViewportHandle } from './viewport-handle';

export interface ViewportParts {
  /** The live canvas's renderer (three's WebGPURenderer, on WebGPU or its WebGL2 backend). */
  renderer: WebGPURenderer;
  scene: Scene;
  camera: PerspectiveCamera;
  /** The orbit controls around the camera's target; without them, camera moves aim the camera
   *  at the last target the handle set (the origin at first). */
  controls?: OrbitControls | null;
  /** Asks for a frame, for canvases that render on demand. */
  invalidate?: () => void;
}

export type FrameListener = (camera: Camera) => void;

/** ViewportHandle plus the side the viewport itself uses. */
export interface AttachableViewportHandle extends ViewportHandle {
  /** Called by the mounted viewport once its renderer is up, and again when its parts change. */
  attach(parts: ViewportParts): void;
  /** Called on unmount. Given the parts it attached, a late detach from a canvas that has already
   *  been replaced (device-loss remount) leaves the newer one attached. */
  detach(parts?: ViewportParts): void;
  /** Called by the viewport once per frame, before rendering; passes the camera to listeners. */
  notifyFrame(camera: Camera): void;
  /** Per-frame listener (the view cube writes its CSS from it). Returns the unsubscribe. */
  onFrame(listener: FrameListener): () => void;
}

export function createViewportHandle(): AttachableViewportHandle {
  let parts: ViewportParts | null = null;
  // The target camera moves aim at when there are no orbit controls.
  let looseTarget: Vec3 = [0, 0, 0];
  const listeners = new Set<FrameListener>();

  const attachedParts = (what: string): ViewportParts => {
    if (!parts) throw new Error(`${what}: no viewport is attached (the renderer is not up yet)`);
    return parts;
  };

  const targetOf = (p: ViewportParts): Vec3 =>
    p.controls ? [p.controls.target.x, p.controls.target.y, p.controls.target.z] : looseTarget;

  const place = (p: ViewportParts, target: Vec3, direction: Vec3, distance: number): void => {
    const { camera, controls } = p;
    if (controls) dropMomentum(controls);
    camera.position.set(
      target[0] + direction[0] * distance,
      target[1] + direction[1] * distance,
      target[2] + direction[2] * distance,
    );
    if (controls) {
      controls.target.set(target[0], target[1], target[2]);
      controls.update();
    } else {
      looseTarget = [...target];
      camera.lookAt(target[0], target[1], target[2]);
    }
    camera.updateMatrixWorld();
    p.invalidate?.();
  };

  return {
    attached: () => parts !== null,

    frameBounds(bounds: Bounds) {
      const p = attachedParts('frameBounds');
      const { camera } = p;
      const sphere = boundsSphere(bounds);
      const from = targetOf(p);
      const position: Vec3 = [camera.position.x, camera.position.y, camera.position.z];
      const direction = directionBetween(from, position, DEFAULT_VIEW_DIRECTION);
      const distance = framingDistance(sphere.radius, camera.fov, camera.aspect);
      const { near, far } = clipPlanes(distance, sphere.radius);
      camera.near = near;
      camera.far = far;
      camera.updateProjectionMatrix();
      place(p, sphere.centre, direction, distance);
    },

    setView(view: ViewName) {
      const p = attachedParts('setView');
      const target = targetOf(p);
      const { position } = p.camera;
      const distance = Math.hypot(
        position.x - target[0],
        position.y - target[1],
        position.z - target[2],
      );
      place(p, target, viewDirection(view), distance > 1e-9 ? distance : 1);
    },

    async screenshot(options: ScreenshotOptions) {
      const p = attachedParts('screenshot');
      return renderScreenshot(p, options);
    },

    project(point) {
      if (!parts) return null;
      const { camera, renderer } = parts;
      camera.updateMatrixWorld();
      const v = new Vector3(point[0], point[1], point[2]).project(camera);
      if (v.z > 1 || v.z < -1) return null;
      const canvas = renderer.domElement;
      return {
        x: ((v.x + 1) / 2) * canvas.clientWidth,
        y: ((1 - v.y) / 2) * canvas.clientHeight,
      };
    },

    camera() {
      if (!parts) return null;
      const { x, y, z } = parts.camera.position;
      return { position: [x, y, z], target: [...targetOf(parts)] };
    },

    canvasSize() {
      const canvas = parts?.renderer.domElement;
      return { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 };
    },

    attach(next: ViewportParts) {
      parts = next;
    },

    detach(which?: ViewportParts) {
      if (!which || which === parts) parts = null;
    },

    notifyFrame(camera: Camera) {
      for (const listener of listeners) listener(camera);
    },

    onFrame(listener: FrameListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * Drops whatever rotation, pan and zoom the controls' damping still has to play out, so a camera
 * move lands exactly where it was put: with damping off for one update, OrbitControls applies the
 * rest at once and zeroes it (the position it reaches is then overwritten).
 */
function dropMomentum(controls: OrbitControls): void {
  const damping = controls.enableDamping;
  controls.enableDamping = false;
  controls.update();
  controls.enableDamping = damping;
}
