// Shows a generated scene and frames the camera on it.
import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { SceneData } from '../core/scene/scene-data';
import { buildSceneObjects } from './scene-objects';

export function sceneFocus(scene: SceneData): {
  target: [number, number, number];
  distance: number;
} {
  const [x0, y0, z0, x1, y1, z1] = scene.bounds;
  const diag = Math.hypot(x1 - x0, y1 - y0, z1 - z0) || 10;
  return { target: [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2], distance: diag * 0.9 };
}

export function SceneView({ scene }: { scene: SceneData }) {
  const objects = useMemo(() => buildSceneObjects(scene), [scene]);
  // Read the camera inside the effect: the render loop owns it, React only asks for a move.
  const getState = useThree((s) => s.get);
  useEffect(() => () => objects.dispose(), [objects]);
  useFrame(({ camera }) => objects.update(camera.position.x, camera.position.y, camera.position.z));
  useEffect(() => {
    const { target, distance } = sceneFocus(scene);
    const camera = getState().camera;
    camera.position.set(
      target[0] + distance * 0.55,
      target[1] + distance * 0.7,
      target[2] + distance * 0.55,
    );
    camera.far = Math.max(200, distance * 6);
    camera.updateProjectionMatrix();
  }, [scene, getState]);
  return (
    <>
      <hemisphereLight args={['#cfd8ff', '#2a231c', 0.9]} />
      <directionalLight position={[30, 60, 20]} intensity={1.1} />
      <primitive object={objects.group} />
    </>
  );
}
