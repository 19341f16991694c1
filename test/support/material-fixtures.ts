// Material params the material bake tests share: a few looks that exercise every pass (grooves,
// metal, emissive, modifiers, blends), and a synthetic field for kernels tested on their own.
import type { BlendSettings, MaterialModifiers } from '../../src/core/materials/modifiers';
import type { MaterialParams } from '../../src/core/materials/preset';
import type { MaterialUniformValues } from '../../src/core/materials/uniforms';

/** Modifiers with the schema's defaults filled in (MaterialBakeRequest holds the parsed form). */
export function modifiers(m: Partial<MaterialModifiers>): MaterialModifiers {
  return { weatherAmount: 0.6, hue: 0, saturation: 0, value: 0, wear: 0, dirt: 0, seed: 0, ...m };
}

/** Blend settings with the schema's defaults filled in. */
export function blendSettings(
  s: Pick<BlendSettings, 'mask' | 'amount' | 'softness'> & Partial<BlendSettings>,
): BlendSettings {
  return { scale: 4, seed: 0, ...s };
}

export const BRICK: MaterialParams = {
  pattern: 'brick',
  scale: 4,
  density: 0.5,
  groove: 0.08,
  jitter: 0.2,
  warp: 0.1,
  detail: 0.5,
  stretch: 1,
  colors: ['#8b3a2b', '#a0523d', '#bcb6a8'],
  colorVariation: 0.4,
  roughness: [0.6, 0.95],
  metalness: [0, 0],
  height: 0.6,
  ao: 0.8,
  wear: 0.3,
  seed: 7,
};

export const GLOWING_METAL: MaterialParams = {
  pattern: 'circuit',
  scale: 4,
  density: 0.5,
  groove: 0.1,
  jitter: 0.3,
  warp: 0,
  detail: 0.4,
  stretch: 1,
  colors: ['#8a8d91', '#6f7378', '#2a2d31'],
  colorVariation: 0.1,
  roughness: [0.2, 0.5],
  metalness: [0.8, 1],
  height: 0.4,
  ao: 0.6,
  wear: 0.5,
  emissive: { color: '#33ccff', strength: 4, mask: 'groove' },
  seed: 11,
};

export const WOOD: MaterialParams = {
  pattern: 'planks',
  scale: 4,
  density: 0.5,
  groove: 0.04,
  jitter: 0.5,
  warp: 0.3,
  detail: 0.6,
  stretch: 4,
  colors: ['#8b5a2b', '#a0703c', '#3b2414'],
  colorVariation: 0.3,
  roughness: [0.45, 0.8],
  metalness: [0, 0],
  height: 0.35,
  ao: 0.6,
  wear: 0.2,
  seed: 3,
};

export const STONE: MaterialParams = {
  pattern: 'voronoi',
  scale: 6,
  density: 0.5,
  groove: 0.12,
  jitter: 0.8,
  warp: 0.2,
  detail: 0.5,
  stretch: 1,
  colors: ['#7d7a74', '#94908a', '#4a4743'],
  colorVariation: 0.3,
  roughness: [0.7, 0.95],
  metalness: [0, 0],
  height: 0.7,
  ao: 0.9,
  wear: 0.2,
  seed: 21,
};

/** Foliage-green: what the seasons act on. */
export const MOSS: MaterialParams = {
  pattern: 'noise',
  scale: 8,
  density: 0.5,
  groove: 0.05,
  jitter: 0.5,
  warp: 0.3,
  detail: 0.7,
  stretch: 1,
  colors: ['#3f7a2a', '#5d9a35', '#2d4a1c'],
  colorVariation: 0.3,
  roughness: [0.75, 0.95],
  metalness: [0, 0],
  height: 0.3,
  ao: 0.5,
  wear: 0,
  seed: 5,
};

/** Bare iron-coloured metal (corrosion → rust). */
export const IRON: MaterialParams = {
  pattern: 'hammered',
  scale: 6,
  density: 0.5,
  groove: 0.05,
  jitter: 0.6,
  warp: 0.1,
  detail: 0.4,
  stretch: 1,
  colors: ['#7a7b7d', '#8e9092', '#5a5b5d'],
  colorVariation: 0.1,
  roughness: [0.3, 0.55],
  metalness: [0.85, 1],
  height: 0.3,
  ao: 0.5,
  wear: 0,
  seed: 9,
};

/** Copper-coloured metal (corrosion → patina). */
export const COPPER: MaterialParams = {
  ...IRON,
  colors: ['#b87333', '#c8834a', '#8a5020'],
  seed: 10,
};

/**
 * A tileable synthetic field (height, cell, mask, detail), vec4 per texel: bricks with mortar, a cell
 * value per brick and a smooth detail pattern. For kernels tested on their own.
 */
export function syntheticField(size: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(size * size * 4);
  const rows = 4;
  const cols = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const u = (i + 0.5) / size;
      const v = (j + 0.5) / size;
      const row = Math.floor(v * rows);
      const x = u * cols + (row % 2) * 0.5;
      const col = Math.floor(x) % cols;
      const fx = x - Math.floor(x);
      const fy = v * rows - row;
      const edge = Math.min(fx, 1 - fx, fy, 1 - fy);
      const mask = Math.min(1, Math.max(0, (edge - 0.04) / 0.05));
      const detail =
        0.5 +
        0.25 * Math.sin(2 * Math.PI * (3 * u + 2 * v)) * Math.cos(2 * Math.PI * 5 * v) +
        0.2 * Math.sin(2 * Math.PI * 11 * u);
      const cell = ((row * 7 + col * 3) % 11) / 10;
      const o = (j * size + i) * 4;
      out[o] = mask * (0.75 + 0.2 * detail) + (1 - mask) * 0.05 * detail;
      out[o + 1] = cell;
      out[o + 2] = mask;
      out[o + 3] = detail;
    }
  }
  return out;
}

const f = Math.fround;

/** Pattern-kernel uniforms at 64x64 with typical params (colours are not read by the pattern). */
export function patternUniforms(
  pattern: number,
  overrides: Partial<MaterialUniformValues> = {},
): MaterialUniformValues {
  return {
    size: 64,
    pattern,
    seed: 1234,
    scale: 2,
    density: f(0.5),
    groove: f(0.1),
    jitter: f(0.5),
    warp: f(0.3),
    detail: f(0.3),
    stretch: 1,
    height: f(0.5),
    ao: f(0.5),
    colorVariation: f(0.2),
    wear: 0,
    emissiveStrength: 0,
    emissiveMask: 0,
    color0: [f(0.5), f(0.4), f(0.3)],
    roughnessMin: f(0.3),
    color1: [f(0.2), f(0.2), f(0.2)],
    roughnessMax: f(0.8),
    color2: [f(0.1), f(0.1), f(0.1)],
    metalnessMin: 0,
    emissiveColor: [0, 0, 0],
    metalnessMax: 0,
    ...overrides,
  };
}

/** Typical params, everything at its extreme, and everything off (stretch below 1). */
export const PATTERN_PARAM_SETS: [string, Partial<MaterialUniformValues>][] = [
  ['typical', {}],
  [
    'strong',
    {
      seed: 0xfeedface,
      scale: 3,
      density: f(0.8),
      groove: f(0.3),
      jitter: 1,
      warp: f(0.9),
      detail: f(0.7),
      stretch: f(2.6),
    },
  ],
  [
    'plain',
    {
      seed: 7,
      scale: 1,
      density: f(0.1),
      groove: 0,
      jitter: 0,
      warp: 0,
      detail: 0,
      stretch: f(0.4),
    },
  ],
];
