// MaterialParams → the values of shaders/material-common.wgsl's MaterialUniforms, for the GPU kernels
// (encoded through the WGSL-derived layout) and for the CPU references (read as plain numbers), so both
// sides start from identical inputs. Colours become linear RGB here, once.
import { linearRgb } from '../scene/material-factors';
import type { BakeSize } from './bake-request';
import { EMISSIVE_MASKS, MATERIAL_PATTERNS, type MaterialParams } from './preset';

export interface MaterialUniformValues {
  size: number;
  pattern: number;
  seed: number;
  scale: number;
  density: number;
  groove: number;
  jitter: number;
  warp: number;
  detail: number;
  stretch: number;
  height: number;
  ao: number;
  colorVariation: number;
  wear: number;
  emissiveStrength: number;
  emissiveMask: number;
  color0: [number, number, number];
  roughnessMin: number;
  color1: [number, number, number];
  roughnessMax: number;
  color2: [number, number, number];
  metalnessMin: number;
  emissiveColor: [number, number, number];
  metalnessMax: number;
}

/** Rounds like the GPU stores f32 uniforms, so the CPU reference starts from the same numbers. */
const f32 = Math.fround;
const f32v = (c: [number, number, number]): [number, number, number] => [
  f32(c[0]),
  f32(c[1]),
  f32(c[2]),
];

export function materialUniforms(p: MaterialParams, size: BakeSize): MaterialUniformValues {
  const emissive = p.emissive && p.emissive.strength > 0 && p.emissive.mask !== 'none';
  return {
    size,
    pattern: MATERIAL_PATTERNS.indexOf(p.pattern),
    seed: p.seed >>> 0,
    scale: p.scale,
    density: f32(p.density),
    groove: f32(p.groove),
    jitter: f32(p.jitter),
    warp: f32(p.warp),
    detail: f32(p.detail),
    stretch: f32(p.stretch),
    height: f32(p.height),
    ao: f32(p.ao),
    colorVariation: f32(p.colorVariation),
    wear: f32(p.wear),
    emissiveStrength: emissive ? f32(p.emissive!.strength) : 0,
    emissiveMask: emissive ? EMISSIVE_MASKS.indexOf(p.emissive!.mask) : 0,
    color0: f32v(linearRgb(p.colors[0])),
    roughnessMin: f32(p.roughness[0]),
    color1: f32v(linearRgb(p.colors[1])),
    roughnessMax: f32(p.roughness[1]),
    color2: f32v(linearRgb(p.colors[2])),
    metalnessMin: f32(p.metalness[0]),
    emissiveColor: emissive ? f32v(linearRgb(p.emissive!.color)) : [0, 0, 0],
    metalnessMax: f32(p.metalness[1]),
  };
}

/** True when the material has an emissive map. */
export function hasEmissive(u: MaterialUniformValues): boolean {
  return u.emissiveStrength > 0 && u.emissiveMask !== 0;
}
