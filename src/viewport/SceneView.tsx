// Shows the scene document (the generated scene with the user's edits and added objects) and frames
// the camera on it. The store is read outside React render: a subscription re-applies the edit
// layer when the document changes, and, given an edit handle, an edit session adds selection,
// outline, gizmo and modal transforms. Per-frame work happens in useFrame. With procedural
// materials it also lights the scene with a studio environment (materials/studio-environment.ts).
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Group, type WebGPURenderer } from 'three/webgpu';
import type { SceneData } from '../core/scene/scene-data';
import type { StudioState } from '../state/store';
import { useStudioStore } from '../state/store-context';
import type { AttachableEditHandle } from './edit-handle-impl';
import { createEditSession, type EditSession } from './edit-session';
import { installStudioEnvironment } from './materials/studio-environment';
import { buildSceneObjects, type SceneMaterialOptions } from './scene-objects';

export function sceneFocus(scene: SceneData): {
  target: [number, number, number];
  distance: number;
} {
  const [x0, y0, z0, x1, y1, z1] = scene.bounds;
  const diag = Math.hypot(x1 - x0, y1 - y0, z1 - z0) || 10;
  return { target: [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2], distance: diag * 0.9 };
}

function documentChanged(s: StudioState, prev: StudioState): boolean {
  return (
    s.doc.layer !== prev.doc.layer ||
    s.doc.index !== prev.doc.index ||
    s.doc.assets !== prev.doc.assets
  );
}

export interface SceneViewProps {
  scene: SceneData;
  /** Editing tools (selection, gizmo, G/R/S); without it the scene is only shown. */
  edit?: AttachableEditHandle | undefined;
  /**
   * Procedural materials (the provider and optional default assignments); without it the palette
   * materials. Keep the object stable: a new one rebuilds the scene objects.
   */
  materials?: SceneMaterialOptions | undefined;
}

export function SceneView({ scene, edit, materials }: SceneViewProps) {
  const store = useStudioStore();
  const objects = useMemo(() => buildSceneObjects(scene, { materials }), [scene, materials]);
  const overlay = useMemo(() => new Group(), []);
  const session = useRef<EditSession | null>(null);
  // Read the camera inside the effect: the render loop owns it, React only asks for a move.
  const getState = useThree((s) => s.get);
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  const gl = useThree((s) => s.gl);
  const rootScene = useThree((s) => s.scene);
  useEffect(() => () => objects.dispose(), [objects]);

  // Procedural materials include metals and glossy coats: give them a room to reflect.
  useEffect(() => {
    if (!materials) return;
    return installStudioEnvironment(rootScene, gl as unknown as WebGPURenderer);
  }, [materials, gl, rootScene]);

  useEffect(() => {
    const apply = (s: StudioState) =>
      objects.applyLayer({ index: s.doc.index, layer: s.doc.layer }, s.doc.assets);
    apply(store.getState());
    return store.subscribe((s, prev) => {
      if (documentChanged(s, prev)) apply(s);
    });
  }, [store, objects]);

  useEffect(() => {
    if (!edit) return;
    const s = createEditSession({ store, objects, camera, canvas, overlay });
    session.current = s;
    edit.attach(s);
    return () => {
      edit.detach(s);
      s.dispose();
      session.current = null;
    };
  }, [edit, store, objects, camera, canvas, overlay]);

  useFrame(({ camera: current }) => {
    objects.update(current.position.x, current.position.y, current.position.z);
    session.current?.frame(current);
  });

  useEffect(() => {
    const { target, distance } = sceneFocus(scene);
    const camera = getState().camera;
    const s = store.getState().scene;
    const opening = s.data === scene ? s.camera : undefined;
    if (opening) {
      // The saved view: the orbit controls aim at its target (Viewport passes it to them).
      camera.position.set(...opening.position);
      camera.far = Math.max(200, distance * 6);
      camera.updateProjectionMatrix();
      return;
    }
    camera.position.set(
      target[0] + distance * 0.55,
      target[1] + distance * 0.7,
      target[2] + distance * 0.55,
    );
    camera.far = Math.max(200, distance * 6);
    camera.updateProjectionMatrix();
  }, [scene, getState, store]);
  return (
    <>
      <hemisphereLight args={['#cfd8ff', '#2a231c', 0.9]} />
      <directionalLight position={[30, 60, 20]} intensity={1.1} />
      <primitive object={objects.group} />
      <primitive object={overlay} />
    </>
  );
}
