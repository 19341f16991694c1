// Orbit (left drag / one finger), pan (right drag / shift / two fingers), zoom (wheel, pinch,
// trackpad pinch) around a target, as in Blender and the three.js editor. three's OrbitControls
// (set up in orbit-controls.ts), driven from the render loop and published as R3F's `controls`
// so the viewport handle (and anything that must pause orbiting, like a gizmo drag) finds them.
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { createOrbitControls } from './orbit-controls';

export function OrbitController({ target }: { target: [number, number, number] }) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const set = useThree((s) => s.set);
  const controls = useRef<OrbitControls | null>(null);
  const [tx, ty, tz] = target;

  useEffect(() => {
    const c = createOrbitControls(camera, element);
    c.target.set(tx, ty, tz);
    c.update();
    controls.current = c;
    set({ controls: c });
    return () => {
      c.dispose();
      controls.current = null;
      set({ controls: null });
    };
  }, [camera, element, set, tx, ty, tz]);

  useFrame(() => controls.current?.update());
  return null;
}
