// The demo scene's textures: noise fields baked by the WGSL kernel (or its CPU reference where the
// browser has no WebGPU). Typed data with ids, not strings scattered through components.
import type { NoiseBakeParams } from '../core/noise';

export const DEMO_TEXTURE_IDS = ['ground', 'stone', 'marble', 'grain'] as const;
export type DemoTextureId = (typeof DEMO_TEXTURE_IDS)[number];

export const DEMO_TEXTURES: Record<DemoTextureId, Partial<NoiseBakeParams>> = {
  ground: {
    width: 1024,
    height: 1024,
    format: 'rgba8',
    kind: 'simplex',
    fractal: 'fbm',
    octaves: 7,
    frequency: 14,
    warp: 0.35,
    seed: 11,
    outScale: 0.6,
    outBias: 0.5,
  },
  stone: {
    width: 256,
    height: 256,
    format: 'rgba8',
    kind: 'worley',
    fractal: 'fbm',
    octaves: 3,
    frequency: 8,
    seed: 23,
    outScale: 0.55,
    outBias: 0.5,
  },
  marble: {
    width: 256,
    height: 256,
    format: 'rgba8',
    kind: 'perlin',
    fractal: 'ridged',
    octaves: 5,
    frequency: 3,
    warp: 0.6,
    seed: 37,
    outScale: 0.5,
    outBias: 0.5,
  },
  grain: {
    width: 256,
    height: 256,
    format: 'rgba8',
    kind: 'value',
    fractal: 'fbm',
    octaves: 5,
    frequency: 5,
    scale: [1, 8],
    warp: 0.2,
    seed: 41,
    outScale: 0.6,
    outBias: 0.5,
  },
};
