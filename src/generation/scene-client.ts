// The main thread's handle on the scene worker: lazy start, one call per generation with progress
// and an AbortSignal that cancels the job inside the worker.
import type { GenerateProgress } from '../core/scene/generate-scene';
import type { ImportedAsset } from '../import/imported-asset';
import { proxy, transfer, wrap, type Remote } from '../lib/comlink';
import type { GeneratedScene, GenerationOptions, SceneWorkerApi } from './scene-api';

export interface SceneClient {
  generate(
    spec: unknown,
    options?: GenerationOptions & {
      onProgress?: (p: GenerateProgress) => void;
      signal?: AbortSignal;
    },
  ): Promise<GeneratedScene>;
  /** Parses a model file in the worker (the bytes are transferred: the caller's copy is emptied). */
  parseModel(bytes: Uint8Array, name: string): Promise<ImportedAsset>;
  terminate(): void;
}

export function createSceneClient(spawn: () => Worker): SceneClient {
  let worker: Worker | undefined;
  let remote: Remote<SceneWorkerApi> | undefined;
  let nextJob = 1;
  const connect = () => {
    if (!remote) {
      worker = spawn();
      remote = wrap<SceneWorkerApi>(worker);
    }
    return remote;
  };
  return {
    async generate(spec, options = {}) {
      const r = connect();
      const jobId = nextJob++;
      const onAbort = () => void r.cancel(jobId);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const { terrainEngine } = options;
        return await r.generate(
          jobId,
          spec,
          proxy(options.onProgress ?? (() => {})),
          terrainEngine ? { terrainEngine } : {},
        );
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
    async parseModel(bytes, name) {
      // A copy is transferred, so the caller's bytes stay intact.
      const data = bytes.slice();
      try {
        return await connect().parseModel(transfer(data, [data.buffer as ArrayBuffer]), name);
      } catch (error) {
        // comlink rebuilds a plain Error; the message already names the file and the problem.
        throw new Error(error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    terminate() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
