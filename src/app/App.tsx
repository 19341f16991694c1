// The studio's top-level layout: the spec panel beside the stage (the viewport and its overlays).
// Services come in as props from the composition root (main.tsx).
import { useCallback } from 'react';
import type { WebGPURenderer } from 'three/webgpu';
import type { ComputeApi } from '../gpu/compute-api';
import { useStudio, useStudioStore } from '../state/store-context';
import type { ExampleSource } from '../ui/spec-panel/examples';
import { SpecPanel } from '../ui/spec-panel/SpecPanel';
import type { GenerateFn } from '../ui/spec-panel/use-generation';
import { StatsPanel } from '../ui/StatsPanel';
import { StatusBadge } from '../ui/StatusBadge';
import { useDemoTextures } from '../viewport/use-demo-textures';
import type { RenderStatsRecorder } from '../viewport/render-stats';
import { Viewport } from '../viewport/Viewport';

export interface AppProps {
  compute: ComputeApi;
  /** Generates a spec from the panel and records it in the store. */
  generate: GenerateFn;
  examples: ExampleSource;
  onFrame: (textured: boolean) => void;
  renderStats: RenderStatsRecorder;
  onRenderer: (renderer: WebGPURenderer) => void;
}

export function App({ compute, generate, examples, onFrame, onRenderer, renderStats }: AppProps) {
  const store = useStudioStore();
  const onBaked = useCallback((ms: number) => store.getState().bakeFinished(ms), [store]);
  const onError = useCallback((m: string) => store.getState().computeFailed(m), [store]);
  const textures = useDemoTextures(compute, onBaked, onError);
  const scene = useStudio((s) => s.scene.data);

  return (
    <div className="studio">
      <SpecPanel generate={generate} examples={examples} />
      <main className="stage">
        <Viewport
          textures={textures}
          scene={scene}
          onFrame={onFrame}
          onRenderer={onRenderer}
          renderStats={renderStats}
        />
        <div className="studio-title">Canvas3D Studio</div>
        <StatusBadge />
        <StatsPanel />
      </main>
    </div>
  );
}
