// The noise benchmark's one case, so the Node and browser halves measure exactly the same work.
import type { NoiseBakeParams } from '../../src/core/noise';

export const NOISE_CASE = {
  size: 1024,
  octaves: 6,
  frequency: 8,
  seed: 7,
} as const;

export const NOISE_CASE_PARAMS: Partial<NoiseBakeParams> = {
  width: NOISE_CASE.size,
  height: NOISE_CASE.size,
  format: 'r32f',
  kind: 'simplex',
  fractal: 'fbm',
  octaves: NOISE_CASE.octaves,
  frequency: NOISE_CASE.frequency,
  seed: NOISE_CASE.seed,
  outScale: 1,
  outBias: 0,
};

export const NOISE_CASE_SAMPLES = NOISE_CASE.size * NOISE_CASE.size * NOISE_CASE.octaves;
