// Where terrain's heavy integer work runs. generateScene takes a TerrainEngine as a dependency: the
// WebGPU one (src/gpu/terrain-engine-gpu.ts) in the browser's scene worker, this CPU one in Node and
// wherever WebGPU is missing. Both produce the same integers, so the scene's bytes do not depend on
// which ran.
import { thermalStepQ16, type ErosionQ16 } from './erosion';
import { heightRowsQ16, type HeightfieldQ16 } from './fixed-noise';

export interface TerrainEngine {
  /** 'webgpu' or 'cpu', for stats and the UI. */
  readonly name: string;
  /** The heightfield, Q16 noise units, row-major. */
  heightfield(
    p: HeightfieldQ16,
    checkpoint?: () => Promise<void>,
  ): Promise<Int32Array<ArrayBuffer>>;
  /** Thermal erosion; leaves `heights` unchanged. */
  erode(
    heights: Int32Array<ArrayBuffer>,
    p: ErosionQ16,
    checkpoint?: () => Promise<void>,
  ): Promise<Int32Array<ArrayBuffer>>;
}

/** Samples between cancellation checkpoints on the CPU. */
const SAMPLES_PER_CHECKPOINT = 1 << 20;

export const cpuTerrainEngine: TerrainEngine = {
  name: 'cpu',
  async heightfield(p, checkpoint) {
    const n = p.resolution;
    const out = new Int32Array(n * n);
    const rowsPerCheck = Math.max(1, Math.floor(SAMPLES_PER_CHECKPOINT / n));
    for (let j = 0; j < n; j += rowsPerCheck) {
      if (j > 0) await checkpoint?.();
      heightRowsQ16(p, out, j, Math.min(n, j + rowsPerCheck));
    }
    return out;
  },
  async erode(heights, p, checkpoint) {
    // erodeThermalQ16's loop, with checkpoints between iterations.
    const iterationsPerCheck = Math.max(1, Math.floor(SAMPLES_PER_CHECKPOINT / heights.length));
    let a = new Int32Array(heights);
    let b = new Int32Array(heights.length);
    for (let k = 0; k < p.iterations; k++) {
      if (k > 0 && k % iterationsPerCheck === 0) await checkpoint?.();
      thermalStepQ16(a, b, p.resolution, p.talus, p.rate);
      [a, b] = [b, a];
    }
    return a;
  },
};
