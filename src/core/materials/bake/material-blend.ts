// CPU reference of shaders/material-blend.wgsl: mixes set A into set B (in place) through a noise,
// height or slope mask, and the builder of its BlendUniforms values.
import { BLEND_MASKS, type BlendSettings } from '../modifiers';
import type { MaterialUniformValues } from '../uniforms';
import { mnFbm } from './material-noise';
import { mix, reliefDepth, smoothstep, wrapIndex, type FloatSet } from './texels';

/** The values of the kernel's BlendUniforms struct. */
export interface BlendUniformValues {
  size: number;
  mask: number;
  seed: number;
  scale: number;
  amount: number;
  softness: number;
  reliefA: number;
  reliefB: number;
  depthA: number;
}

/** Spreads the FBM to a roughly uniform [0, 1] (the kernel's BLEND_SPREAD). */
export const BLEND_SPREAD = 3.4;

const f32 = Math.fround;

/** The relief depth the blended maps' normals use: the larger of the two. */
export function blendedDepth(a: MaterialUniformValues, b: MaterialUniformValues): number {
  return Math.max(reliefDepth(a.height, a.scale), reliefDepth(b.height, b.scale));
}

export function blendUniforms(
  s: BlendSettings,
  a: MaterialUniformValues,
  b: MaterialUniformValues,
): BlendUniformValues {
  const da = reliefDepth(a.height, a.scale);
  const db = reliefDepth(b.height, b.scale);
  const top = Math.max(da, db);
  return {
    size: a.size,
    mask: BLEND_MASKS.indexOf(s.mask),
    seed: (s.seed ?? 0) >>> 0,
    scale: s.scale ?? 4,
    amount: f32(s.amount),
    softness: f32(s.softness),
    reliefA: f32(top > 0 ? da / top : 1),
    reliefB: f32(top > 0 ? db / top : 1),
    depthA: f32(da),
  };
}

/** Blend weight of B at texel (i, j) (0 = A, 1 = B). */
export function blendWeight(
  u: BlendUniformValues,
  a: FloatSet,
  b: FloatSet,
  i: number,
  j: number,
): number {
  const n = u.size;
  const o = (j * n + i) * 4;
  const w = u.softness * 0.5 + 0.01;
  const threshold = mix(1 + w, -w, u.amount);
  if (u.mask === 1) {
    const x = 2 * u.amount - 1;
    const bias = x * x * x * (1 + w);
    return smoothstep(-w, w, b.field[o]! * u.reliefB - a.field[o]! * u.reliefA + bias);
  }
  if (u.mask === 2) {
    const r = Math.max(1, Math.trunc(n / 128));
    const k = (n / (2 * r)) * u.depthA;
    const h = (x: number, y: number) => a.field[wrapIndex(x, y, n) * 4]!;
    const gx = (h(i + r, j) - h(i - r, j)) * k;
    const gy = (h(i, j + r) - h(i, j - r)) * k;
    const g2 = gx * gx + gy * gy;
    return smoothstep(threshold - w, threshold + w, Math.sqrt(g2 / (1 + g2)));
  }
  const px = ((i + 0.5) / n) * u.scale;
  const py = ((j + 0.5) / n) * u.scale;
  const noise = mnFbm(px, py, u.scale, u.scale, 5, 0.5, u.seed);
  return smoothstep(threshold - w, threshold + w, 0.5 + 0.5 * Math.tanh(noise * BLEND_SPREAD));
}

/** Writes the blend of a and b into b. Both sets have an emissive map, or neither does. */
export function blendCpu(u: BlendUniformValues, a: FloatSet, b: FloatSet): void {
  const n = u.size;
  // Weights first: the slope mask reads A's neighbours, the height mask reads B's texel.
  const weights = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) weights[j * n + i] = blendWeight(u, a, b, i, j);
  }
  for (let idx = 0; idx < n * n; idx++) {
    const t = weights[idx]!;
    const o = idx * 4;
    b.field[o] = mix(a.field[o]! * u.reliefA, b.field[o]! * u.reliefB, t);
    for (let k = 1; k < 4; k++) b.field[o + k] = mix(a.field[o + k]!, b.field[o + k]!, t);
    for (let k = 0; k < 4; k++) {
      b.albedo[o + k] = mix(a.albedo[o + k]!, b.albedo[o + k]!, t);
      b.orm[o + k] = mix(a.orm[o + k]!, b.orm[o + k]!, t);
      if (a.emissive && b.emissive)
        b.emissive[o + k] = mix(a.emissive[o + k]!, b.emissive[o + k]!, t);
    }
  }
}
