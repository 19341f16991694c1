// window.studio: the typed automation API that scripts and e2e tests drive the studio through.
// Documented in docs/API.md; every addition goes there too.
import { version as packageVersion } from '../../package.json';
import type { NoiseBakeParams, NoiseField } from '../core/noise';
import type { BakeTiming, ComputeInfo } from '../gpu/compute-api';
import type { ComputeClient } from '../gpu/compute-client';
import type { GenerationOptions } from '../generation/scene-api';
import type { SceneClient } from '../generation/scene-client';
import { runGeneration, type GenerationResult } from '../generation/run-generation';
import type { StudioStore } from '../state/store';
import type { RenderBackend } from '../state/renderer-slice';
import type { RenderStats, RenderStatsRecorder } from '../viewport/render-stats';

export interface RendererInfo {
  backend: RenderBackend;
  adapter: string;
  /** Times the renderer's GPU device was lost and the viewport recovered on a new one. */
  deviceLosses: number;
}

export interface StudioApi {
  /** The studio's version (package.json). */
  readonly version: string;
  /** Resolves once the renderer is up and the demo scene has been drawn with its baked textures. */
  readonly ready: Promise<void>;
  /** The live render backend and its adapter. Throws before the renderer has started. */
  renderer(): RendererInfo;
  /** 'starting' while the renderer (re)starts, 'ready', or 'failed'. */
  rendererStatus(): 'starting' | 'ready' | 'failed';
  /** Where compute kernels run (WebGPU, or the CPU references) and why. */
  compute(): Promise<ComputeInfo>;
  /** Frames rendered so far. */
  frames(): number;
  /**
   * Render figures over the latest `frames` frames (default 120): frame interval and main-thread
   * render time (median, p95), and the latest frame's draw calls and triangles (renderer.info).
   */
  renderStats(frames?: number): RenderStats;
  /** Bakes a noise field with the compute worker (the same kernel the demo scene uses). */
  bakeNoise(params: Partial<NoiseBakeParams>): Promise<NoiseField & BakeTiming>;
  /**
   * Generates a scene from a spec (JSON object) in the scene worker and shows it in the viewport.
   * Rejects with every spec problem named by path. `signal` cancels it. `options.terrainEngine`
   * picks where terrain runs ('auto' by default; the scene is the same either way).
   */
  generate(
    spec: unknown,
    signal?: AbortSignal,
    options?: GenerationOptions,
  ): Promise<GenerationResult>;
  /** The content hash of the scene on show (null before any generation). */
  sceneHash(): string | null;
  /** Fault injection for tests and support. */
  readonly debug: {
    /** Destroys the renderer's GPU device; the viewport recovers on a new device. */
    loseRendererDevice(): boolean;
    /** Ends the compute worker; the next compute call starts a new one. */
    terminateComputeWorker(): void;
  };
}

export interface StudioApiDeps {
  store: StudioStore;
  compute: ComputeClient;
  scenes: SceneClient;
  ready: Promise<void>;
  frames: () => number;
  renderStats: RenderStatsRecorder;
  rendererDevice: () => GPUDevice | undefined;
}

export function createStudioApi(deps: StudioApiDeps): StudioApi {
  return {
    version: packageVersion,
    ready: deps.ready,
    renderer() {
      const r = deps.store.getState().renderer;
      if (!r.backend || r.adapter === undefined) {
        throw new Error(
          `renderer is ${r.status}${r.error ? `: ${r.error}` : ''}; await studio.ready`,
        );
      }
      return { backend: r.backend, adapter: r.adapter, deviceLosses: r.deviceLosses };
    },
    rendererStatus: () => deps.store.getState().renderer.status,
    compute: () => deps.compute.info(),
    frames: deps.frames,
    renderStats: (frames) => deps.renderStats.stats(frames),
    bakeNoise: (params) => deps.compute.bakeNoise(params),
    generate: (spec, signal, options) =>
      runGeneration(deps.store, deps.scenes, spec, signal, options),
    sceneHash: () => deps.store.getState().scene.hash ?? null,
    debug: {
      loseRendererDevice() {
        const device = deps.rendererDevice();
        if (!device) return false;
        device.destroy();
        return true;
      },
      terminateComputeWorker: () => deps.compute.terminate(),
    },
  };
}

declare global {
  interface Window {
    studio?: StudioApi;
  }
}
