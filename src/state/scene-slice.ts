// The generated scene: its status, progress, result (SceneData is plain immutable data) and hash.
// A finished generation is recorded by the doc slice (generationFinished), which keeps it for undo.
import type { StateCreator } from 'zustand';
import type { SceneData } from '../core/scene/scene-data';
import type { ProjectCamera } from '../core/project/project-state';

export interface SceneState {
  status: 'empty' | 'generating' | 'ready' | 'failed' | 'cancelled';
  phase?: string;
  progress: number;
  data?: SceneData;
  hash?: string;
  /** The spec `data` was generated from (what a project or a share link keeps to rebuild it). */
  spec?: unknown;
  /** The view the scene opens with (a reopened project's or a share link's), else framed. */
  camera?: ProjectCamera;
  error?: string;
}

export interface SceneSlice {
  scene: SceneState;
  generationStarted(): void;
  generationProgress(phase: string, fraction: number): void;
  generationFailed(error: string, cancelled: boolean): void;
}

export const createSceneSlice: StateCreator<SceneSlice, [], [], SceneSlice> = (set) => ({
  scene: { status: 'empty', progress: 0 },
  generationStarted: () =>
    set((s) => ({
      scene: { ...s.scene, status: 'generating', progress: 0, phase: 'validate', error: undefined },
    })),
  generationProgress: (phase, fraction) =>
    set((s) => ({ scene: { ...s.scene, phase, progress: fraction } })),
  generationFailed: (error, cancelled) =>
    set((s) => ({
      scene: { ...s.scene, status: cancelled ? 'cancelled' : 'failed', error, phase: undefined },
    })),
});
