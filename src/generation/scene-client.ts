// The main thread's handle on the scene worker: lazy start, one call per generation with progress
// and an AbortSignal that cancels the job inside the worker.
import type { GenerateProgress } from '../core/scene/generate-scene';
import { proxy, wrap, type Remote } from '../lib/comlink';
import type { GeneratedScene, GenerationOptions, SceneWorkerApi } from './scene-api';

export interface SceneClient {
  generate(
    spec: unknown,
    options?: GenerationOptions & {
      onProgress?: (p: GenerateProgress) => void;
      signal?: AbortSignal;
    },
  ): Promise<GeneratedScene>;
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
    terminate() {
      worker?.terminate();
      worker = undefined;
      remote = undefined;
    },
  };
}
