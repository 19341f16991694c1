// The real <Viewport> mounted with a store and a viewport handle: the handle attaches to the live
// canvas (and to its replacement after a device-loss remount), the view cube turns with the camera
// and its faces move it, and the view settings toggle the grid/axes and the shading mode.
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Camera, WebGPURenderer } from 'three/webgpu';
import { Vector3 } from 'three/webgpu';
import { createStudioStore, type StudioStore } from '../../src/state/store';
import { StoreProvider } from '../../src/state/store-context';
import {
  createViewportHandle,
  type AttachableViewportHandle,
} from '../../src/viewport/create-viewport-handle';
import { createRenderStatsRecorder } from '../../src/viewport/render-stats';
import { Viewport } from '../../src/viewport/Viewport';

interface Mounted {
  store: StudioStore;
  handle: AttachableViewportHandle;
  stage: HTMLElement;
  renderers: WebGPURenderer[];
  camera: () => Camera;
}

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

async function mountViewport(): Promise<Mounted> {
  const stage = document.createElement('main');
  stage.style.cssText = 'position:relative;width:320px;height:240px';
  document.body.append(stage);
  const store = createStudioStore();
  const handle = createViewportHandle();
  const renderers: WebGPURenderer[] = [];
  let camera: Camera | null = null;
  const offFrame = handle.onFrame((c) => (camera = c));
  const root: Root = createRoot(stage);
  const viewport = createElement(Viewport, {
    textures: null,
    onFrame: () => {},
    renderStats: createRenderStatsRecorder(),
    onRenderer: (r) => renderers.push(r),
    handle,
  });
  root.render(createElement(StoreProvider, { store, children: viewport }));
  unmount = () => {
    offFrame();
    root.unmount();
    stage.remove();
  };
  await expect.poll(() => handle.attached() && camera !== null, { timeout: 20_000 }).toBe(true);
  return { store, handle, stage, renderers, camera: () => camera! };
}

const nextFrames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

async function pixels(
  handle: AttachableViewportHandle,
  helpers = true,
): Promise<Uint8ClampedArray> {
  const png = await handle.screenshot({ width: 96, height: 72, helpers });
  const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
  const ctx = new OffscreenCanvas(96, 72).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, 96, 72).data;
}

function differing(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (
      Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) >
      6
    )
      n++;
  }
  return n;
}

describe('Viewport with a handle', () => {
  it('attaches on WebGPU and draws the grid and axes as the view settings say', async () => {
    const { store, handle, renderers } = await mountViewport();
    expect((renderers[0]!.backend as { isWebGPUBackend?: boolean }).isWebGPUBackend).toBe(true);
    expect(store.getState().view).toMatchObject({ grid: true, axes: true, mode: 'lit' });

    const withHelpers = await pixels(handle);
    const bare = await pixels(handle, false);
    expect(differing(withHelpers, bare)).toBeGreaterThan(50);

    store.getState().viewToggled('grid');
    store.getState().viewToggled('axes');
    await nextFrames();
    expect(differing(await pixels(handle), bare)).toBe(0);
  });

  it('has a view cube whose faces set the view and whose body follows the camera', async () => {
    const { stage, handle, camera } = await mountViewport();
    const labels = Array.from(stage.querySelectorAll('.view-cube button')).map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(labels.sort()).toEqual(
      ['back', 'bottom', 'front', 'left', 'right', 'top'].map((v) => `View from ${v}`),
    );
    const body = stage.querySelector<HTMLElement>('.view-cube-body')!;
    await nextFrames();
    expect(body.style.transform).toMatch(/^matrix3d\(/);

    stage.querySelector<HTMLButtonElement>('[aria-label="View from top"]')!.click();
    await nextFrames(5);
    const forward = new Vector3(0, 0, -1).applyQuaternion(camera().quaternion);
    expect(forward.distanceTo(new Vector3(0, -1, 0))).toBeLessThan(1e-3);
    // Looking straight down, the cube's top face (laid out at CSS -y) turns to face the viewer
    // (CSS +z): the matrix's second column is (0, 0, -1).
    const m = body.style.transform
      .match(/matrix3d\(([^)]*)\)/)![1]!
      .split(',')
      .map(Number);
    expect(m.slice(4, 7).map((v) => Math.round(v * 1000) / 1000 + 0)).toEqual([0, 0, -1]);
    expect(handle.attached()).toBe(true);
  });

  it('switches shading modes from the view settings', async () => {
    const { store, handle } = await mountViewport();
    // Frame the origin so the grid fills the view; then a mode change must not touch the helpers
    // (nothing else is in this scene), proving they opt out of the override material.
    handle.setView('top');
    const lit = await pixels(handle);
    store.getState().viewModeSet('wireframe');
    await nextFrames();
    expect(differing(await pixels(handle), lit)).toBe(0);
    store.getState().viewModeSet('lit');
  });

  it('re-attaches to the canvas that replaces a lost one', async () => {
    const { store, handle, renderers, camera } = await mountViewport();
    const first = camera();
    store.getState().rendererLost();
    // The new canvas has its own camera; frames from it mean it is mounted and attached.
    await expect
      .poll(() => renderers.length === 2 && camera() !== first && handle.attached(), {
        timeout: 20_000,
      })
      .toBe(true);
    const png = await handle.screenshot({ width: 16, height: 16 });
    expect(png[0]).toBe(0x89);
  });
});
