// The scene worker's terrain engine: WebGPU when the worker gets an adapter, the CPU reference
// otherwise, and the CPU reference again for any job whose GPU run fails (a lost device, a size over
// the device's limits). Both give the same integers, so which one ran never changes the scene.
import { cpuTerrainEngine, type TerrainEngine } from '../core/terrain/terrain-engine';
import { GpuContext } from '../gpu/gpu-context';
import { KernelRunner } from '../gpu/kernel-runner';
import { gpuTerrainEngine } from '../gpu/terrain-engine-gpu';

export interface SelectedTerrainEngine extends TerrainEngine {
  /** Why the last call ran on the CPU, if it did. */
  readonly fallbackReason: string | undefined;
}

/** Runs on `primary`, and on `fallback` when primary fails; `name` says which ran last. */
export function withFallback(
  primary: TerrainEngine | undefined,
  unavailableReason: string,
  fallback: TerrainEngine = cpuTerrainEngine,
): SelectedTerrainEngine {
  let last = primary?.name ?? fallback.name;
  let reason: string | undefined = primary ? undefined : unavailableReason;
  const run = async <T>(
    gpuWork: ((engine: TerrainEngine) => Promise<T>) | undefined,
    cpuWork: (engine: TerrainEngine) => Promise<T>,
  ): Promise<T> => {
    if (primary && gpuWork) {
      try {
        const out = await gpuWork(primary);
        last = primary.name;
        return out;
      } catch (error) {
        reason = `WebGPU terrain failed, used the CPU: ${(error as Error).message}`;
      }
    }
    last = fallback.name;
    return cpuWork(fallback);
  };
  return {
    get name() {
      return last;
    },
    get fallbackReason() {
      return reason;
    },
    heightfield: (p, checkpoint) =>
      run(primary && ((e) => e.heightfield(p, checkpoint)), (e) => e.heightfield(p, checkpoint)),
    erode: (h, p, checkpoint) =>
      run(primary && ((e) => e.erode(h, p, checkpoint)), (e) => e.erode(h, p, checkpoint)),
  };
}

/** The engine for this worker: WebGPU if `gpu` offers an adapter. */
export async function selectTerrainEngine(gpu: GPU | undefined): Promise<SelectedTerrainEngine> {
  if (!gpu) return withFallback(undefined, 'no WebGPU in this worker');
  try {
    const context = new GpuContext({ gpu });
    await context.device();
    return withFallback(gpuTerrainEngine(new KernelRunner(context)), '');
  } catch (error) {
    return withFallback(undefined, `WebGPU could not start: ${(error as Error).message}`);
  }
}
