// The main thread's handle on the compute worker: creates the worker on first use, can terminate it
// and creates a new one on the next call. The worker factory is passed in (the app uses Vite's
// `new Worker(new URL(...))`; tests may pass their own).
import { releaseProxy, wrap, type Remote } from '../lib/comlink';
import type { MaterialBakeRequest } from '../core/materials/bake-request';
import type { NoiseBakeParams } from '../core/noise';
import type { ComputeApi, MaterialEnginePreference } from './compute-api';

export interface ComputeClient extends ComputeApi {
  /** Ends the worker; the next call starts a new one. */
  terminate(): void;
  /** Workers started so far. */
  readonly workersStarted: number;
}

export function createComputeClient(spawn: () => Worker): ComputeClient {
  let worker: Worker | undefined;
  let remote: Remote<ComputeApi> | undefined;
  let started = 0;

  const connect = (): Remote<ComputeApi> => {
    if (!remote) {
      worker = spawn();
      started++;
      remote = wrap<ComputeApi>(worker);
    }
    return remote;
  };

  return {
    get workersStarted() {
      return started;
    },
    info: () => connect().info(),
    bakeNoise: (params: Partial<NoiseBakeParams>) => connect().bakeNoise(params),
    bakeMaterial: (request: MaterialBakeRequest, engine?: MaterialEnginePreference) =>
      connect().bakeMaterial(request, engine),
    terminate() {
      remote?.[releaseProxy]();
      worker?.terminate();
      remote = undefined;
      worker = undefined;
    },
  };
}
