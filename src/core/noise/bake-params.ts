// What a noise bake asks for, its limits, and the validation that names every bad field at once.
// The same params drive the GPU kernel (shaders/noise-bake.wgsl) and the CPU reference (bake.ts).
import { DEFAULT_NOISE_SETTINGS, FRACTAL_MODES, NOISE_KINDS, type NoiseSettings } from './settings';

export const NOISE_FORMATS = ['r32f', 'rgba8'] as const;
export type NoiseFormat = (typeof NOISE_FORMATS)[number];

export interface NoiseBakeParams extends NoiseSettings {
  width: number;
  height: number;
  format: NoiseFormat;
  /** Noise-space position of the field's corner; z is the slice for 3D noise. */
  origin: readonly [number, number, number];
  /** Noise-space extent of the field before `frequency` is applied. */
  scale: readonly [number, number];
  frequency: number;
  /** The stored value is noise * outScale + outBias (RGBA8 then clamps to [0, 1]). */
  outScale: number;
  outBias: number;
}

export const NOISE_BAKE_LIMITS = {
  maxSide: 16384,
  maxTexels: 64 * 1024 * 1024,
  maxOctaves: 16,
  maxLacunarity: 16,
  maxGain: 2,
  maxWarp: 64,
  maxAbsCoordinate: 1e6,
} as const;

export const DEFAULT_NOISE_BAKE: NoiseBakeParams = {
  ...DEFAULT_NOISE_SETTINGS,
  width: 256,
  height: 256,
  format: 'rgba8',
  origin: [0, 0, 0],
  scale: [1, 1],
  frequency: 4,
  outScale: 0.5,
  outBias: 0.5,
};

export class NoiseParamsError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid noise bake parameters: ${issues.join('; ')}`);
    this.name = 'NoiseParamsError';
  }
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Fills defaults and checks every field; throws NoiseParamsError listing all problems. */
export function resolveNoiseBakeParams(input: Partial<NoiseBakeParams>): NoiseBakeParams {
  const p = { ...DEFAULT_NOISE_BAKE, ...input } as NoiseBakeParams;
  const issues: string[] = [];
  const L = NOISE_BAKE_LIMITS;
  const int = (name: keyof NoiseBakeParams, lo: number, hi: number) => {
    const v = p[name];
    if (!Number.isInteger(v) || (v as number) < lo || (v as number) > hi) {
      issues.push(`${name}: expected an integer ${lo}..${hi}, got ${String(v)}`);
    }
  };
  const num = (name: keyof NoiseBakeParams, lo: number, hi: number) => {
    const v = p[name];
    if (!isFiniteNumber(v) || v < lo || v > hi) {
      issues.push(`${name}: expected a number ${lo}..${hi}, got ${String(v)}`);
    }
  };
  int('width', 1, L.maxSide);
  int('height', 1, L.maxSide);
  if (issues.length === 0 && p.width * p.height > L.maxTexels) {
    issues.push(`width*height: at most ${L.maxTexels} texels, got ${p.width * p.height}`);
  }
  if (!NOISE_KINDS.includes(p.kind)) {
    issues.push(`kind: expected one of ${NOISE_KINDS.join(', ')}, got ${String(p.kind)}`);
  }
  if (!FRACTAL_MODES.includes(p.fractal)) {
    issues.push(`fractal: expected one of ${FRACTAL_MODES.join(', ')}, got ${String(p.fractal)}`);
  }
  if (!NOISE_FORMATS.includes(p.format)) {
    issues.push(`format: expected one of ${NOISE_FORMATS.join(', ')}, got ${String(p.format)}`);
  }
  if (p.dimensions !== 2 && p.dimensions !== 3) {
    issues.push(`dimensions: expected 2 or 3, got ${String(p.dimensions)}`);
  }
  int('octaves', 1, L.maxOctaves);
  int('seed', 0, 0xffffffff);
  num('lacunarity', 0.01, L.maxLacunarity);
  num('gain', 0, L.maxGain);
  num('warp', -L.maxWarp, L.maxWarp);
  num('frequency', 1e-6, 1e4);
  num('outScale', -1e6, 1e6);
  num('outBias', -1e6, 1e6);
  const vec = (name: 'origin' | 'scale', length: number) => {
    const v: unknown = p[name];
    const ok =
      Array.isArray(v) &&
      v.length === length &&
      v.every((c) => isFiniteNumber(c) && Math.abs(c) <= L.maxAbsCoordinate);
    if (!ok) {
      issues.push(
        `${name}: expected ${length} finite numbers within ±${L.maxAbsCoordinate}, got ${JSON.stringify(v)}`,
      );
    }
  };
  vec('origin', 3);
  vec('scale', 2);
  if (issues.length > 0) throw new NoiseParamsError(issues);
  return p;
}

export function bytesPerTexel(_format: NoiseFormat): number {
  return 4;
}
