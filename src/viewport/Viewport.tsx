// The 3D viewport: an R3F canvas on three's WebGPURenderer (WebGL2 backend where WebGPU is missing),
// orbit navigation, the demo or generated scene, grid and axes, the shading mode from the view
// settings, and the view cube over it. On renderer device loss the store bumps the epoch and the
// canvas remounts on a new key, rebuilding GPU resources from the CPU-side data; the viewport handle
// is attached to whichever canvas is live.
import { Canvas, type RootState } from '@react-three/fiber';
import { useMemo } from 'react';
import type { WebGPURenderer } from 'three/webgpu';
import { EMPTY_SCENE } from '../core/scene/empty-scene';
import type { SceneData } from '../core/scene/scene-data';
import type { AttachableEditHandle } from './edit-handle-impl';
import { useStudio, useStudioStore } from '../state/store-context';
import type { AttachableViewportHandle } from './create-viewport-handle';
import { createStudioRenderer } from './create-renderer';
import { DemoScene } from './DemoScene';
import { FrameProbe } from './FrameProbe';
import { HandleBinder } from './HandleBinder';
import type { RenderStatsRecorder } from './render-stats';
import { OrbitController } from './OrbitController';
import type { SceneMaterialOptions } from './scene-objects';
import { SceneView, sceneFocus } from './SceneView';
import type { DemoTextures } from './use-demo-textures';
import { ViewCube } from './ViewCube';
import { ViewModeController } from './ViewModeController';
import { ViewportHelpers } from './ViewportHelpers';

type FiberRenderer = RootState['gl'];

export interface ViewportProps {
  textures: DemoTextures | null;
  /** A generated scene replaces the demo scene. */
  scene?: SceneData | undefined;
  onFrame: (textured: boolean) => void;
  /** Receives each frame's render figures (window.studio.renderStats reads them). */
  renderStats: RenderStatsRecorder;
  onRenderer: (renderer: WebGPURenderer) => void;
  /** Camera commands and screenshots (made by the composition root); also shows the view cube. */
  handle?: AttachableViewportHandle | undefined;
  /** Selection, gizmo and G/R/S tools (made by the composition root). */
  editTools?: AttachableEditHandle | undefined;
  /**
   * Procedural materials for generated scenes: { provider } from createMaterialProvider (made by
   * the composition root, long-lived: it outlives canvas remounts), optionally `defaultFor`. Keep
   * the object stable (a new one rebuilds the scene objects). Absent: the palette materials.
   */
  materials?: SceneMaterialOptions | undefined;
}

export function Viewport({
  textures,
  scene,
  onFrame,
  onRenderer,
  renderStats,
  handle,
  editTools,
  materials,
}: ViewportProps) {
  const store = useStudioStore();
  const epoch = useStudio((s) => s.renderer.epoch);
  const view = useStudio((s) => s.view);
  // A reopened project or a share link brings its own view of the scene.
  const opening = useStudio((s) => (s.scene.data === scene ? s.scene.camera : undefined));
  // Objects imported before anything was generated are edited over an empty scene.
  // (Derived from the records object, not in the selector: a selector runs on every store change.)
  const records = useStudio((s) => s.doc.layer.records);
  const hasAdded = useMemo(() => Object.values(records).some((r) => r.source), [records]);
  const shown = scene ?? (hasAdded ? EMPTY_SCENE : undefined);

  const makeRenderer = async (defaults: { canvas: unknown }): Promise<FiberRenderer> => {
    try {
      const { renderer, report } = await createStudioRenderer({
        canvas: defaults.canvas as HTMLCanvasElement,
        onDeviceLost: () => store.getState().rendererLost(),
      });
      store.getState().rendererStarted(report.backend, report.adapter);
      onRenderer(renderer);
      return renderer as unknown as FiberRenderer;
    } catch (error) {
      store.getState().rendererFailed(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };

  return (
    <>
      <Canvas
        key={epoch}
        className="viewport"
        camera={{ position: [6.5, 4.8, 8.5], fov: 42, near: 0.1, far: 200 }}
        gl={makeRenderer}
        dpr={[1, 2]}
      >
        <color attach="background" args={['#1b1e24']} />
        <OrbitController
          target={opening?.target ?? (scene ? sceneFocus(scene).target : [0, 0.9, 0])}
        />
        {shown ? (
          <SceneView scene={shown} edit={editTools} materials={materials} />
        ) : (
          textures && <DemoScene textures={textures} />
        )}
        <ViewportHelpers grid={view.grid} axes={view.axes} bounds={scene?.bounds} />
        <ViewModeController mode={view.mode} />
        {handle && <HandleBinder handle={handle} />}
        <FrameProbe onFrame={() => onFrame(textures !== null)} recorder={renderStats} />
      </Canvas>
      {handle && <ViewCube handle={handle} />}
    </>
  );
}
