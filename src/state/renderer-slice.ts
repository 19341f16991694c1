// What the viewport's renderer is: which backend is live, on which adapter, and how often its device
// was lost. Written by the viewport when the renderer starts; read by the badge and window.studio.
import type { StateCreator } from 'zustand';

export type RenderBackend = 'webgpu' | 'webgl2';

export interface RendererState {
  status: 'starting' | 'ready' | 'failed';
  backend?: RenderBackend;
  adapter?: string;
  error?: string;
  /** Bumped when the renderer's device is lost; the viewport remounts its canvas on a new key. */
  epoch: number;
  deviceLosses: number;
}

export interface RendererSlice {
  renderer: RendererState;
  rendererStarted(backend: RenderBackend, adapter: string): void;
  rendererFailed(error: string): void;
  rendererLost(): void;
}

export const createRendererSlice: StateCreator<RendererSlice, [], [], RendererSlice> = (set) => ({
  renderer: { status: 'starting', epoch: 0, deviceLosses: 0 },
  rendererStarted: (backend, adapter) =>
    set((s) => ({
      renderer: { ...s.renderer, status: 'ready', backend, adapter, error: undefined },
    })),
  rendererFailed: (error) => set((s) => ({ renderer: { ...s.renderer, status: 'failed', error } })),
  rendererLost: () =>
    set((s) => ({
      renderer: {
        ...s.renderer,
        status: 'starting',
        epoch: s.renderer.epoch + 1,
        deviceLosses: s.renderer.deviceLosses + 1,
      },
    })),
});
