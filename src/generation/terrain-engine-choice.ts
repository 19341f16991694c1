// The choice of terrain engine per job, in the scene worker. Every engine gives the
// same integers, so the choice changes only speed, never the scene:
//   'auto'   WebGPU on a hardware adapter; the CPU on a software one (SwiftShader and other
//            fallback adapters emulate the GPU on the CPU, 10-25x slower than the CPU reference)
//   'webgpu' WebGPU whenever an adapter is offered
//   'cpu'    the CPU reference
// A GPU run that fails (a lost device, a size over the device's limits) is redone on the CPU.
import { cpuTerrainEngine, type TerrainEngine } from '../core/terrain/terrain-engine';

export const TERRAIN_ENGINE_PREFERENCES = ['auto', 'webgpu', 'cpu'] as const;
export type TerrainEnginePreference = (typeof TERRAIN_ENGINE_PREFERENCES)[number];

export interface TerrainEngines {
  /** The WebGPU engine, when the worker got an adapter. */
  gpu?: TerrainEngine;
  /** The adapter is a software one. */
  softwareAdapter: boolean;
  /** Why there is no WebGPU engine. */
  unavailableReason?: string;
}

/** Runs on `primary`, and on `fallback` when primary fails; `name` says which ran last. */
export function withFallback(
  primary: TerrainEngine,
  fallback: TerrainEngine = cpuTerrainEngine,
): TerrainEngine {
  let last = primary.name;
  const run = async <T>(work: (engine: TerrainEngine) => Promise<T>): Promise<T> => {
    try {
      const out = await work(primary);
      last = primary.name;
      return out;
    } catch (error) {
      console.warn(`WebGPU terrain failed, redone on the CPU: ${(error as Error).message}`);
      last = fallback.name;
      return work(fallback);
    }
  };
  return {
    get name() {
      return last;
    },
    heightfield: (p, checkpoint) => run((e) => e.heightfield(p, checkpoint)),
    erode: (h, p, checkpoint) => run((e) => e.erode(h, p, checkpoint)),
  };
}

/** The engine one job runs on. */
export function chooseTerrainEngine(
  engines: TerrainEngines,
  preference: TerrainEnginePreference = 'auto',
): TerrainEngine {
  const useGpu =
    engines.gpu !== undefined &&
    (preference === 'webgpu' || (preference === 'auto' && !engines.softwareAdapter));
  return useGpu ? withFallback(engines.gpu!) : cpuTerrainEngine;
}
