// Runs WGSL compute kernels on a GpuContext: caches pipelines per device, labels every GPU object,
// writes uniforms from layouts derived from the WGSL, dispatches in chunks that respect the device's
// limits, checks validation/out-of-memory error scopes, and reads results back as transferable
// ArrayBuffers.
import type { GpuContext, GpuDeviceInfo } from './gpu-context';
import { planRowChunks, type RowChunk } from './row-chunks';
import { uniformBlock, type UniformBlock, type UniformValue } from './wgsl-layout';

export interface KernelDefinition {
  /** Prefix of every GPU object's label, e.g. 'NoiseBake'. */
  label: string;
  code: string;
  entryPoint?: string;
  /** Pipeline-overridable constants (WGSL `override`). */
  constants?: Record<string, number>;
}

export interface RowKernelRun {
  kernel: KernelDefinition;
  /** Name of the uniform struct variable (binding 0); the output storage buffer is binding 1. */
  uniformVariable: string;
  uniforms: (chunk: RowChunk) => Record<string, UniformValue>;
  width: number;
  height: number;
  bytesPerTexel: number;
  workgroup: readonly [number, number];
  /** Lower the per-chunk byte cap below the device's (tests use it to force many chunks). */
  maxChunkBytes?: number;
}

export class GpuKernelError extends Error {
  constructor(
    readonly kernel: string,
    readonly gpuMessage: string,
  ) {
    super(`${kernel}: GPU error: ${gpuMessage}`);
    this.name = 'GpuKernelError';
  }
}

export class KernelRunner {
  private readonly pipelines = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();
  private readonly layouts = new Map<string, UniformBlock>();
  private dispatches = 0;

  constructor(private readonly gpu: GpuContext) {}

  /** Dispatches issued so far (all chunks of all runs). */
  get dispatchCount(): number {
    return this.dispatches;
  }

  info(): Promise<GpuDeviceInfo> {
    return this.gpu.device().then((d) => d.info);
  }

  /** Runs a kernel over width x height texels in row chunks; returns the packed output bytes. */
  runRows(run: RowKernelRun): Promise<ArrayBuffer> {
    return this.gpu.withDevice((device, info) => this.execute(device, info, run));
  }

  /** Runs custom-bound work (several buffers, many dispatches) on the current device. */
  withDevice<T>(work: (device: GPUDevice, info: GpuDeviceInfo) => Promise<T>): Promise<T> {
    return this.gpu.withDevice(work);
  }

  /** Counts dispatches issued by custom-bound work, alongside runRows' own. */
  countDispatches(n: number): void {
    this.dispatches += n;
  }

  /** The kernel's pipeline on this device, created once and cached. */
  pipeline(device: GPUDevice, kernel: KernelDefinition): GPUComputePipeline {
    let cache = this.pipelines.get(device);
    if (!cache) {
      cache = new Map();
      this.pipelines.set(device, cache);
    }
    const key = `${kernel.label}|${kernel.entryPoint ?? 'main'}|${JSON.stringify(kernel.constants ?? {})}`;
    let pipeline = cache.get(key);
    if (!pipeline) {
      const module = device.createShaderModule({
        label: `${kernel.label}.module`,
        code: kernel.code,
      });
      pipeline = device.createComputePipeline({
        label: `${kernel.label}.pipeline`,
        layout: 'auto',
        compute: {
          module,
          entryPoint: kernel.entryPoint ?? 'main',
          constants: kernel.constants ?? {},
        },
      });
      cache.set(key, pipeline);
    }
    return pipeline;
  }

  /** The uniform struct's layout, derived from the kernel's WGSL once. */
  layout(kernel: KernelDefinition, variable: string): UniformBlock {
    const key = `${kernel.label}|${variable}`;
    let block = this.layouts.get(key);
    if (!block) {
      block = uniformBlock(kernel.code, variable);
      this.layouts.set(key, block);
    }
    return block;
  }

  private async execute(
    device: GPUDevice,
    info: GpuDeviceInfo,
    run: RowKernelRun,
  ): Promise<ArrayBuffer> {
    const { kernel, width, height, bytesPerTexel } = run;
    const limits = { ...info.limits };
    if (run.maxChunkBytes !== undefined) {
      limits.maxStorageBufferBindingSize = Math.min(
        limits.maxStorageBufferBindingSize,
        run.maxChunkBytes,
      );
    }
    const chunks = planRowChunks(width, height, bytesPerTexel, run.workgroup, limits);
    const rowBytes = width * bytesPerTexel;
    const block = this.layout(kernel, run.uniformVariable);

    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const pipeline = this.pipeline(device, kernel);
    const maxChunkBytes = Math.max(...chunks.map((c) => c.rowCount * rowBytes));
    const output = device.createBuffer({
      label: `${kernel.label}.output`,
      size: alignTo(maxChunkBytes, 4),
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const created: GPUBuffer[] = [output];
    const readbacks: { buffer: GPUBuffer; chunk: RowChunk }[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const uniform = device.createBuffer({
        label: `${kernel.label}.uniforms[${i}]`,
        size: alignTo(block.size, 16),
        usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      });
      device.queue.writeBuffer(uniform, 0, block.encode(run.uniforms(chunk)));
      const bytes = chunk.rowCount * rowBytes;
      const readback = device.createBuffer({
        label: `${kernel.label}.readback[${i}]`,
        size: alignTo(bytes, 4),
        usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      });
      created.push(uniform, readback);
      const bindGroup = device.createBindGroup({
        label: `${kernel.label}.bindGroup[${i}]`,
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: uniform } },
          { binding: 1, resource: { buffer: output, size: alignTo(bytes, 4) } },
        ],
      });
      const encoder = device.createCommandEncoder({ label: `${kernel.label}.encoder[${i}]` });
      const pass = encoder.beginComputePass({ label: `${kernel.label}.pass[${i}]` });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(chunk.groups[0], chunk.groups[1]);
      pass.end();
      encoder.copyBufferToBuffer(output, 0, readback, 0, alignTo(bytes, 4));
      device.queue.submit([encoder.finish()]);
      this.dispatches++;
      readbacks.push({ buffer: readback, chunk });
    }
    const validation = await device.popErrorScope();
    const oom = await device.popErrorScope();
    if (validation || oom) {
      created.forEach((b) => b.destroy());
      throw new GpuKernelError(kernel.label, (validation ?? oom)!.message);
    }
    const result = new Uint8Array(height * rowBytes);
    try {
      for (const { buffer, chunk } of readbacks) {
        await buffer.mapAsync(GPUMapMode.READ);
        const bytes = chunk.rowCount * rowBytes;
        result.set(
          new Uint8Array(buffer.getMappedRange(0, alignTo(bytes, 4)), 0, bytes),
          chunk.rowOffset * rowBytes,
        );
        buffer.unmap();
      }
    } finally {
      created.forEach((b) => b.destroy());
    }
    return result.buffer;
  }
}

function alignTo(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
