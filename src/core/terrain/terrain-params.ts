// Turns a terrain spec and its PRNG stream into the integer parameters the kernels and the CPU
// reference share (see fixed-noise.ts and erosion.ts for the arithmetic), and states the rules that
// keep every fixed-point value in range (checked by the spec's cross-field rules, terrainIssues).
import type { Prng } from '../prng';
import type { TerrainSpec } from '../spec/schema';
import type { ErosionQ16 } from './erosion';
import { TERRAIN_FRACTAL_CODES, TERRAIN_NOISE_CODES, type HeightfieldQ16 } from './fixed-noise';
import { ONE } from './fixed-point';

/** Largest domain-warp displacement, in heightfield samples (keeps positions inside u32). */
export const MAX_WARP_SAMPLES = 16384;

/** Octaves finer than this many lattice cells per sample only alias, and are left out. */
const NYQUIST = 0.5;

/** Problems with a terrain spec's numbers that the fixed-point arithmetic cannot honour. */
export function terrainIssues(t: TerrainSpec, path = 'terrain'): string[] {
  const issues: string[] = [];
  const samples = t.resolution - 1;
  const nyquistFrequency = samples * NYQUIST;
  if (t.noise.frequency > nyquistFrequency) {
    issues.push(
      `${path}.noise.frequency: expected at most ${nyquistFrequency} (half the ${t.resolution}-sample resolution), got ${t.noise.frequency}`,
    );
  }
  const warpSamples = (t.noise.warp * samples) / t.noise.frequency;
  if (warpSamples > MAX_WARP_SAMPLES) {
    const maxWarp = Math.floor(((MAX_WARP_SAMPLES * t.noise.frequency) / samples) * 1000) / 1000;
    issues.push(
      `${path}.noise.warp: expected at most ${maxWarp} at frequency ${t.noise.frequency} and resolution ${t.resolution}, got ${t.noise.warp}`,
    );
  }
  return issues;
}

export function heightfieldParams(t: TerrainSpec, rng: Prng): HeightfieldQ16 {
  const samples = t.resolution - 1;
  const { noise } = t;
  // Amplitudes normalised over every requested octave, so skipped (too fine) octaves leave the
  // height scale unchanged between a low-resolution preview and the full terrain.
  let total = 0;
  let amplitude = 1;
  const octaveCount = noise.fractal === 'none' ? 1 : noise.octaves;
  for (let o = 0; o < octaveCount; o++) {
    total += amplitude;
    amplitude *= noise.gain;
  }
  const octaves: HeightfieldQ16['octaves'] = [];
  let frequency = noise.frequency;
  amplitude = 1;
  for (let o = 0; o < octaveCount; o++) {
    const seed = rng.nextU32();
    const offsetX = rng.int(0, 4095);
    const offsetY = rng.int(0, 4095);
    const cellsPerSample = frequency / samples;
    if (cellsPerSample <= NYQUIST) {
      octaves.push({
        step: Math.max(1, Math.round(cellsPerSample * ONE)),
        offsetX,
        offsetY,
        amplitude: Math.round((amplitude / total) * ONE),
        seed,
      });
    }
    frequency *= noise.lacunarity;
    amplitude *= noise.gain;
  }
  const warpSeedX = rng.nextU32();
  const warpSeedY = rng.nextU32();
  return {
    resolution: t.resolution,
    kind: TERRAIN_NOISE_CODES[noise.kind],
    fractal: TERRAIN_FRACTAL_CODES[noise.fractal],
    octaves,
    warpSamples: Math.round(((noise.warp * samples) / noise.frequency) * ONE),
    warpSeedX,
    warpSeedY,
  };
}

export function erosionParams(t: TerrainSpec): ErosionQ16 | undefined {
  const e = t.erosion;
  if (!e || e.iterations === 0 || e.strength === 0 || t.height === 0) return undefined;
  return {
    resolution: t.resolution,
    iterations: e.iterations,
    // talus is metres per cell; heights are Q16 noise units of `height` metres.
    talus: Math.min(0x7fffffff, Math.round((e.talus / t.height) * ONE)),
    rate: Math.round((e.strength * ONE) / 8),
  };
}
