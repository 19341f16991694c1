// What the scene worker offers: generateScene off the main thread, with progress and cancellation.
import type { GenerateProgress } from '../core/scene/generate-scene';
import type { SceneData } from '../core/scene/scene-data';

export interface GeneratedScene {
  scene: SceneData;
  hash: string;
}

export interface SceneWorkerApi {
  generate(
    jobId: number,
    spec: unknown,
    onProgress: (p: GenerateProgress) => void,
  ): Promise<GeneratedScene>;
  cancel(jobId: number): void;
}
