// Terrain's GPU passes: the heightfield (shaders/terrain-height.wgsl, row-chunked through the kernel
// runner) and thermal erosion (shaders/erosion-thermal.wgsl, all iterations ping-ponging between two
// storage buffers in one submission). Integer kernels: the results equal the CPU references
// (src/core/terrain) bit for bit.
import erosionKernel from '../../shaders/erosion-thermal.wgsl';
import fixedNoiseLibrary from '../../shaders/fixed-noise.wgsl';
import terrainHeightKernel from '../../shaders/terrain-height.wgsl';
import type { ErosionQ16 } from '../core/terrain/erosion';
import type { HeightfieldQ16 } from '../core/terrain/fixed-noise';
import { GpuKernelError, type KernelDefinition, type KernelRunner } from './kernel-runner';

export const TERRAIN_WORKGROUP = [8, 8] as const;
const MAX_OCTAVES = 12;

export const terrainHeightKernelDefinition: KernelDefinition = {
  label: 'TerrainHeight',
  code: `${fixedNoiseLibrary}\n${terrainHeightKernel}`,
  constants: { WG_X: TERRAIN_WORKGROUP[0], WG_Y: TERRAIN_WORKGROUP[1] },
};

export const erosionKernelDefinition: KernelDefinition = {
  label: 'ErosionThermal',
  code: `${fixedNoiseLibrary}\n${erosionKernel}`,
  constants: { WG_X: TERRAIN_WORKGROUP[0], WG_Y: TERRAIN_WORKGROUP[1] },
};

export interface TerrainPassOptions {
  /** Cap on bytes per heightfield dispatch chunk, below the device's limit (for tests). */
  maxChunkBytes?: number;
}

export async function heightfieldGpu(
  runner: KernelRunner,
  p: HeightfieldQ16,
  options: TerrainPassOptions = {},
): Promise<Int32Array<ArrayBuffer>> {
  if (p.octaves.length > MAX_OCTAVES) {
    throw new RangeError(`terrain: at most ${MAX_OCTAVES} octaves, got ${p.octaves.length}`);
  }
  const octaves = new Array<number>(MAX_OCTAVES * 4).fill(0);
  const seeds = new Array<number>(MAX_OCTAVES * 4).fill(0);
  p.octaves.forEach((o, k) => {
    octaves.splice(k * 4, 4, o.step, o.offsetX, o.offsetY, o.amplitude);
    seeds[k * 4] = o.seed;
  });
  const bytes = await runner.runRows({
    kernel: terrainHeightKernelDefinition,
    uniformVariable: 'params',
    width: p.resolution,
    height: p.resolution,
    bytesPerTexel: 4,
    workgroup: TERRAIN_WORKGROUP,
    ...(options.maxChunkBytes !== undefined ? { maxChunkBytes: options.maxChunkBytes } : {}),
    uniforms: (chunk) => ({
      resolution: p.resolution,
      rowOffset: chunk.rowOffset,
      rowCount: chunk.rowCount,
      kind: p.kind,
      fractal: p.fractal,
      octaveCount: p.octaves.length,
      warpSamples: p.warpSamples >>> 0,
      warpSeedX: p.warpSeedX >>> 0,
      warpSeedY: p.warpSeedY >>> 0,
      octaves,
      seeds,
    }),
  });
  return new Int32Array(bytes);
}

export async function erodeGpu(
  runner: KernelRunner,
  heights: Int32Array<ArrayBuffer>,
  p: ErosionQ16,
): Promise<Int32Array<ArrayBuffer>> {
  if (p.iterations === 0) return new Int32Array(heights);
  const kernel = erosionKernelDefinition;
  const n = p.resolution;
  const size = heights.byteLength;
  return runner.withDevice(async (device, info) => {
    if (size > info.limits.maxStorageBufferBindingSize) {
      throw new GpuKernelError(
        kernel.label,
        `a ${n}x${n} heightfield (${size} bytes) exceeds this device's storage binding limit (${info.limits.maxStorageBufferBindingSize} bytes)`,
      );
    }
    const groups = [Math.ceil(n / TERRAIN_WORKGROUP[0]), Math.ceil(n / TERRAIN_WORKGROUP[1])];
    if (Math.max(...groups) > info.limits.maxComputeWorkgroupsPerDimension) {
      throw new GpuKernelError(
        kernel.label,
        `${n}x${n} needs more workgroups than the device allows`,
      );
    }
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const pipeline = runner.pipeline(device, kernel);
    const block = runner.layout(kernel, 'params');
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const a = device.createBuffer({ label: `${kernel.label}.heights[0]`, size, usage });
    const b = device.createBuffer({ label: `${kernel.label}.heights[1]`, size, usage });
    const uniform = device.createBuffer({
      label: `${kernel.label}.uniforms`,
      size: Math.ceil(block.size / 16) * 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    const readback = device.createBuffer({
      label: `${kernel.label}.readback`,
      size,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const created = [a, b, uniform, readback];
    try {
      device.queue.writeBuffer(a, 0, heights);
      device.queue.writeBuffer(
        uniform,
        0,
        block.encode({ resolution: n, talus: p.talus, rate: p.rate >>> 0 }),
      );
      const bind = (src: GPUBuffer, dst: GPUBuffer, k: number) =>
        device.createBindGroup({
          label: `${kernel.label}.bindGroup[${k}]`,
          layout: pipeline.getBindGroupLayout(0),
          entries: [
            { binding: 0, resource: { buffer: uniform } },
            { binding: 1, resource: { buffer: src } },
            { binding: 2, resource: { buffer: dst } },
          ],
        });
      const forward = bind(a, b, 0);
      const backward = bind(b, a, 1);
      const encoder = device.createCommandEncoder({ label: `${kernel.label}.encoder` });
      const pass = encoder.beginComputePass({ label: `${kernel.label}.pass` });
      pass.setPipeline(pipeline);
      for (let k = 0; k < p.iterations; k++) {
        pass.setBindGroup(0, k % 2 === 0 ? forward : backward);
        pass.dispatchWorkgroups(groups[0]!, groups[1]!);
      }
      pass.end();
      encoder.copyBufferToBuffer(p.iterations % 2 === 1 ? b : a, 0, readback, 0, size);
      device.queue.submit([encoder.finish()]);
      runner.countDispatches(p.iterations);
      const validation = await device.popErrorScope();
      const oom = await device.popErrorScope();
      if (validation || oom) throw new GpuKernelError(kernel.label, (validation ?? oom)!.message);
      await readback.mapAsync(GPUMapMode.READ);
      const out = new Int32Array(readback.getMappedRange().slice(0));
      readback.unmap();
      return out;
    } finally {
      created.forEach((buffer) => buffer.destroy());
    }
  });
}
