// Inside the canvas: attaches the viewport handle to this canvas's renderer, scene, camera and orbit
// controls, re-attaches when any of them changes (the controls are re-made for a new scene target)
// and detaches on unmount, so a canvas remounted after device loss takes over. Each frame it passes
// the camera to the handle's frame listeners (the view cube); nothing per frame goes through React.
import { useEffect } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { PerspectiveCamera, Scene, WebGPURenderer } from 'three/webgpu';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { AttachableViewportHandle, ViewportParts } from './create-viewport-handle';

export function HandleBinder({ handle }: { handle: AttachableViewportHandle }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    if (!(camera as PerspectiveCamera).isPerspectiveCamera) return;
    const parts: ViewportParts = {
      renderer: gl as unknown as WebGPURenderer,
      scene: scene as unknown as Scene,
      camera: camera as unknown as PerspectiveCamera,
      controls: controls as unknown as OrbitControls | null,
      invalidate: () => invalidate(),
    };
    handle.attach(parts);
    return () => handle.detach(parts);
  }, [handle, gl, scene, camera, controls, invalidate]);

  useFrame(({ camera: current }) => handle.notifyFrame(current));
  return null;
}
