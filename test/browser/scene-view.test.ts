// SceneView inside a real R3F canvas on WebGPU: it applies the document as the store changes
// (subscribed outside React render), attaches an edit session to the edit handle while mounted and
// detaches it on unmount.
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Canvas, type RootState } from '@react-three/fiber';
import { generateScene } from '../../src/core/scene/generate-scene';
import { createStudioStore } from '../../src/state/store';
import { StoreProvider } from '../../src/state/store-context';
import { createStudioRenderer } from '../../src/viewport/create-renderer';
import { createEditHandle } from '../../src/viewport/edit-handle-impl';
import { OrbitController } from '../../src/viewport/OrbitController';
import { SceneView, sceneFocus } from '../../src/viewport/SceneView';
import primitivesSpec from '../../public/examples/primitives.json';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

describe('SceneView', () => {
  it('shows the document, picks through the edit handle, and detaches on unmount', async () => {
    const scene = await generateScene(primitivesSpec);
    const store = createStudioStore();
    store.getState().generationFinished(scene, 'test');
    const handle = createEditHandle();
    const stage = document.createElement('div');
    stage.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:240px';
    document.body.append(stage);
    const backends: boolean[] = [];
    const gl = async (defaults: { canvas: unknown }) => {
      const { renderer } = await createStudioRenderer({
        canvas: defaults.canvas as HTMLCanvasElement,
      });
      backends.push((renderer.backend as { isWebGPUBackend?: boolean }).isWebGPUBackend === true);
      return renderer as unknown as RootState['gl'];
    };
    const root = createRoot(stage);
    root.render(
      createElement(StoreProvider, {
        store,
        children: createElement(
          Canvas,
          { gl, camera: { fov: 42, near: 0.1, far: 200 } },
          // As the Viewport does: the orbit controls aim the camera SceneView placed.
          createElement(OrbitController, { target: sceneFocus(scene).target }),
          createElement(SceneView, { scene, edit: handle }),
        ),
      }),
    );
    unmount = () => {
      root.unmount();
      stage.remove();
    };
    // The camera frames the scene: the middle of the view is on something.
    await expect.poll(() => handle.pickAt(160, 120), { timeout: 20_000 }).not.toBeNull();
    expect(backends).toEqual([true]);
    expect(handle.attached()).toBe(true);
    const middle = handle.pickAt(160, 120)!;

    // A hidden object is no longer drawn, so no longer picked; showing it brings it back.
    store.getState().edit({ type: 'setHidden', ids: [middle], hidden: true });
    expect(handle.pickAt(160, 120)).not.toBe(middle);
    store.getState().edit({ type: 'setHidden', ids: [middle], hidden: false });
    expect(handle.pickAt(160, 120)).toBe(middle);

    store.getState().select([middle]);
    expect(handle.startModal('translate')).toBe(true);
    expect(handle.busy()).toBe(true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(handle.busy()).toBe(false);

    unmount();
    unmount = null;
    // R3F unmounts the canvas's tree asynchronously.
    await expect.poll(() => handle.attached(), { timeout: 5_000 }).toBe(false);
    expect(handle.startModal('translate')).toBe(false);
    expect(handle.pickAt(160, 120)).toBeNull();
  });
});
