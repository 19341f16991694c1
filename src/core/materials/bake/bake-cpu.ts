// The whole material bake on the CPU: the reference the GPU bake is tested against, and the
// fallback where there is no WebGPU. Same passes, same order, same formats as
// src/gpu/materials/material-bake-gpu.ts:
//   per material: pattern → ao → surface → modifier (unless identity)
//   blend (if any): the second material the same way, then blend A into B
//   normal → pack → mips
import { validateBakeRequest, type MaterialBakeRequest } from '../bake-request';
import type { MaterialMaps } from '../maps';
import { EMISSIVE_RANGE } from '../maps';
import { isIdentityModifiers, type MaterialModifiers } from '../modifiers';
import { hasEmissive, materialUniforms, type MaterialUniformValues } from '../uniforms';
import { aoCpu } from './material-ao';
import { blendCpu, blendedDepth, blendUniforms } from './material-blend';
import { mipChainHeight, mipChainRgba8 } from './material-mip';
import { modifierCpu, modifierUniforms } from './material-modifier';
import { normalCpu } from './material-normal';
import { packHeightCpu, packRgba8Cpu } from './material-pack';
import { surfaceCpu } from './material-surface';
import { patternFieldCpu } from './pattern';
import { reliefDepth, type FloatSet } from './texels';

/** Uniform values of one bake: each material's, and whether the bake has an emissive map. */
export interface BakePlan {
  size: MaterialBakeRequest['size'];
  a: MaterialUniformValues;
  b?: MaterialUniformValues;
  emissive: boolean;
  /** Relief depth of the final height, in tile units (normal strength). */
  depth: number;
}

export function bakePlan(request: MaterialBakeRequest): BakePlan {
  const a = materialUniforms(request.params, request.size);
  const b = request.blend ? materialUniforms(request.blend.params, request.size) : undefined;
  return {
    size: request.size,
    a,
    ...(b ? { b } : {}),
    emissive: hasEmissive(a) || (b !== undefined && hasEmissive(b)),
    depth: b ? blendedDepth(a, b) : reliefDepth(a.height, a.scale),
  };
}

/** One material's float maps: pattern → ao → surface → modifiers. */
export function bakeSetCpu(
  u: MaterialUniformValues,
  modifiers: MaterialModifiers | undefined,
  withEmissive: boolean,
): FloatSet {
  const field = new Float32Array(patternFieldCpu(u));
  const set = surfaceCpu(u, field, aoCpu(u, field), withEmissive);
  if (!isIdentityModifiers(modifiers)) modifierCpu(modifierUniforms(modifiers!, u), set);
  return set;
}

/** Validates the request (MaterialBakeError names each bad field), then bakes every map and level. */
export function bakeMaterialCpu(input: MaterialBakeRequest): MaterialMaps {
  const request = validateBakeRequest(input);
  const plan = bakePlan(request);
  let set = bakeSetCpu(plan.a, request.modifiers, plan.emissive);
  if (request.blend && plan.b) {
    const b = bakeSetCpu(plan.b, request.blend.modifiers, plan.emissive);
    blendCpu(blendUniforms(request.blend.settings, plan.a, plan.b), set, b);
    set = b;
  }
  return packMaps(set, plan);
}

/** Final float set → stored maps with full mip chains. */
export function packMaps(set: FloatSet, plan: Pick<BakePlan, 'size' | 'depth'>): MaterialMaps {
  const n = plan.size;
  const normal = normalCpu(n, plan.depth, set.field);
  const maps: MaterialMaps = {
    size: n,
    albedo: {
      format: 'rgba8',
      levels: mipChainRgba8(packRgba8Cpu(set.albedo, 'colour'), n, 'colour'),
    },
    normal: { format: 'rgba8', levels: mipChainRgba8(packRgba8Cpu(normal, 'normal'), n, 'normal') },
    orm: { format: 'rgba8', levels: mipChainRgba8(packRgba8Cpu(set.orm, 'linear'), n, 'linear') },
    height: { format: 'r32f', levels: mipChainHeight(packHeightCpu(set.field), n) },
  };
  if (set.emissive) {
    const level0 = packRgba8Cpu(set.emissive, 'colour', 1 / EMISSIVE_RANGE);
    maps.emissive = { format: 'rgba8', levels: mipChainRgba8(level0, n, 'colour') };
  }
  return maps;
}
