// How the viewport's OrbitControls are set up, in one place (and testable without React): damped
// orbit on left drag / one finger, pan on right drag / shift / two-finger drag, zoom on the wheel,
// two-finger pinch and trackpad pinch. Browsers report a trackpad pinch as wheel events with ctrlKey
// set; OrbitControls zooms on those (scaled up, as their deltas are small) and cancels the page zoom.
import { MOUSE, TOUCH, type Camera } from 'three/webgpu';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

export function createOrbitControls(camera: Camera, element: HTMLElement): OrbitControls {
  const controls = new OrbitControls(camera, element);
  controls.enableDamping = true;
  controls.dampingFactor = 0.12;
  controls.mouseButtons = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
  // One finger orbits; two fingers pinch to zoom and drag to pan. OrbitControls also sets
  // touch-action: none on the canvas so the page does not scroll or zoom under the gesture.
  controls.touches = { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN };
  return controls;
}
