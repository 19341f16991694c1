// TerrainEngine on WebGPU: the terrain passes on a kernel runner. Same integers as the CPU engine.
import type { TerrainEngine } from '../core/terrain/terrain-engine';
import type { KernelRunner } from './kernel-runner';
import { erodeGpu, heightfieldGpu } from './terrain-passes';

export function gpuTerrainEngine(runner: KernelRunner): TerrainEngine {
  return {
    name: 'webgpu',
    heightfield: (p) => heightfieldGpu(runner, p),
    erode: (heights, p) => erodeGpu(runner, heights, p),
  };
}
