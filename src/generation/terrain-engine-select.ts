// The scene worker's terrain engines: the WebGPU one on the worker's own GPU device (opened on the
// first terrain), and whether its adapter is a software one. terrain-engine-choice.ts picks per job.
import { GpuContext } from '../gpu/gpu-context';
import { KernelRunner } from '../gpu/kernel-runner';
import { gpuTerrainEngine } from '../gpu/terrain-engine-gpu';
import type { TerrainEngines } from './terrain-engine-choice';

/** Opens this worker's GPU device, if `gpu` offers an adapter. */
export async function createTerrainEngines(gpu: GPU | undefined): Promise<TerrainEngines> {
  if (!gpu) return { softwareAdapter: false, unavailableReason: 'no WebGPU in this worker' };
  try {
    const context = new GpuContext({ gpu });
    const { info } = await context.device();
    return {
      gpu: gpuTerrainEngine(new KernelRunner(context)),
      softwareAdapter: info.isFallbackAdapter,
    };
  } catch (error) {
    return {
      softwareAdapter: false,
      unavailableReason: `WebGPU could not start: ${(error as Error).message}`,
    };
  }
}
