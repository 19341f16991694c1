// CPU reference of shaders/material-surface.wgsl: field + aux (ao, curvature, slope) → albedo,
// orm and (when the bake has one) emissive, with the same formulas line for line.
import type { MaterialUniformValues } from '../uniforms';
import { clamp, mix, smoothstep, type FloatSet } from './texels';

const TAU = 6.2831853;

function emissiveMask(code: number, mask: number, detail: number): number {
  switch (code) {
    case 1:
      return 1 - mask;
    case 2:
      return mask;
    case 3:
      return smoothstep(0.6, 0.85, detail);
    case 4:
      return 1;
    default:
      return 0;
  }
}

/**
 * The float maps of one material. `aux` is the ao pass's output; it becomes the orm map (the GPU
 * writes orm over it in place, and so does this). `withEmissive` allocates the emissive map.
 */
export function surfaceCpu(
  u: MaterialUniformValues,
  field: Float32Array<ArrayBuffer>,
  aux: Float32Array<ArrayBuffer>,
  withEmissive: boolean,
): FloatSet {
  const n = u.size;
  const albedo = new Float32Array(n * n * 4);
  const orm = aux;
  const emissive = withEmissive ? new Float32Array(n * n * 4) : undefined;
  const c0 = u.color0;
  const c1 = u.color1;
  const c2 = u.color2;
  const cv = u.colorVariation;
  for (let idx = 0; idx < n * n; idx++) {
    const o = idx * 4;
    const cell = field[o + 1]!;
    const mask = clamp(field[o + 2]!, 0, 1);
    const detail = field[o + 3]!;
    const ao = aux[o]!;
    const curvature = aux[o + 1]!;
    const slope = aux[o + 2]!;

    const t = smoothstep(0.15, 0.85, detail * 0.7 + cell * 0.3);
    const v = cell - 0.5;
    const worn = u.wear * smoothstep(0.05, 0.35, curvature) * mask;
    for (let k = 0; k < 3; k++) {
      let c = mix(c0[k]!, c1[k]!, t);
      const tilt = Math.cos(TAU * (cell + (k === 0 ? 0 : k === 1 ? 0.33333334 : 0.6666667)));
      c = c * Math.max(1 + cv * (0.6 * v + 0.15 * tilt), 0);
      c = mix(c2[k]!, c, mask);
      c = mix(c, Math.min(c * 1.5 + 0.03, 1), worn);
      albedo[o + k] = clamp(c, 0, 1);
    }
    albedo[o + 3] = slope;

    const roughT = clamp(0.55 * detail + 0.45 * (1 - mask) + 0.2 * v * cv, 0, 1);
    let roughness = mix(u.roughnessMin, u.roughnessMax, roughT);
    roughness = mix(roughness, u.roughnessMin, 0.5 * worn);
    let metalness = mix(u.metalnessMin, u.metalnessMax, clamp(mask * (0.7 + 0.3 * detail), 0, 1));
    metalness = mix(metalness, u.metalnessMax, worn);
    orm[o] = ao;
    orm[o + 1] = roughness;
    orm[o + 2] = metalness;
    orm[o + 3] = curvature;

    if (emissive) {
      const glow = emissiveMask(u.emissiveMask, mask, detail) * u.emissiveStrength;
      emissive[o] = u.emissiveColor[0] * glow;
      emissive[o + 1] = u.emissiveColor[1] * glow;
      emissive[o + 2] = u.emissiveColor[2] * glow;
    }
  }
  return { size: n, field, albedo, orm, ...(emissive ? { emissive } : {}) };
}
