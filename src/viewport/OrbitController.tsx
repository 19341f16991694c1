// Orbit (left drag), pan (right drag / shift), zoom (wheel) around a target, as in Blender and the
// three.js editor. three's OrbitControls, driven from the render loop.
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';

export function OrbitController({ target }: { target: [number, number, number] }) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const controls = useRef<OrbitControls | null>(null);
  const [tx, ty, tz] = target;

  useEffect(() => {
    const c = new OrbitControls(camera, element);
    c.enableDamping = true;
    c.dampingFactor = 0.12;
    c.target.set(tx, ty, tz);
    c.update();
    controls.current = c;
    return () => {
      c.dispose();
      controls.current = null;
    };
  }, [camera, element, tx, ty, tz]);

  useFrame(() => controls.current?.update());
  return null;
}
