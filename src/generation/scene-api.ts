// What the scene worker offers: generateScene off the main thread, with progress and cancellation,
// and parsing of model files (validated there, so a huge or hostile file never blocks the UI).
import type { GenerateProgress } from '../core/scene/generate-scene';
import type { SceneData } from '../core/scene/scene-data';
import type { ImportedAsset } from '../import/imported-asset';
import type { TerrainEnginePreference } from './terrain-engine-choice';

export interface GeneratedScene {
  scene: SceneData;
  hash: string;
}

export interface GenerationOptions {
  /** Where terrain runs: 'auto' (default: WebGPU on a hardware adapter), 'webgpu' or 'cpu'. */
  terrainEngine?: TerrainEnginePreference;
}

export interface SceneWorkerApi {
  generate(
    jobId: number,
    spec: unknown,
    onProgress: (p: GenerateProgress) => void,
    options?: GenerationOptions,
  ): Promise<GeneratedScene>;
  cancel(jobId: number): void;
  /** parseModelFile in the worker; rejects with the ImportError's message. */
  parseModel(bytes: Uint8Array, name: string): Promise<ImportedAsset>;
}
