// The noise settings shared by the CPU reference and the GPU kernels, with the numeric codes the WGSL
// uses (NoiseSettings in shaders/noise.wgsl).

export const NOISE_KINDS = ['value', 'perlin', 'simplex', 'worley'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export const FRACTAL_MODES = ['none', 'fbm', 'ridged'] as const;
export type FractalMode = (typeof FRACTAL_MODES)[number];

export interface NoiseSettings {
  kind: NoiseKind;
  /** 2 samples the xy plane; 3 samples a volume (the bake uses origin.z as the slice). */
  dimensions: 2 | 3;
  fractal: FractalMode;
  /** Octaves for fbm/ridged (1 for 'none'). */
  octaves: number;
  /** Frequency multiplier between octaves. */
  lacunarity: number;
  /** Amplitude multiplier between octaves. */
  gain: number;
  /** Domain-warp strength in noise-space units; 0 turns warping off. */
  warp: number;
  /** u32 seed; every function is seeded. */
  seed: number;
}

export const DEFAULT_NOISE_SETTINGS: NoiseSettings = {
  kind: 'simplex',
  dimensions: 2,
  fractal: 'fbm',
  octaves: 6,
  lacunarity: 2,
  gain: 0.5,
  warp: 0,
  seed: 1,
};

export function kindCode(kind: NoiseKind): number {
  return NOISE_KINDS.indexOf(kind);
}

export function fractalCode(mode: FractalMode): number {
  return FRACTAL_MODES.indexOf(mode);
}
