// The surface pass beside its kernel (shaders/marching-tets.wgsl): an occupancy grid → an indexed,
// welded, watertight mesh, with the same vertices and triangles in the same order as the CPU
// reference (src/core/shape/marching-tets.ts). Two submissions: classify + prefix sum, then (once
// the totals are read back and the output buffers sized) triangle and vertex emission. All of it,
// the scan and the normals included, runs on the GPU; the CPU only sizes buffers.
import marchingTetsKernel from '../../../shaders/marching-tets.wgsl';
import {
  EDGE_T_MIN,
  TET_CORNERS_OFFSET,
  TET_ENTRY_STRIDE,
  checkOccupancyGrid,
  tetTable,
} from '../../core/shape/marching-tets';
import type { OccupancyGrid, ShapeMesh } from '../../core/shape/shape-types';
import type { GpuDeviceInfo } from '../gpu-context';
import { GpuKernelError, type KernelDefinition, type KernelRunner } from '../kernel-runner';

/** Invocations per workgroup of the per-point entry points. */
export const SURFACE_WORKGROUP = 64;
/** Invocations per workgroup of the prefix sum (SCAN_BLOCK in the kernel). */
export const SCAN_BLOCK = 256;
const DEFAULT_SCAN_ITEMS_PER_THREAD = 4;

const LABEL = 'MarchingTets';

type EntryPoint = 'classify' | 'scan_blocks' | 'add_offsets' | 'emit_triangles' | 'emit_vertices';

/** The bindings each entry point uses (its 'auto' layout holds exactly these). */
const BINDINGS: Record<EntryPoint, readonly number[]> = {
  classify: [0, 1, 2, 3, 4],
  scan_blocks: [5, 6],
  add_offsets: [5, 6],
  emit_triangles: [0, 1, 2, 3, 4, 9, 10],
  emit_vertices: [0, 1, 2, 3, 4, 7, 8, 10],
};

export interface SurfacePassOptions {
  /** Lower the workgroups-per-dimension limit below the device's (tests use it to force 2D). */
  maxWorkgroupsPerDimension?: number;
  /** Elements each scan invocation sums (default 4); tests lower it to get more scan levels. */
  scanItemsPerThread?: number;
}

export function surfaceKernel(
  entryPoint: EntryPoint,
  scanItemsPerThread = DEFAULT_SCAN_ITEMS_PER_THREAD,
): KernelDefinition {
  return {
    label: `${LABEL}.${entryPoint}`,
    code: marchingTetsKernel,
    entryPoint,
    constants: {
      WG: SURFACE_WORKGROUP,
      TET_ENTRY_STRIDE,
      TET_CORNERS_OFFSET,
      EDGE_T_MIN,
      SCAN_ITEMS_PER_THREAD: scanItemsPerThread,
    },
  };
}

/**
 * Workgroups for `groups` linearised workgroups: [x, y] with x * y >= groups, each at most
 * maxPerDimension; the kernels number them x + y * (workgroups in x).
 */
export function planGroups(groups: number, maxPerDimension: number): [number, number] {
  const x = Math.max(1, Math.min(groups, maxPerDimension));
  const y = Math.ceil(groups / x);
  if (y > maxPerDimension) {
    throw new RangeError(
      `${groups} workgroups exceed ${maxPerDimension} x ${maxPerDimension}, this device's limit`,
    );
  }
  return [x, y];
}

/** Element counts of the prefix sum's levels: level k + 1 holds level k's block sums, down to 1. */
export function scanLevels(count: number, itemsPerBlock: number): number[] {
  const sizes = [count];
  while (sizes[sizes.length - 1]! > 1) {
    sizes.push(Math.ceil(sizes[sizes.length - 1]! / itemsPerBlock));
  }
  return sizes;
}

export function extractSurfaceGpu(
  runner: KernelRunner,
  grid: OccupancyGrid,
  options: SurfacePassOptions = {},
): Promise<ShapeMesh> {
  checkOccupancyGrid(grid);
  const items = options.scanItemsPerThread ?? DEFAULT_SCAN_ITEMS_PER_THREAD;
  if (!Number.isInteger(items) || items < 1) {
    throw new RangeError(`scanItemsPerThread must be a whole number >= 1, got ${items}`);
  }
  return runner.withDevice((device, info) =>
    new SurfaceRun(runner, device, info, grid, items, options.maxWorkgroupsPerDimension).run(),
  );
}

const EMPTY_MESH = (): ShapeMesh => ({
  positions: new Float32Array(0),
  normals: new Float32Array(0),
  indices: new Uint32Array(0),
});

/** One extraction: owns every buffer it creates and destroys them all at the end. */
class SurfaceRun {
  private readonly created: GPUBuffer[] = [];
  private readonly buffers: Record<number, GPUBuffer> = {};
  private readonly pointCount: number;
  private readonly cap: number;
  private readonly maxDim: number;

  constructor(
    private readonly runner: KernelRunner,
    private readonly device: GPUDevice,
    info: GpuDeviceInfo,
    private readonly grid: OccupancyGrid,
    private readonly scanItems: number,
    maxWorkgroupsPerDimension = Infinity,
  ) {
    this.pointCount = (grid.n + 1) ** 3;
    this.cap = Math.min(info.limits.maxStorageBufferBindingSize, info.limits.maxBufferSize);
    this.maxDim = Math.min(info.limits.maxComputeWorkgroupsPerDimension, maxWorkgroupsPerDimension);
  }

  async run(): Promise<ShapeMesh> {
    if (this.pointCount * 8 > this.cap) {
      throw new GpuKernelError(
        LABEL,
        `a grid of n = ${this.grid.n} needs ${this.pointCount * 8}-byte buffers; this device binds at most ${this.cap} bytes`,
      );
    }
    try {
      const [vertexCount, triangleCount] = await this.count();
      if (vertexCount === 0) return EMPTY_MESH();
      if (Math.max(vertexCount, triangleCount) * 12 > this.cap) {
        throw new GpuKernelError(
          LABEL,
          `the surface has ${vertexCount} vertices and ${triangleCount} triangles, more than this device binds (${this.cap} bytes per buffer)`,
        );
      }
      return await this.emit(vertexCount, triangleCount);
    } finally {
      this.created.forEach((b) => b.destroy());
    }
  }

  /** Submission 1: classify, then the prefix sum of (vertices, triangles) per point; the totals. */
  private async count(): Promise<[number, number]> {
    const { device, grid, pointCount } = this;
    const storage = GPUBufferUsage.STORAGE;
    const itemsPerBlock = SCAN_BLOCK * this.scanItems;
    const levels = scanLevels(pointCount, itemsPerBlock);
    const readback = await this.inScopes(() => {
      const block = this.runner.layout(this.kernel('classify'), 'params');
      const params = { n: grid.n, pointCount, iso: grid.iso, bound: grid.bound };
      const uniforms = block.encode({ ...params, step: (2 * grid.bound) / grid.n });
      const table = tetTable();
      const uniformUsage = GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST;
      this.buffers[0] = this.buffer('params', Math.ceil(block.size / 16) * 16, uniformUsage);
      this.buffers[1] = this.buffer('values', pointCount * 4, storage | GPUBufferUsage.COPY_DST);
      this.buffers[2] = this.buffer('info', pointCount * 4, storage);
      this.buffers[3] = this.buffer('counts', pointCount * 8, storage);
      this.buffers[4] = this.buffer('table', table.byteLength, storage | GPUBufferUsage.COPY_DST);
      device.queue.writeBuffer(this.buffers[0], 0, uniforms);
      device.queue.writeBuffer(this.buffers[1], 0, grid.values as Float32Array<ArrayBuffer>);
      device.queue.writeBuffer(this.buffers[4], 0, table);
      const scan = levels.map((size, k) =>
        k === 0
          ? this.buffers[3]!
          : this.buffer(`scan[${k}]`, size * 8, storage | GPUBufferUsage.COPY_SRC),
      );
      const totals = this.buffer(
        'totals.readback',
        8,
        GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      );

      const encoder = device.createCommandEncoder({ label: `${LABEL}.encoder.count` });
      const pass = encoder.beginComputePass({ label: `${LABEL}.pass.count` });
      this.dispatch(pass, 'classify', 'classify', this.buffers, pointCount / SURFACE_WORKGROUP);
      for (let k = 0; k + 1 < levels.length; k++) {
        const bound = { 5: scan[k]!, 6: scan[k + 1]! };
        this.dispatch(pass, 'scan_blocks', `scan[${k}]`, bound, levels[k]! / itemsPerBlock);
      }
      // The top level fits one block and is complete; add block offsets on the way down.
      for (let k = levels.length - 3; k >= 0; k--) {
        const bound = { 5: scan[k]!, 6: scan[k + 1]! };
        this.dispatch(pass, 'add_offsets', `offsets[${k}]`, bound, levels[k]! / SCAN_BLOCK);
      }
      pass.end();
      encoder.copyBufferToBuffer(scan[levels.length - 1]!, 0, totals, 0, 8);
      device.queue.submit([encoder.finish()]);
      return totals;
    });
    const totals = new Uint32Array(await this.read(readback));
    return [totals[0]!, totals[1]!];
  }

  /** Submission 2: triangles (indices, face normals), then vertices (positions, normals). */
  private async emit(vertexCount: number, triangleCount: number): Promise<ShapeMesh> {
    const { device } = this;
    const storage = GPUBufferUsage.STORAGE;
    const outUsage = storage | GPUBufferUsage.COPY_SRC;
    const readUsage = GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;
    const outputs = [
      ['positions', 7, vertexCount * 12],
      ['normals', 8, vertexCount * 12],
      ['indices', 9, triangleCount * 12],
    ] as const;
    const readbacks = await this.inScopes(() => {
      for (const [name, binding, size] of outputs)
        this.buffers[binding] = this.buffer(name, size, outUsage);
      this.buffers[10] = this.buffer('faces', triangleCount * 12, storage);
      const encoder = device.createCommandEncoder({ label: `${LABEL}.encoder.emit` });
      const pass = encoder.beginComputePass({ label: `${LABEL}.pass.emit` });
      // Triangles first: the vertex normals gather their face normals.
      for (const entry of ['emit_triangles', 'emit_vertices'] as const) {
        this.dispatch(pass, entry, entry, this.buffers, this.pointCount / SURFACE_WORKGROUP);
      }
      pass.end();
      const copies = outputs.map(([name, binding, size]) => {
        const readback = this.buffer(`${name}.readback`, size, readUsage);
        encoder.copyBufferToBuffer(this.buffers[binding]!, 0, readback, 0, size);
        return readback;
      });
      device.queue.submit([encoder.finish()]);
      return copies;
    });
    const [positions, normals, indices] = await Promise.all(readbacks.map((b) => this.read(b)));
    return {
      positions: new Float32Array(positions!),
      normals: new Float32Array(normals!),
      indices: new Uint32Array(indices!),
    };
  }

  private kernel(entry: EntryPoint): KernelDefinition {
    return surfaceKernel(entry, this.scanItems);
  }

  private buffer(name: string, size: number, usage: number): GPUBuffer {
    const label = `${LABEL}.${name}`;
    const b = this.device.createBuffer({ label, size: Math.max(4, size), usage });
    this.created.push(b);
    return b;
  }

  /** Dispatches `groups` (rounded up) workgroups of an entry point over the given bindings. */
  private dispatch(
    pass: GPUComputePassEncoder,
    entry: EntryPoint,
    name: string,
    buffers: Record<number, GPUBuffer>,
    groups: number,
  ): void {
    const pipeline = this.runner.pipeline(this.device, this.kernel(entry));
    const bindGroup = this.device.createBindGroup({
      label: `${LABEL}.bindGroup.${name}`,
      layout: pipeline.getBindGroupLayout(0),
      entries: BINDINGS[entry].map((binding) => ({
        binding,
        resource: { buffer: buffers[binding]! },
      })),
    });
    const [x, y] = planGroups(Math.ceil(groups), this.maxDim);
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(x, y);
    this.runner.countDispatches(1);
  }

  /** Runs GPU calls inside validation and out-of-memory scopes; throws what they caught. */
  private async inScopes<T>(work: () => T): Promise<T> {
    this.device.pushErrorScope('out-of-memory');
    this.device.pushErrorScope('validation');
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: work() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const validation = await this.device.popErrorScope();
    const oom = await this.device.popErrorScope();
    if (validation || oom) throw new GpuKernelError(LABEL, (validation ?? oom)!.message);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  private async read(buffer: GPUBuffer): Promise<ArrayBuffer> {
    await buffer.mapAsync(GPUMapMode.READ);
    const bytes = buffer.getMappedRange().slice(0);
    buffer.unmap();
    return bytes;
  }
}
