// The material kernels after the pattern pass (shaders/material-*.wgsl) as kernel definitions, and
// a small encoder that records their dispatches into one compute pass: it creates and labels every
// buffer and bind group it needs, keeps them for one destroy, and counts dispatches on the runner.
// material-bake-gpu.ts strings the passes together; the browser tests run each kernel alone.
import materialAo from '../../../shaders/material-ao.wgsl';
import materialBlend from '../../../shaders/material-blend.wgsl';
import materialCommon from '../../../shaders/material-common.wgsl';
import materialMip from '../../../shaders/material-mip.wgsl';
import materialModifier from '../../../shaders/material-modifier.wgsl';
import materialNoise from '../../../shaders/material-noise.wgsl';
import materialNormal from '../../../shaders/material-normal.wgsl';
import materialPack from '../../../shaders/material-pack.wgsl';
import materialSurface from '../../../shaders/material-surface.wgsl';
import type { KernelDefinition, KernelRunner } from '../kernel-runner';
import type { UniformValue } from '../wgsl-layout';

export const MATERIAL_WORKGROUP = [8, 8] as const;

const constants = { WG_X: MATERIAL_WORKGROUP[0], WG_Y: MATERIAL_WORKGROUP[1] };

function kernel(label: string, code: string, noise: boolean): KernelDefinition {
  return {
    label,
    code: noise ? `${materialNoise}\n${materialCommon}\n${code}` : `${materialCommon}\n${code}`,
    constants,
  };
}

/** Each kernel with the name of its uniform variable (binding 0). */
export const MATERIAL_KERNELS = {
  ao: { kernel: kernel('MaterialAo', materialAo, false), uniform: 'params' },
  surface: { kernel: kernel('MaterialSurface', materialSurface, false), uniform: 'params' },
  modifier: { kernel: kernel('MaterialModifier', materialModifier, true), uniform: 'mods' },
  blend: { kernel: kernel('MaterialBlend', materialBlend, true), uniform: 'blend' },
  normal: { kernel: kernel('MaterialNormal', materialNormal, false), uniform: 'normalParams' },
  pack: { kernel: kernel('MaterialPack', materialPack, false), uniform: 'pack' },
  mip: { kernel: kernel('MaterialMip', materialMip, false), uniform: 'mip' },
} as const;
export type MaterialKernelName = keyof typeof MATERIAL_KERNELS;

/** Bytes of one vec4f-per-texel float map of side `size`. */
export function floatMapBytes(size: number): number {
  return size * size * 16;
}

/** Texel offsets of each level in a packed chain (level 0 first, down to 1x1), and the total. */
export function chainLayout(size: number): { offsets: number[]; sizes: number[]; texels: number } {
  const offsets: number[] = [];
  const sizes: number[] = [];
  let texels = 0;
  for (let s = size; ; s >>= 1) {
    offsets.push(texels);
    sizes.push(s);
    texels += s * s;
    if (s === 1) break;
  }
  return { offsets, sizes, texels };
}

export const STORAGE_USAGE =
  GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

/**
 * Records material dispatches on one device into one compute pass. Everything it creates is
 * labelled `${label}.…` and destroyed by destroy().
 */
export class MaterialPassEncoder {
  private readonly created: GPUBuffer[] = [];
  private uniforms = 0;

  constructor(
    readonly device: GPUDevice,
    private readonly runner: KernelRunner,
    readonly label: string,
  ) {}

  /** A storage buffer (zero-filled, as WebGPU creates them), or one holding `data`. */
  buffer(name: string, bytes: number, data?: ArrayBufferView<ArrayBuffer>): GPUBuffer {
    const buffer = this.device.createBuffer({
      label: `${this.label}.${name}`,
      size: Math.ceil(bytes / 16) * 16,
      usage: STORAGE_USAGE,
    });
    this.created.push(buffer);
    if (data) this.device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  }

  /**
   * A 16-byte buffer to bind where a map is absent (no emissive): too short for any texel, and the
   * kernels check arrayLength before touching it. One per use, so a dispatch that binds two absent
   * maps (the blend) does not bind one buffer as both read-only and writable.
   */
  absent(name: string): GPUBuffer {
    return this.buffer(`${name}.absent`, 16);
  }

  readback(name: string, bytes: number): GPUBuffer {
    const buffer = this.device.createBuffer({
      label: `${this.label}.${name}.readback`,
      size: Math.ceil(bytes / 4) * 4,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    this.created.push(buffer);
    return buffer;
  }

  /** A uniform buffer holding `values` encoded by the kernel's WGSL-derived layout. */
  uniform(
    def: KernelDefinition,
    variable: string,
    values: Record<string, UniformValue>,
  ): GPUBuffer {
    const block = this.runner.layout(def, variable);
    const buffer = this.device.createBuffer({
      label: `${this.label}.${def.label}.uniforms[${this.uniforms++}]`,
      size: Math.ceil(block.size / 16) * 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.created.push(buffer);
    this.device.queue.writeBuffer(buffer, 0, block.encode(values));
    return buffer;
  }

  /**
   * One dispatch of `def` over width x height texels: binding 0 is the uniform buffer, bindings
   * 1.. the storage buffers in order.
   */
  dispatch(
    pass: GPUComputePassEncoder,
    def: KernelDefinition,
    uniform: GPUBuffer,
    storage: GPUBuffer[],
    width: number,
    height = width,
  ): void {
    const pipeline = this.runner.pipeline(this.device, def);
    const bindGroup = this.device.createBindGroup({
      label: `${this.label}.${def.label}.bindGroup`,
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        ...storage.map((buffer, k) => ({ binding: k + 1, resource: { buffer } })),
      ],
    });
    const wx = def.constants?.WG_X ?? MATERIAL_WORKGROUP[0];
    const wy = def.constants?.WG_Y ?? MATERIAL_WORKGROUP[1];
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(width / wx), Math.ceil(height / wy));
    this.runner.countDispatches(1);
  }

  destroy(): void {
    this.created.forEach((b) => b.destroy());
    this.created.length = 0;
  }
}
