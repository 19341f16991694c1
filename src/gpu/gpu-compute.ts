// ComputeApi on WebGPU: one GpuContext and one KernelRunner, shared by every kernel.
import type { MaterialBakeRequest } from '../core/materials/bake-request';
import type { NoiseBakeParams } from '../core/noise';
import type { ComputeApi, ComputeInfo, MaterialEnginePreference } from './compute-api';
import { GpuContext } from './gpu-context';
import { KernelRunner } from './kernel-runner';
import { bakeMaterialCpu } from '../core/materials/bake/bake-cpu';
import { bakeMaterialGpu } from './materials/material-bake-gpu';
import { bakeNoiseGpu } from './noise-bake-pass';

export interface GpuCompute extends ComputeApi {
  readonly context: GpuContext;
  readonly runner: KernelRunner;
}

export function createGpuCompute(gpu: GPU): GpuCompute {
  const context = new GpuContext({ gpu });
  const runner = new KernelRunner(context);
  return {
    context,
    runner,
    async info(): Promise<ComputeInfo> {
      const { info } = await context.device();
      return { backend: 'webgpu', adapter: info.adapter, deviceLosses: context.lossCount };
    },
    async bakeNoise(params: Partial<NoiseBakeParams>) {
      const t0 = performance.now();
      const field = await bakeNoiseGpu(runner, params);
      return { ...field, ms: performance.now() - t0 };
    },
    async bakeMaterial(request: MaterialBakeRequest, engine: MaterialEnginePreference = 'auto') {
      const t0 = performance.now();
      const software = engine === 'auto' && (await context.device()).info.isFallbackAdapter;
      if (engine === 'cpu' || software) {
        const maps = bakeMaterialCpu(request);
        return { ...maps, ms: performance.now() - t0, engine: 'cpu' as const };
      }
      const maps = await bakeMaterialGpu(runner, request);
      return { ...maps, ms: performance.now() - t0, engine: 'webgpu' as const };
    },
  };
}
