// The compute worker's entry: chooses WebGPU or the CPU references once, then serves ComputeApi over
// comlink. Results are transferred, never copied.
import type { MaterialBakeRequest } from '../core/materials/bake-request';
import { mapTransferables } from '../core/materials/maps';
import type { NoiseBakeParams } from '../core/noise';
import { expose, transfer } from '../lib/comlink';
import type { ComputeApi, MaterialEnginePreference } from './compute-api';
import { selectCompute } from './select-compute';

const engine: Promise<ComputeApi> = selectCompute(
  (self.navigator as Navigator & { gpu?: GPU }).gpu,
);

const api: ComputeApi = {
  info: async () => (await engine).info(),
  bakeNoise: async (params: Partial<NoiseBakeParams>) => {
    const field = await (await engine).bakeNoise(params);
    return transfer(field, [field.data.buffer]);
  },
  bakeMaterial: async (request: MaterialBakeRequest, preference?: MaterialEnginePreference) => {
    const maps = await (await engine).bakeMaterial(request, preference);
    return transfer(maps, mapTransferables(maps));
  },
};

expose(api);
