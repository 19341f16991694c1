// The noise bake pass: shaders/noise-bake.wgsl (with the noise.wgsl library before it) run through
// the kernel runner. Same params and same texels as the CPU reference bakeNoiseCpu.
import noiseLibrary from '../../shaders/noise.wgsl';
import noiseBakeKernel from '../../shaders/noise-bake.wgsl';
import {
  bytesPerTexel,
  fractalCode,
  kindCode,
  resolveNoiseBakeParams,
  type NoiseBakeParams,
  type NoiseField,
} from '../core/noise';
import type { KernelDefinition, KernelRunner } from './kernel-runner';

export const NOISE_BAKE_WORKGROUP = [8, 8] as const;

export const noiseBakeKernelDefinition: KernelDefinition = {
  label: 'NoiseBake',
  code: `${noiseLibrary}\n${noiseBakeKernel}`,
  entryPoint: 'main',
  constants: { WG_X: NOISE_BAKE_WORKGROUP[0], WG_Y: NOISE_BAKE_WORKGROUP[1] },
};

export interface NoiseBakeOptions {
  /** Cap on bytes per dispatch chunk, below the device's own limit (for tests). */
  maxChunkBytes?: number;
}

export async function bakeNoiseGpu(
  runner: KernelRunner,
  input: Partial<NoiseBakeParams>,
  options: NoiseBakeOptions = {},
): Promise<NoiseField> {
  const p = resolveNoiseBakeParams(input);
  const bytes = await runner.runRows({
    kernel: noiseBakeKernelDefinition,
    uniformVariable: 'params',
    width: p.width,
    height: p.height,
    bytesPerTexel: bytesPerTexel(p.format),
    workgroup: NOISE_BAKE_WORKGROUP,
    ...(options.maxChunkBytes !== undefined ? { maxChunkBytes: options.maxChunkBytes } : {}),
    uniforms: (chunk) => ({
      width: p.width,
      height: p.height,
      rowOffset: chunk.rowOffset,
      rowCount: chunk.rowCount,
      format: p.format === 'r32f' ? 0 : 1,
      kind: kindCode(p.kind),
      dims: p.dimensions,
      fractal: fractalCode(p.fractal),
      octaves: p.octaves,
      seed: p.seed >>> 0,
      lacunarity: p.lacunarity,
      gain: p.gain,
      warp: p.warp,
      frequency: p.frequency,
      outScale: p.outScale,
      outBias: p.outBias,
      origin: p.origin,
      scale: p.scale,
    }),
  });
  const data = p.format === 'r32f' ? new Float32Array(bytes) : new Uint8Array(bytes);
  return { width: p.width, height: p.height, format: p.format, data };
}
