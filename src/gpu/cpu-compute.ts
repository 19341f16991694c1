// ComputeApi on the CPU references: where there is no WebGPU, every kernel still gives the same
// results, only slower. The reason is reported so the UI can say so.
import { bakeMaterialCpu } from '../core/materials/bake/bake-cpu';
import type { MaterialBakeRequest } from '../core/materials/bake-request';
import { bakeNoiseCpu, type NoiseBakeParams } from '../core/noise';
import type { ComputeApi, ComputeInfo } from './compute-api';

export function createCpuCompute(reason: string): ComputeApi {
  return {
    info(): Promise<ComputeInfo> {
      return Promise.resolve({
        backend: 'cpu',
        adapter: 'CPU reference',
        fallbackReason: reason,
        deviceLosses: 0,
      });
    },
    bakeNoise(params: Partial<NoiseBakeParams>) {
      const t0 = performance.now();
      const field = bakeNoiseCpu(params);
      return Promise.resolve({ ...field, ms: performance.now() - t0 });
    },
    bakeMaterial(request: MaterialBakeRequest) {
      // A bad request rejects (MaterialBakeError) rather than throwing synchronously.
      try {
        const t0 = performance.now();
        const maps = bakeMaterialCpu(request);
        return Promise.resolve({ ...maps, ms: performance.now() - t0, engine: 'cpu' as const });
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
}
