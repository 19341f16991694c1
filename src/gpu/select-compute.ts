// Picks the compute engine: WebGPU when an adapter is offered, otherwise the CPU references, with
// the reason kept for the UI.
import type { ComputeApi } from './compute-api';
import { createCpuCompute } from './cpu-compute';
import { createGpuCompute } from './gpu-compute';

export async function selectCompute(gpu: GPU | undefined): Promise<ComputeApi> {
  if (!gpu) return createCpuCompute('this browser has no WebGPU (navigator.gpu is missing)');
  try {
    const compute = createGpuCompute(gpu);
    await compute.info();
    return compute;
  } catch (error) {
    return createCpuCompute(`WebGPU could not start: ${(error as Error).message}`);
  }
}
