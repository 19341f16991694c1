// The 3D viewport: an R3F canvas on three's WebGPURenderer (WebGL2 backend where WebGPU is missing),
// orbit navigation and the demo scene. On renderer device loss the store bumps the epoch and the
// canvas remounts on a new key, rebuilding GPU resources from the CPU-side data.
import { Canvas, type RootState } from '@react-three/fiber';
import type { WebGPURenderer } from 'three/webgpu';
import type { SceneData } from '../core/scene/scene-data';
import { useStudio, useStudioStore } from '../state/store-context';
import { createStudioRenderer } from './create-renderer';
import { DemoScene } from './DemoScene';
import { FrameProbe } from './FrameProbe';
import type { RenderStatsRecorder } from './render-stats';
import { OrbitController } from './OrbitController';
import { SceneView, sceneFocus } from './SceneView';
import type { DemoTextures } from './use-demo-textures';

type FiberRenderer = RootState['gl'];

export interface ViewportProps {
  textures: DemoTextures | null;
  /** A generated scene replaces the demo scene. */
  scene?: SceneData | undefined;
  onFrame: (textured: boolean) => void;
  /** Receives each frame's render figures (window.studio.renderStats reads them). */
  renderStats: RenderStatsRecorder;
  onRenderer: (renderer: WebGPURenderer) => void;
}

export function Viewport({ textures, scene, onFrame, onRenderer, renderStats }: ViewportProps) {
  const store = useStudioStore();
  const epoch = useStudio((s) => s.renderer.epoch);

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
    <Canvas
      key={epoch}
      className="viewport"
      camera={{ position: [6.5, 4.8, 8.5], fov: 42, near: 0.1, far: 200 }}
      gl={makeRenderer}
      dpr={[1, 2]}
    >
      <color attach="background" args={['#1b1e24']} />
      <OrbitController target={scene ? sceneFocus(scene).target : [0, 0.9, 0]} />
      {scene ? <SceneView scene={scene} /> : textures && <DemoScene textures={textures} />}
      <FrameProbe onFrame={() => onFrame(textures !== null)} recorder={renderStats} />
    </Canvas>
  );
}
