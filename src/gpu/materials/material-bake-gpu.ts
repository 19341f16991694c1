// The whole material bake on WebGPU, in one submission: every pass of every material, the blend,
// the normal, the packing and every mip level are recorded into one compute pass, followed by the
// copies to the readback buffers. Buffers are allocated once per bake and destroyed in `finally`;
// validation and out-of-memory errors surface as GpuKernelError, and so do sizes the device cannot
// bind (checked before anything is created). Same passes and formats as bakeMaterialCpu
// (src/core/materials/bake/bake-cpu.ts):
//
//   per material (A, then B for a blend), float maps vec4f per texel:
//     pattern → field            ao: field → orm (aux: ao, curvature, slope)
//     surface: field + aux → albedo, orm, [emissive]        modifier (unless identity): all in place
//   blend: A and B → B           normal: final field → normal (A's albedo buffer when blending)
//   pack: albedo, normal, orm, [emissive] → RGBA8 chains (u32 per texel), height → f32 chain
//   mip: each chain, level by level to 1x1           copy every chain to its readback
import { bakePlan } from '../../core/materials/bake/bake-cpu';
import { blendUniforms } from '../../core/materials/bake/material-blend';
import { modifierUniforms } from '../../core/materials/bake/material-modifier';
import { PACK_MODES } from '../../core/materials/bake/material-pack';
import { validateBakeRequest, type MaterialBakeRequest } from '../../core/materials/bake-request';
import { EMISSIVE_RANGE, type MaterialMaps, type Rgba8Map } from '../../core/materials/maps';
import { isIdentityModifiers, type MaterialModifiers } from '../../core/materials/modifiers';
import type { MaterialUniformValues } from '../../core/materials/uniforms';
import { GpuKernelError, type KernelRunner } from '../kernel-runner';
import {
  MATERIAL_KERNELS,
  MaterialPassEncoder,
  chainLayout,
  floatMapBytes,
} from './material-passes';
import { patternKernelDefinition } from './pattern-pass';

const LABEL = 'MaterialBake';

interface GpuSet {
  field: GPUBuffer;
  albedo: GPUBuffer;
  orm: GPUBuffer;
  emissive: GPUBuffer;
}

type ChainName = 'albedo' | 'normal' | 'orm' | 'height' | 'emissive';
const MIP_MODES: Record<ChainName, number> = {
  albedo: 0,
  emissive: 0,
  normal: 1,
  orm: 2,
  height: 3,
};

/** Refuses, with a clear message, a bake whose buffers this device cannot hold or bind. */
export function checkBakeLimits(
  size: number,
  limits: Pick<
    GPUSupportedLimits,
    | 'maxStorageBufferBindingSize'
    | 'maxBufferSize'
    | 'maxStorageBuffersPerShaderStage'
    | 'maxComputeWorkgroupsPerDimension'
  >,
  blend: boolean,
): void {
  const floatBytes = floatMapBytes(size);
  const chainBytes = chainLayout(size).texels * 4;
  const largest = Math.max(floatBytes, chainBytes);
  if (largest > limits.maxStorageBufferBindingSize || largest > limits.maxBufferSize) {
    throw new GpuKernelError(
      LABEL,
      `a ${size}x${size} bake needs ${largest} bytes per float map, over this device's limit ` +
        `(storage binding ${limits.maxStorageBufferBindingSize}, buffer ${limits.maxBufferSize} bytes); ` +
        `bake at a smaller size`,
    );
  }
  const bindings = blend ? 8 : 4;
  if (limits.maxStorageBuffersPerShaderStage < bindings) {
    throw new GpuKernelError(
      LABEL,
      `the bake binds ${bindings} storage buffers per pass; this device allows ${limits.maxStorageBuffersPerShaderStage}`,
    );
  }
  if (Math.ceil(size / 8) > limits.maxComputeWorkgroupsPerDimension) {
    throw new GpuKernelError(LABEL, `${size}x${size} needs more workgroups than the device allows`);
  }
}

export async function bakeMaterialGpu(
  runner: KernelRunner,
  input: MaterialBakeRequest,
): Promise<MaterialMaps> {
  const request = validateBakeRequest(input);
  const plan = bakePlan(request);
  const size = plan.size;
  const chain = chainLayout(size);

  return runner.withDevice(async (device) => {
    checkBakeLimits(size, device.limits, plan.b !== undefined);
    const enc = new MaterialPassEncoder(device, runner, LABEL);
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    let scopesOpen = true;
    const popScopes = async () => {
      scopesOpen = false;
      const validation = await device.popErrorScope();
      const oom = await device.popErrorScope();
      return validation ?? oom;
    };
    try {
      const encoder = device.createCommandEncoder({ label: `${LABEL}.encoder` });
      const pass = encoder.beginComputePass({ label: `${LABEL}.pass` });

      const a = encodeSet(enc, pass, 'A', plan.a, request.modifiers, plan.emissive);
      let final = a;
      let normal: GPUBuffer;
      if (request.blend && plan.b) {
        const b = encodeSet(enc, pass, 'B', plan.b, request.blend.modifiers, plan.emissive);
        const blend = MATERIAL_KERNELS.blend;
        const uniform = enc.uniform(blend.kernel, blend.uniform, {
          ...blendUniforms(request.blend.settings, plan.a, plan.b),
        });
        enc.dispatch(
          pass,
          blend.kernel,
          uniform,
          [a.field, a.albedo, a.orm, a.emissive, b.field, b.albedo, b.orm, b.emissive],
          size,
        );
        final = b;
        normal = a.albedo; // free once blended
      } else {
        normal = enc.buffer('normal', floatMapBytes(size));
      }

      const normalDef = MATERIAL_KERNELS.normal;
      enc.dispatch(
        pass,
        normalDef.kernel,
        enc.uniform(normalDef.kernel, normalDef.uniform, { size, depth: plan.depth }),
        [final.field, normal],
        size,
      );

      const sources: [ChainName, GPUBuffer, number, number][] = [
        ['albedo', final.albedo, PACK_MODES.colour, 1],
        ['normal', normal, PACK_MODES.normal, 1],
        ['orm', final.orm, PACK_MODES.linear, 1],
        ['height', final.field, PACK_MODES.height, 1],
      ];
      if (plan.emissive) {
        sources.push(['emissive', final.emissive, PACK_MODES.colour, 1 / EMISSIVE_RANGE]);
      }
      const packDef = MATERIAL_KERNELS.pack;
      const mipDef = MATERIAL_KERNELS.mip;
      const chains = sources.map(([name, source, mode, scale]) => {
        const buffer = enc.buffer(`${name}.chain`, chain.texels * 4);
        enc.dispatch(
          pass,
          packDef.kernel,
          enc.uniform(packDef.kernel, packDef.uniform, { size, mode, scale }),
          [source, buffer],
          size,
        );
        return { name, buffer };
      });
      for (let level = 0; level + 1 < chain.sizes.length; level++) {
        const srcSize = chain.sizes[level]!;
        for (const { name, buffer } of chains) {
          const uniform = enc.uniform(mipDef.kernel, mipDef.uniform, {
            srcSize,
            srcOffset: chain.offsets[level]!,
            dstOffset: chain.offsets[level + 1]!,
            mode: MIP_MODES[name],
          });
          enc.dispatch(pass, mipDef.kernel, uniform, [buffer], Math.max(1, srcSize >> 1));
        }
      }
      pass.end();

      const readbacks = chains.map(({ name, buffer }) => {
        const readback = enc.readback(name, chain.texels * 4);
        encoder.copyBufferToBuffer(buffer, 0, readback, 0, chain.texels * 4);
        return { name, readback };
      });
      device.queue.submit([encoder.finish()]);

      const error = await popScopes();
      if (error) throw new GpuKernelError(LABEL, error.message);

      await Promise.all(readbacks.map(({ readback }) => readback.mapAsync(GPUMapMode.READ)));
      const levels = new Map<ChainName, ArrayBuffer[]>();
      for (const { name, readback } of readbacks) {
        const range = readback.getMappedRange();
        levels.set(
          name,
          chain.offsets.map((offset, k) =>
            range.slice(offset * 4, (offset + chain.sizes[k]! ** 2) * 4),
          ),
        );
        readback.unmap();
      }
      const rgba8 = (name: ChainName): Rgba8Map => ({
        format: 'rgba8',
        levels: levels.get(name)!.map((b) => new Uint8Array(b)),
      });
      const maps: MaterialMaps = {
        size,
        albedo: rgba8('albedo'),
        normal: rgba8('normal'),
        orm: rgba8('orm'),
        height: { format: 'r32f', levels: levels.get('height')!.map((b) => new Float32Array(b)) },
      };
      if (plan.emissive) maps.emissive = rgba8('emissive');
      return maps;
    } finally {
      if (scopesOpen) await popScopes().catch(() => null);
      enc.destroy();
    }
  });
}

/** Records one material's passes: pattern → ao → surface → modifier. */
function encodeSet(
  enc: MaterialPassEncoder,
  pass: GPUComputePassEncoder,
  name: string,
  u: MaterialUniformValues,
  modifiers: MaterialModifiers | undefined,
  withEmissive: boolean,
): GpuSet {
  const size = u.size;
  const bytes = floatMapBytes(size);
  const set: GpuSet = {
    field: enc.buffer(`field${name}`, bytes),
    albedo: enc.buffer(`albedo${name}`, bytes),
    orm: enc.buffer(`orm${name}`, bytes),
    emissive: withEmissive ? enc.buffer(`emissive${name}`, bytes) : enc.absent(`emissive${name}`),
  };
  const values = { ...u };
  const params = enc.uniform(MATERIAL_KERNELS.ao.kernel, 'params', values);
  enc.dispatch(pass, patternKernelDefinition, params, [set.field], size);
  enc.dispatch(pass, MATERIAL_KERNELS.ao.kernel, params, [set.field, set.orm], size);
  enc.dispatch(
    pass,
    MATERIAL_KERNELS.surface.kernel,
    params,
    [set.field, set.albedo, set.orm, set.emissive],
    size,
  );
  if (!isIdentityModifiers(modifiers)) {
    const def = MATERIAL_KERNELS.modifier;
    const uniform = enc.uniform(def.kernel, def.uniform, { ...modifierUniforms(modifiers!, u) });
    enc.dispatch(pass, def.kernel, uniform, [set.field, set.albedo, set.orm, set.emissive], size);
  }
  return set;
}
